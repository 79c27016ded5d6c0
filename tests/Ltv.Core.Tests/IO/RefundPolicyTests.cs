using Ltv.Core.Domain;
using Ltv.Core.History;
using Ltv.Core.IO;

namespace Ltv.Core.Tests.IO;

public sealed class RefundPolicyTests
{
    private const string Csv = """
        customer_id,date,amount
        a,2024-01-01,50.00
        a,2024-01-01,30.00
        a,2024-01-01,-20.00
        a,2024-02-01,40.00
        b,2024-01-03,25.00
        b,2024-01-03,-25.00
        b,2024-03-01,10.00
        c,2024-01-04,-5.00
        """;

    private static LogReadResult Read(RefundPolicy policy, ReadMode mode = ReadMode.Lenient) =>
        CsvLogReader.Read(new StringReader(Csv), "orders.csv", new CsvLogOptions { Refunds = policy, Mode = mode });

    [Fact]
    public void Default_rejects_a_negative_amount_naming_the_line_and_the_policies()
    {
        var ex = Assert.Throws<LogFormatException>(() => CsvLogReader.Read(new StringReader(Csv), "orders.csv"));
        Assert.Equal("orders.csv, line 4, column 3 (amount): amount must be zero or more (refunds are not purchases; choose a refund policy to net or drop them) (was '-20.00').", ex.Message);
        Assert.Equal(RejectReason.NegativeAmount, ex.Reason);
    }

    [Fact]
    public void Net_same_day_subtracts_refunds_cancels_fully_refunded_days_and_rejects_unmatched_ones()
    {
        var read = Read(RefundPolicy.NetSameDay);
        var report = read.Report;
        Assert.Equal(8, report.RowsRead);
        Assert.Equal(2, report.RefundRowsNetted);
        Assert.Equal(1, report.RowsCancelled);
        var unmatched = Assert.Single(report.Rejected);
        Assert.Equal(RejectReason.UnmatchedRefund, unmatched.Reason);
        Assert.Equal(9, unmatched.Line);
        Assert.Equal("orders.csv, line 9, column 3 (amount): a refund must not exceed customer 'c''s purchases on 2024-01-04 (0.00 USD) (was '-5.00').", unmatched.Message);
        Assert.Equal(4, report.RowsAccepted);
        Assert.Equal(new Money(110m, Currency.USD), read.Log.Total);
        Assert.Equal("orders.csv: 8 rows read, 4 accepted, 1 rejected, 2 refunds netted, 1 cancelled", report.ToString());

        // a's first day is worth 60 after the refund; b's refunded first day is gone, so b first bought on 2024-03-01.
        var summary = read.Log.Summarize(new SummaryOptions(new DateOnly(2024, 3, 31), TimeUnit.Day));
        var a = summary.IndexOf("a");
        Assert.Equal(6000L, summary.FirstSpendMinor[a]);
        Assert.Equal(1, summary.Frequency[a]);
        var b = summary.IndexOf("b");
        Assert.Equal(0, summary.Frequency[b]);
        Assert.Equal(new DateOnly(2024, 3, 1).DayNumber, summary.FirstPurchaseDayNumber[b]);
        Assert.Equal(-1, summary.IndexOf("c"));
    }

    [Fact]
    public void Net_same_day_in_strict_mode_throws_on_an_unmatched_refund()
    {
        var ex = Assert.Throws<LogFormatException>(() => Read(RefundPolicy.NetSameDay, ReadMode.Strict));
        Assert.Equal(RejectReason.UnmatchedRefund, ex.Reason);
        Assert.Equal(9, ex.Line);
    }

    [Fact]
    public void Drop_keeps_purchases_gross_and_counts_the_dropped_refunds()
    {
        var read = Read(RefundPolicy.Drop, ReadMode.Strict);
        Assert.Equal(3, read.Report.RefundRowsDropped);
        Assert.Equal(5, read.Report.RowsAccepted);
        Assert.Equal(8, read.Report.RowsRead);
        Assert.Equal(new Money(155m, Currency.USD), read.Log.Total);
        Assert.EndsWith(", 3 refunds dropped", read.Report.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void No_policy_lets_a_negative_amount_into_the_log()
    {
        foreach (var policy in Enum.GetValues<RefundPolicy>())
        {
            var log = Read(policy).Log;
            foreach (var amount in log.AmountMinor)
            {
                Assert.True(amount >= 0, $"{policy} kept {amount}");
            }
        }
    }
}
