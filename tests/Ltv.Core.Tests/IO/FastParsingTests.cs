using System.Globalization;

using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

using Ltv.Core.IO;

namespace Ltv.Core.Tests.IO;

/// <summary>The hand-written fast paths agree with the BCL parsers they stand in for.</summary>
public class FastParsingTests
{
    [Theory]
    [InlineData("2024-02-29", true)]
    [InlineData("2023-02-29", false)]
    [InlineData("0000-01-01", false)]
    [InlineData("2024-13-01", false)]
    [InlineData("2024-00-10", false)]
    [InlineData("2024-01-00", false)]
    [InlineData("2024-1-010", false)]
    [InlineData("2024/01/01", false)]
    [InlineData("9999-12-31", true)]
    [InlineData("2O24-01-01", false)]
    public void Iso_dates_parse_exactly_as_the_bcl(string text, bool valid)
    {
        var ok = CsvLogReader.TryIsoDate(text, out var date);
        Assert.Equal(valid, ok);
        var bcl = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var expected);
        Assert.Equal(bcl, ok);
        Assert.Equal(expected, date);
    }

    [Property(MaxTest = 1000)]
    public bool Plain_amounts_equal_decimal_parsing_times_the_minor_unit(int seed)
    {
        var random = new Random(seed);
        var chars = new char[random.Next(0, 22)];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = "0123456789.-,"[random.Next(random.Next(2) == 0 ? 10 : 13)];
        }

        var text = new string(chars);
        var digits = random.Next(0, 4);
        if (!RowSink.TryPlainAmount(text, digits, out var minor))
        {
            return true;
        }

        var scale = (decimal)Math.Pow(10, digits);
        return decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d)
            && d * scale == minor;
    }

    [Property(MaxTest = 1000)]
    public bool Amounts_with_group_separators_are_read_only_when_grouped_in_threes(int seed)
    {
        var random = new Random(seed);
        var chars = new char[random.Next(1, 16)];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = "0123456789,."[random.Next(random.Next(3) == 0 ? 12 : 10)];
        }

        var text = new string(chars);
        var sink = new RowSink("f.csv", Ltv.Core.Domain.Currency.USD, ReadMode.Lenient, null);
        var accepted = sink.TryAmount(2, 3, "amount", text, CsvLogReader.AmountStyles, CultureInfo.InvariantCulture, out var minor);

        // The oracle: optional groups of exactly three digits after a first group of one to three, at most two decimals (then zeros).
        var wellFormed = System.Text.RegularExpressions.Regex.IsMatch(text, @"^(?=[,.]*\d)(\d*|\d{1,3}(,\d{3})+)(\.\d{0,2}0*)?$");
        if (!wellFormed)
        {
            return !accepted && sink.Finish().Report.Rejected.Count == 1;
        }

        var plain = text.Replace(",", string.Empty, StringComparison.Ordinal);
        var tooLarge = decimal.Parse(plain, CultureInfo.InvariantCulture) * 100m > long.MaxValue;
        return accepted != tooLarge && (!accepted || decimal.Parse(plain, CultureInfo.InvariantCulture) * 100m == minor);
    }

    [Theory]
    [InlineData("12,50")]
    [InlineData("1,2,3")]
    [InlineData("1,,234")]
    [InlineData("1,234,5")]
    [InlineData("1,2345")]
    [InlineData(",123")]
    [InlineData("123,")]
    [InlineData("1.234,567")]
    [InlineData("-12,50")]
    public void Badly_grouped_invariant_amounts_are_not_well_formed(string text) =>
        Assert.False(RowSink.HasWellFormedGroups(text, NumberFormatInfo.InvariantInfo));

    [Theory]
    [InlineData("1,234")]
    [InlineData("12,345,678.5")]
    [InlineData(" 999,999 ")]
    [InlineData("1234")]
    [InlineData("-1,000")]
    public void Groups_of_three_are_well_formed(string text) =>
        Assert.True(RowSink.HasWellFormedGroups(text, NumberFormatInfo.InvariantInfo));

    [Theory]
    [InlineData("12.34", 2, 1234L)]
    [InlineData("12.3", 2, 1230L)]
    [InlineData("12", 2, 1200L)]
    [InlineData("0.001", 3, 1L)]
    [InlineData("99999999999999.99", 2, 9999999999999999L)]
    [InlineData("0.00", 2, 0L)]
    [InlineData("7.05", 2, 705L)]
    [InlineData("1.234", 3, 1234L)]
    public void Plain_amounts_become_minor_units(string text, int digits, long expected)
    {
        Assert.True(RowSink.TryPlainAmount(text, digits, out var minor));
        Assert.Equal(expected, minor);
    }

    [Theory]
    [InlineData("12.345", 2)]
    [InlineData("1.", 2)]
    [InlineData(".5", 2)]
    [InlineData("-1", 2)]
    [InlineData("1e3", 2)]
    [InlineData("", 2)]
    [InlineData("1.5", 0)]
    [InlineData("999999999999999", 2)]
    [InlineData("999999999999999.99", 2)]
    [InlineData(".23", 2)]
    [InlineData("1x.23", 2)]
    [InlineData("12.3x", 2)]
    [InlineData("-1.23", 2)]
    [InlineData("1..23", 2)]
    public void Anything_else_goes_to_the_general_parser(string text, int digits) =>
        Assert.False(RowSink.TryPlainAmount(text, digits, out _));
}
