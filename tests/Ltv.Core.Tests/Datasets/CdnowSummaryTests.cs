using System.Globalization;

using Ltv.Core.Datasets;
using Ltv.Core.Domain;
using Ltv.Core.History;
using Ltv.Core.Strategies;

namespace Ltv.Core.Tests.Datasets;

public class CdnowSummaryTests
{
    private static readonly CdnowDataset Sample = CdnowDatasets.LoadSample();

    [Fact]
    public void Sample_log_reads_every_row()
    {
        Assert.Equal(6919, Sample.Report.RowsRead);
        Assert.Equal(6919, Sample.Report.RowsAccepted);
        Assert.Equal(0, Sample.Report.RowsRejected);
        Assert.Equal(0, Sample.Report.HeaderLine);
        Assert.Equal(2357, Sample.Log.CustomerCount);
        Assert.Equal(Currency.USD, Sample.Log.Currency);
    }

    [Fact]
    public void Sample_summary_matches_the_published_counts()
    {
        var s = Sample.Summaries;
        Assert.Equal(2357, s.Count);
        Assert.Equal(946, s.RepeatCustomerCount);
        var sum = 0;
        foreach (var x in s.Frequency)
        {
            sum += x;
        }

        Assert.Equal(2457, sum);
        Assert.Equal(0, s.ExcludedCustomerCount);
        Assert.Equal(4960, s.CalibrationRowCount);
        Assert.Equal(6919 - 4960, s.HoldoutRowCount);
        Assert.Equal(TimeUnit.Week, s.Unit);
    }

    [Fact]
    public void Every_customer_equals_the_published_summary_within_its_rounding()
    {
        var published = CdnowDatasets.LoadPublishedSampleSummary();
        var s = Sample.Summaries;
        var monetary = s.Monetary.ToArray();
        Assert.Equal(2357, published.Id.Length);
        const double tol = 0.005 + 1e-9;
        for (var i = 0; i < published.Id.Length; i++)
        {
            var row = s.IndexOf(published.Id[i].ToString("0000", CultureInfo.InvariantCulture));
            Assert.True(row >= 0, $"customer {published.Id[i]} missing");
            Assert.Equal(published.Frequency[i], s.Frequency[row]);
            Assert.True(Math.Abs(published.Recency[i] - s.Recency[row]) <= tol, $"t_x of {published.Id[i]}: {s.Recency[row]} vs {published.Recency[i]}");
            Assert.True(Math.Abs(published.Age[i] - s.Age[row]) <= tol, $"T of {published.Id[i]}: {s.Age[row]} vs {published.Age[i]}");
            Assert.True(Math.Abs((double)published.MeanRepeatSpend[i] - monetary[row]) <= tol, $"zbar of {published.Id[i]}: {monetary[row]} vs {published.MeanRepeatSpend[i]}");
            Assert.True(Math.Abs(published.MeanRepeatSpend[i] - s.MonetaryAt(row).Amount) <= 0.005m, $"exact zbar of {published.Id[i]}");
        }
    }

    [Fact]
    public void Sample_patterns_weigh_every_customer()
    {
        var patterns = Sample.Summaries.ToPatterns();
        Assert.Equal(2357d, patterns.CustomerCount);
        Assert.Equal(TimeUnit.Week, patterns.Unit);
        Assert.True(patterns.Count < 2357);
    }

    [Fact]
    public void Sample_totals_are_exact_to_the_cent()
    {
        var s = Sample.Summaries;
        decimal cal = 0m, hold = 0m;
        for (var i = 0; i < s.Count; i++)
        {
            cal += s.CalibrationSpendAt(i).Amount;
            hold += s.HoldoutSpendAt(i).Amount;
        }

        var fromText = 0m;
        foreach (var line in EmbeddedData.ReadAllText(EmbeddedData.CdnowSample).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            fromText += decimal.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[4], CultureInfo.InvariantCulture);
        }

        Assert.Equal(fromText, cal + hold);
        Assert.Equal(fromText, Sample.Log.Total.Amount);
    }

    [Fact]
    public void Master_log_reads_every_row_after_its_header()
    {
        var master = CdnowDatasets.LoadMaster();
        Assert.Equal(69659, master.Report.RowsAccepted);
        Assert.Equal(0, master.Report.RowsRejected);
        Assert.Equal(1, master.Report.HeaderLine);
        Assert.Equal(23570, master.Log.CustomerCount);
        Assert.Equal(23570, master.Summaries.Count);
    }

    [Fact]
    public void Donations_weigh_11104_donors_in_22_patterns()
    {
        var d = Donations.Load();
        Assert.Equal(22, d.Count);
        Assert.Equal(11104d, d.CustomerCount);
        Assert.All(d.Age.ToArray(), t => Assert.Equal(6d, t));
    }

    [Fact]
    public void Log_to_summary_to_ltv_runs_on_the_sample_with_an_independent_apv()
    {
        var all = Assert.Single(SegmentAggregator.Aggregate(Sample.Summaries, _ => "all"));
        var rows = EmbeddedData.ReadAllText(EmbeddedData.CdnowSample)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(f => string.CompareOrdinal(f[2], "19970930") <= 0)
            .Select(f => (Id: f[1], Day: f[2], Amount: decimal.Parse(f[4], CultureInfo.InvariantCulture)))
            .ToArray();
        var transactions = rows.Select(r => (r.Id, r.Day)).Distinct().Count();
        Assert.Equal(2357 + 2457, transactions);
        Assert.Equal(Money.Of(rows.Sum(r => r.Amount) / transactions, Currency.USD), all.Drivers.AveragePurchaseValue);
        Assert.Equal(2357, all.CustomerCount);
        var ltv = SimpleLtvModel.Instance.Estimate(all.Drivers);
        Assert.Equal(Currency.USD, ltv.Value.Currency);
        Assert.True(ltv.Value.Amount > 0m);
    }
}
