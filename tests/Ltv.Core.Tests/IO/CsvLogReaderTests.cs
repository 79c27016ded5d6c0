using System.Globalization;

using Ltv.Core.Domain;
using Ltv.Core.History;
using Ltv.Core.IO;

namespace Ltv.Core.Tests.IO;

public class CsvLogReaderTests
{
    private static LogReadResult Read(string text, CsvLogOptions? options = null) =>
        CsvLogReader.Read(new StringReader(text), "orders.csv", options);

    private static LogFormatException Strict(string text, CsvLogOptions? options = null) =>
        Assert.Throws<LogFormatException>(() => Read(text, options));

    [Theory]
    [InlineData(',')]
    [InlineData(';')]
    [InlineData('\t')]
    public void Reads_comma_semicolon_and_tab_files(char sep)
    {
        var text = $"customer_id{sep}date{sep}amount\nA{sep}2024-01-02{sep}10.50\nB{sep}2024-01-03{sep}3\nA{sep}2024-02-01{sep}0.25\n";
        var (log, report) = Read(text);
        Assert.Equal(3, report.RowsAccepted);
        Assert.Equal(0, report.RowsRejected);
        Assert.Equal(1, report.HeaderLine);
        Assert.Equal(2, log.CustomerCount);
        Assert.Equal(["A", "B"], log.CustomerIds);
        Assert.Equal(new DateOnly(2024, 1, 3), log.DateAt(1));
        Assert.Equal(Money.Of(13.75m, Currency.USD), log.Total);
        Assert.Equal(1050L, log.AmountMinor[0]);
    }

    [Fact]
    public void Header_names_are_configurable_and_extra_columns_ignored()
    {
        var options = new CsvLogOptions { CustomerColumn = "Kunde", DateColumn = "Datum", AmountColumn = "Betrag", Currency = Currency.EUR };
        var (log, report) = Read("Nr,Betrag,Kunde,Datum\n1,5.00,K1,2024-03-01\n", options);
        Assert.Equal(1, report.RowsAccepted);
        Assert.Equal("K1", log.CustomerIdAt(0));
        Assert.Equal(Money.Of(5m, Currency.EUR), log.AmountAt(0));
    }

    [Fact]
    public void Given_date_format_and_culture_are_used()
    {
        var nfi = new NumberFormatInfo { NumberDecimalSeparator = ",", NumberGroupSeparator = "." };
        var options = new CsvLogOptions { Separator = ';', DateFormat = "dd.MM.yyyy", AmountFormat = nfi, Currency = Currency.DKK };
        var (log, _) = Read("customer_id;date;amount\nA;31.12.2023;1.234,50\n", options);
        Assert.Equal(new DateOnly(2023, 12, 31), log.DateAt(0));
        Assert.Equal(Money.Of(1234.50m, Currency.DKK), log.AmountAt(0));
    }

    [Theory]
    [InlineData("2024-05-06T23:30:00", 6)]
    [InlineData("2024-05-06T23:30:00+02:00", 6)]
    [InlineData("2024-05-06T23:30:00Z", 6)]
    [InlineData("2024-05-06 08:00", 6)]
    [InlineData("2024-05-07T00:00:00.125", 7)]
    public void Iso_timestamps_keep_their_written_date(string stamp, int day)
    {
        var (log, _) = Read($"customer_id,date,amount\nA,{stamp},1\n");
        Assert.Equal(new DateOnly(2024, 5, day), log.DateAt(0));
    }

    [Fact]
    public void Quoted_ids_may_hold_separators()
    {
        var (log, _) = Read("customer_id,date,amount\n\"Smith, J\",2024-01-01,2.00\n");
        Assert.Equal("Smith, J", log.CustomerIdAt(0));
    }

    [Fact]
    public void Currency_column_accepts_the_log_currency_in_any_case()
    {
        var options = new CsvLogOptions { CurrencyColumn = "currency", Currency = Currency.SEK };
        var (log, report) = Read("customer_id,date,amount,currency\nA,2024-01-01,2.00,SEK\nB,2024-01-01,1.00,sek\n", options);
        Assert.Equal(2, report.RowsAccepted);
        Assert.Equal(Currency.SEK, log.Currency);
    }

    public static TheoryData<string, int, int, string, RejectReason> BadRows() => new()
    {
        { "A,2024-01-01,12.x4,USD", 3, 3, "12.x4", RejectReason.MalformedNumber },
        { "A,2024-13-01,1.00,USD", 2, 2, "2024-13-01", RejectReason.UnparsableDate },
        { "A,01/02/2024,1.00,USD", 2, 2, "01/02/2024", RejectReason.UnparsableDate },
        { "A,2024-01-01", 3, 3, "A,2024-01-01", RejectReason.MissingColumn },
        { "A,2024-01-01,1.00,XYZ", 4, 4, "XYZ", RejectReason.UnknownCurrency },
        { "A,2024-01-01,1.00,EUR", 4, 4, "EUR", RejectReason.CurrencyMismatch },
        { "A,2024-01-01,-1.00,USD", 3, 3, "-1.00", RejectReason.NegativeAmount },
        { "A,2024-01-01,1.005,USD", 3, 3, "1.005", RejectReason.AmountTooPrecise },
        { "A,2025-01-01,1.00,USD", 2, 2, "2025-01-01", RejectReason.AfterObservationEnd },
        { " ,2024-01-01,1.00,USD", 1, 1, " ", RejectReason.BlankCustomerId },
    };

    private static readonly CsvLogOptions WithCurrency = new() { CurrencyColumn = "currency", ObservationEnd = new DateOnly(2024, 12, 31) };

    [Theory]
    [MemberData(nameof(BadRows))]
    public void Strict_mode_throws_naming_file_line_column_and_text(string row, int column, int _, string text, RejectReason reason)
    {
        var e = Strict($"customer_id,date,amount,currency\nA,2024-01-01,1.00,USD\n{row}\n", WithCurrency);
        Assert.Equal("orders.csv", e.File);
        Assert.Equal(3, e.Line);
        Assert.Equal(column, e.Column);
        Assert.Equal(text, e.Text);
        Assert.Equal(reason, e.Reason);
        Assert.Contains("orders.csv, line 3, column " + column.ToString(CultureInfo.InvariantCulture), e.Message, StringComparison.Ordinal);
        Assert.Contains($"(was '{text}')", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BadRows))]
    public void Lenient_mode_collects_the_row_and_keeps_the_others(string row, int column, int _, string text, RejectReason reason)
    {
        var options = WithCurrency with { Mode = ReadMode.Lenient };
        var (log, report) = Read($"customer_id,date,amount,currency\nA,2024-01-01,1.00,USD\n{row}\nB,2024-01-02,2.00,USD\n", options);
        Assert.Equal(3, report.RowsRead);
        Assert.Equal(2, report.RowsAccepted);
        var rejected = Assert.Single(report.Rejected);
        Assert.Equal(new RejectedRow("orders.csv", 3, column, rejected.ColumnName, text, reason, rejected.Message), rejected);
        Assert.Equal(2, log.Count);
        Assert.Equal(1, report.CountByReason()[reason]);
        Assert.Equal("orders.csv: 3 rows read, 2 accepted, 1 rejected", report.ToString());
    }

    [Fact]
    public void Lenient_mode_reports_every_bad_row_in_file_order()
    {
        var text = "customer_id,date,amount\nA,x,1\nB,2024-01-01,y\nC,2024-01-01,1\nD\n";
        var (_, report) = Read(text, new CsvLogOptions { Mode = ReadMode.Lenient });
        Assert.Equal(4, report.RowsRead);
        Assert.Equal(1, report.RowsAccepted);
        Assert.Equal([2, 3, 5], report.Rejected.Select(r => r.Line));
        Assert.Equal([RejectReason.UnparsableDate, RejectReason.MalformedNumber, RejectReason.MissingColumn], report.Rejected.Select(r => r.Reason));
        Assert.Equal("date", report.Rejected[0].ColumnName);
        Assert.Equal("amount", report.Rejected[1].ColumnName);
        Assert.Equal("date", report.Rejected[2].ColumnName);
    }

    [Theory]
    [InlineData(ReadMode.Strict)]
    [InlineData(ReadMode.Lenient)]
    public void A_header_without_a_needed_column_throws_in_both_modes(ReadMode mode)
    {
        var e = Strict("client,date,amount\nA,2024-01-01,1\n", new CsvLogOptions { Mode = mode });
        Assert.Equal(1, e.Line);
        Assert.Equal(RejectReason.MissingColumn, e.Reason);
        Assert.Contains("no column 'customer_id'", e.Message, StringComparison.Ordinal);
        Assert.Contains("client,date,amount", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_file_throws()
    {
        var e = Strict(string.Empty);
        Assert.Contains("orders.csv, line 1: the file is empty", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_header_only_file_is_an_empty_log()
    {
        var (log, report) = Read("customer_id,date,amount\n");
        Assert.Equal(0, log.Count);
        Assert.Equal(0, report.RowsRead);
    }

    [Fact]
    public void Unknown_separator_option_is_refused()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new CsvLogOptions { Separator = 'x' });
        Assert.Contains("(was 'x')", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Undefined_mode_is_refused()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Read("customer_id,date,amount\n", new CsvLogOptions { Mode = (ReadMode)7 }));
        Assert.Contains("(was '7')", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(',')]
    [InlineData(';')]
    [InlineData('\t')]
    public void Written_logs_read_back_unchanged(char sep)
    {
        var log = SyntheticPurchaseLog.Generate(2_000, 300, seed: 5);
        var writer = new StringWriter();
        CsvLogWriter.Write(log, writer, sep);
        var (back, report) = CsvLogReader.Read(new StringReader(writer.ToString()), "round.csv", new CsvLogOptions { CurrencyColumn = "currency", Separator = sep });
        Assert.Equal(log.Count, report.RowsAccepted);
        Assert.Equal(log.CustomerIds, back.CustomerIds);
        Assert.True(log.CustomerIndex.SequenceEqual(back.CustomerIndex));
        Assert.True(log.DayNumber.SequenceEqual(back.DayNumber));
        Assert.True(log.AmountMinor.SequenceEqual(back.AmountMinor));
    }

    [Fact]
    public void Ids_with_quotes_and_separators_round_trip()
    {
        var log = PurchaseLog.FromPurchases(
            [new Purchase("a \"q\", b", new DateTime(2024, 1, 1), Money.Of(1.5m, Currency.EUR))]);
        var writer = new StringWriter();
        CsvLogWriter.Write(log, writer);
        var (back, _) = CsvLogReader.Read(new StringReader(writer.ToString()), "q.csv", new CsvLogOptions { Currency = Currency.EUR });
        Assert.Equal("a \"q\", b", back.CustomerIdAt(0));
        Assert.Equal(Money.Of(1.5m, Currency.EUR), back.AmountAt(0));
    }

    [Fact]
    public void Writer_refuses_other_separators()
    {
        var log = SyntheticPurchaseLog.Generate(1, 1, seed: 1);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => CsvLogWriter.Write(log, new StringWriter(), '|'));
        Assert.Contains("(was '|')", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Files_are_read_from_disk_with_their_name()
    {
        var path = Path.Combine(Path.GetTempPath(), $"ltv-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "customer_id,date,amount\nA,2024-01-01,oops\n");
        try
        {
            var e = Assert.Throws<LogFormatException>(() => CsvLogReader.ReadFile(path));
            Assert.Equal(Path.GetFileName(path), e.File);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Pipe_separator_is_detected_and_quoted_line_breaks_keep_the_starting_line()
    {
        var (log, _) = Read("customer_id|date|amount\nA|2024-01-01|1\n");
        Assert.Equal(1, log.Count);
        var (_, report) = Read("customer_id,date,amount\n\"two\nlines\",2024-01-01,1\nB,bad,1\n", new CsvLogOptions { Mode = ReadMode.Lenient });
        Assert.Equal(4, report.Rejected[0].Line);
        Assert.Equal(1, report.RowsAccepted);
    }

    [Fact]
    public void A_date_format_with_a_time_uses_the_date()
    {
        var (log, _) = Read("customer_id,date,amount\nA,31/12/2023 23:59,1\n", new CsvLogOptions { DateFormat = "dd/MM/yyyy HH:mm" });
        Assert.Equal(new DateOnly(2023, 12, 31), log.DateAt(0));
        var e = Strict("customer_id,date,amount\nA,2023-12-31,1\n", new CsvLogOptions { DateFormat = "dd/MM/yyyy HH:mm" });
        Assert.Contains("date must be in the format dd/MM/yyyy HH:mm", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Defaults_are_the_documented_ones()
    {
        var o = new CsvLogOptions();
        Assert.Equal(("customer_id", "date", "amount", (string?)null), (o.CustomerColumn, o.DateColumn, o.AmountColumn, o.CurrencyColumn));
        Assert.Equal(Currency.USD, o.Currency);
        Assert.Equal(ReadMode.Strict, o.Mode);
        Assert.Null(o.Separator);
        Assert.Null(o.DateFormat);
        Assert.Same(CultureInfo.InvariantCulture, o.AmountFormat);
        Assert.Null(o.ObservationEnd);
    }

    [Fact]
    public void Offending_text_is_cut_at_200_characters()
    {
        var longDate = new string('9', 300);
        var (_, report) = Read($"customer_id,date,amount\nA,{longDate},1\n", new CsvLogOptions { Mode = ReadMode.Lenient });
        Assert.Equal(new string('9', 200) + "...", report.Rejected[0].Text);
    }

    [Fact]
    public void Exception_constructors_keep_message_and_cause()
    {
        var inner = new InvalidOperationException("x");
        var e = new LogFormatException("m", inner);
        Assert.Equal(("m", inner, (RejectReason?)null, 0), (e.Message, (InvalidOperationException)e.InnerException!, e.Reason, e.Line));
        Assert.Equal("m", new LogFormatException("m").Message);
        Assert.Equal("The purchase log cannot be read.", new LogFormatException().Message);
        Assert.Throws<ArgumentNullException>(() => new LogFormatException((RejectedRow)null!));
    }

    [Theory]
    [InlineData("customer_id;date;amount\nA;2024-01-02;12,50\n", "12,50")]
    [InlineData("customer_id;date;amount\nA;2024-01-02;1,2,3\n", "1,2,3")]
    [InlineData("customer_id,date,amount\nA,2024-01-02,\"12,50\"\n", "12,50")]
    [InlineData("customer_id;date;amount\nA;2024-01-02;1,234,5\n", "1,234,5")]
    public void Decimal_comma_and_badly_grouped_amounts_are_rejected_not_scaled(string text, string amount)
    {
        var (log, report) = Read(text, new CsvLogOptions { Mode = ReadMode.Lenient });
        Assert.Equal(0, log.Count);
        var row = Assert.Single(report.Rejected);
        Assert.Equal(RejectReason.MalformedNumber, row.Reason);
        Assert.Equal(2, row.Line);
        Assert.Equal(3, row.Column);
        Assert.Equal(amount, row.Text);
        Assert.StartsWith($"orders.csv, line 2, column 3 (amount): amount must be a number; the group separator ',' may only split the integer digits into groups of three", row.Message, StringComparison.Ordinal);
        Assert.EndsWith($"(was '{amount}').", row.Message, StringComparison.Ordinal);
        Assert.Equal(RejectReason.MalformedNumber, Strict(text).Reason);
    }

    [Fact]
    public void Well_grouped_amounts_are_still_read()
    {
        var (log, report) = Read("customer_id,date,amount\nA,2024-01-02,\"1,234,567.50\"\nA,2024-01-03,\"1,000\"\n");
        Assert.Equal(0, report.RowsRejected);
        Assert.Equal(123456750L, log.AmountMinor[0]);
        Assert.Equal(100000L, log.AmountMinor[1]);
    }

    [Theory]
    [InlineData("99999999999999999999")]
    [InlineData("92233720368547758.08")]
    [InlineData("10000000000000000000000000000000000000000")]
    public void Too_large_amounts_are_out_of_range_not_too_precise(string amount)
    {
        var e = Strict($"customer_id,date,amount\nA,2024-01-02,{amount}\n");
        Assert.Equal(RejectReason.AmountOutOfRange, e.Reason);
        Assert.Equal($"orders.csv, line 2, column 3 (amount): amount must be at most 92233720368547758.07 USD (was '{amount}').", e.Message);
    }

    [Fact]
    public void The_largest_amount_is_read_exactly()
    {
        var (log, _) = Read("customer_id,date,amount\nA,2024-01-02,92233720368547758.07\n");
        Assert.Equal(long.MaxValue, log.AmountMinor[0]);
    }
}
