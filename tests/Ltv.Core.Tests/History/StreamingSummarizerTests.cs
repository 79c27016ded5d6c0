using Ltv.Core.Datasets;
using Ltv.Core.Domain;
using Ltv.Core.History;
using Ltv.Core.Tests.TestSupport;

namespace Ltv.Core.Tests.History;

public sealed class StreamingSummarizerTests
{
    private static readonly SummaryOptions Monthly = new(new DateOnly(2021, 12, 30), TimeUnit.Month) { CalibrationEnd = new DateOnly(2021, 3, 31), Convention = CalendarConvention.Julian };

    private static StreamingSummarizer Stream(PurchaseLog log, SummaryOptions options, int from = 0, int to = -1, Func<int, bool>? customer = null)
    {
        var s = new StreamingSummarizer(options, log.Currency);
        to = to < 0 ? log.Count : to;
        for (var i = from; i < to; i++)
        {
            var c = log.CustomerIndex[i];
            if (customer is null || customer(c))
            {
                s.Add(log.CustomerIds[c], log.DateAt(i), log.AmountMinor[i]);
            }
        }

        return s;
    }

    [Fact]
    public void Streaming_summary_equals_the_in_process_summary_on_cdnow_master()
    {
        var master = CdnowDatasets.LoadMaster().Log;
        var s = new StreamingSummarizer(CdnowDatasets.StandardOptions, master.Currency);
        s.Add(master);
        LogTables.AssertSameSummaries(master.Summarize(CdnowDatasets.StandardOptions), s.ToSummaries());
        Assert.Equal(23_570, s.CustomerCount);
    }

    [Fact]
    public void Streaming_summary_equals_the_in_process_summary_on_a_synthetic_log_in_days_and_in_iso_weeks()
    {
        var log = SyntheticPurchaseLog.Generate(60_000, 8_000, seed: 5);
        LogTables.AssertSameSummaries(log.Summarize(Monthly), Stream(log, Monthly).ToSummaries());
        var weeks = new SummaryOptions(new DateOnly(2021, 12, 30), TimeUnit.Week) { CalibrationEnd = new DateOnly(2021, 1, 6), Grouping = TransactionGrouping.SamePeriod };
        LogTables.AssertSameSummaries(log.Summarize(weeks), Stream(log, weeks).ToSummaries());
    }

    [Fact]
    public void Partitions_by_date_with_a_shared_boundary_day_merge_into_the_summary_of_the_whole()
    {
        var log = SyntheticPurchaseLog.Generate(60_000, 8_000, seed: 6);
        var whole = log.Summarize(Monthly);
        foreach (var cut in new[] { 1, 17_001, 30_000, 44_444, 59_999 })
        {
            // Rows are in date order; cutting at a row index splits a day between the partitions.
            var early = Stream(log, Monthly, 0, cut);
            var late = Stream(log, Monthly, cut);
            late.Merge(early);
            LogTables.AssertSameSummaries(whole, late.ToSummaries());
            Assert.Equal(log.Count, late.RowCount);
        }
    }

    [Fact]
    public void Partitions_by_customer_merge_into_the_summary_of_the_whole()
    {
        var log = SyntheticPurchaseLog.Generate(40_000, 5_000, seed: 7);
        var even = Stream(log, Monthly, customer: c => c % 2 == 0);
        even.Merge(Stream(log, Monthly, customer: c => c % 2 == 1));
        LogTables.AssertSameSummaries(log.Summarize(Monthly), even.ToSummaries());
    }

    [Fact]
    public void An_older_row_and_interleaving_partitions_are_refused_naming_the_customer()
    {
        var options = new SummaryOptions(new DateOnly(2024, 12, 31), TimeUnit.Day);
        var s = new StreamingSummarizer(options, Currency.USD);
        s.Add("a", new DateOnly(2024, 3, 1), 100);
        ErrorAssert.Throws<ArgumentOutOfRangeException>(() => s.Add("a", new DateOnly(2024, 2, 1), 100), "customer 'a'", "2024-02-01");
        ErrorAssert.Throws<ArgumentOutOfRangeException>(() => s.Add("b", new DateOnly(2025, 1, 1), 100), "observation end 2024-12-31", "2025-01-01");
        ErrorAssert.Throws<ArgumentOutOfRangeException>(() => s.Add("b", new DateOnly(2024, 1, 1), -1), "amountMinor", "-1");

        var other = new StreamingSummarizer(options, Currency.USD);
        other.Add("a", new DateOnly(2024, 1, 1), 1);
        other.Add("a", new DateOnly(2024, 4, 1), 1);
        var ex = Assert.Throws<InvalidOperationException>(() => s.Merge(other));
        Assert.Contains("customer 'a'", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => s.Merge(new StreamingSummarizer(options, Currency.EUR)));
    }
}
