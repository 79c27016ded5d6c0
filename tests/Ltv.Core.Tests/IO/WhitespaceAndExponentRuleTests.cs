using Ltv.Core.Domain;
using Ltv.Core.IO;

namespace Ltv.Core.Tests.IO;

/// <summary>One rule for white space around fields, and exponent notation refused by name (issue 13, items 1 and 3).</summary>
public class WhitespaceAndExponentRuleTests
{
    [Fact]
    public void White_space_around_every_csv_field_is_removed_so_a_padded_id_is_the_same_customer()
    {
        var (log, report) = CsvLogReader.Read(new StringReader("customer_id,date,amount\nA,2024-01-02,5\n  A ,  2024-01-03 , 5 \n\" A\",2024-01-04,1\nB C,2024-01-05,2\n"), "orders.csv");

        Assert.Equal(4, report.RowsAccepted);
        Assert.Equal(["A", "B C"], log.CustomerIds);
        Assert.Equal(Money.Of(13m, Currency.USD), log.Total);
    }

    [Theory]
    [InlineData("1e2")]
    [InlineData("1E20")]
    [InlineData("2.5e-1")]
    public void Csv_amounts_in_exponent_notation_are_refused_with_a_message_that_says_so(string amount)
    {
        var e = Assert.Throws<LogFormatException>(() => CsvLogReader.Read(new StringReader($"customer_id,date,amount\nA,2024-01-02,{amount}\n"), "orders.csv"));

        Assert.Equal(RejectReason.MalformedNumber, e.Reason);
        Assert.Contains("line 2, column 3 (amount)", e.Message, StringComparison.Ordinal);
        Assert.Contains("exponent notation is not accepted", e.Message, StringComparison.Ordinal);
        Assert.Contains($"(was '{amount}')", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cdnow_amounts_in_exponent_notation_are_refused_the_same_way_and_a_plain_bad_number_keeps_its_message()
    {
        var exponent = Assert.Throws<LogFormatException>(() => CdnowLogReader.Read(new StringReader("00001 1 19970101 1 1e2\n"), "cdnow.txt"));
        var letters = Assert.Throws<LogFormatException>(() => CdnowLogReader.Read(new StringReader("00001 1 19970101 1 abc\n"), "cdnow.txt"));

        Assert.Contains("exponent notation is not accepted", exponent.Message, StringComparison.Ordinal);
        Assert.Contains("amount must be a number", letters.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("exponent", letters.Message, StringComparison.Ordinal);
    }
}
