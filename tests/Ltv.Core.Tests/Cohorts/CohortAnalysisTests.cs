using Ltv.Core.Cohorts;
using Ltv.Core.Datasets;
using Ltv.Core.Domain;
using Ltv.Core.History;
using Ltv.Core.Probabilistic.Models;
using Ltv.Core.Tests.TestSupport;

namespace Ltv.Core.Tests.Cohorts;

public class CohortAnalysisTests
{
    private static readonly DateOnly End = new(2024, 3, 31);

    private static PurchaseLog Log() => PurchaseLog.FromPurchases(
    [
        new("A", new DateTime(2024, 1, 5), Money.Of(100m, Currency.DKK)),
        new("A", new DateTime(2024, 2, 10), Money.Of(50m, Currency.DKK)),
        new("B", new DateTime(2024, 1, 20), Money.Of(30m, Currency.DKK)),
        new("C", new DateTime(2024, 2, 1), Money.Of(60m, Currency.DKK)),
        new("C", new DateTime(2024, 3, 15), Money.Of(40m, Currency.DKK)),
    ]);

    [Fact]
    public void Monthly_cohorts_accumulate_exact_revenue_per_customer_by_age()
    {
        var table = CohortAnalysis.Build(Log(), CohortPeriod.Month, End);

        Assert.Equal(["2024-01", "2024-02"], table.Cohorts.Select(c => c.Key));
        var january = table.Cohorts[0];
        Assert.Equal(2, january.CustomerCount);
        Assert.Equal([65m, 90m, 90m], january.CumulativeRevenuePerCustomer.Select(m => m.Amount));
        Assert.Equal([60m, 100m], table.Cohorts[1].CumulativeRevenuePerCustomer.Select(m => m.Amount));
        Assert.Contains("2024-01          2     65.00     90.00     90.00", table.ToText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Quarterly_cohorts_and_an_incomplete_last_age_are_left_out()
    {
        var quarter = CohortAnalysis.Build(Log(), CohortPeriod.Quarter, End);
        var midMonth = CohortAnalysis.Build(Log(), CohortPeriod.Month, new DateOnly(2024, 3, 20));

        Assert.Equal("2024-Q1", quarter.Cohorts.Single().Key);
        Assert.Equal(280m / 3m, quarter.Cohorts.Single().CumulativeRevenuePerCustomer.Single().Amount);
        Assert.Equal(2, midMonth.Cohorts[0].ObservedAges); // March is not over on the 20th
    }

    [Fact]
    public void The_expected_continuation_adds_spend_times_the_cohort_mean_of_conditional_expected_purchases()
    {
        var log = Log();
        var table = CohortAnalysis.Build(log, CohortPeriod.Month, End);
        var summaries = log.Summarize(new SummaryOptions(End, TimeUnit.Week));
        var model = new BgNbdModel(0.243, 4.414, 0.793, 2.426, TimeUnit.Week);

        var continuation = CohortAnalysis.Continue(table, log, summaries, model, Money.Of(40m, Currency.DKK), 3);

        var month = 365.25 / 12 / 7;
        var a = summaries.IndexOf("A");
        var b = summaries.IndexOf("B");
        double Mean(double t) => (model.ConditionalExpectedPurchases(t, summaries.Frequency[a], summaries.Recency[a], summaries.Age[a])
            + model.ConditionalExpectedPurchases(t, summaries.Frequency[b], summaries.Recency[b], summaries.Age[b])) / 2;
        Assert.Equal(90m, continuation[0].RealisedToDate.Amount);
        Assert.Equal(90 + (40 * Mean(month)), (double)continuation[0].Expected[0].Amount, 1e-9);
        Assert.Equal(90 + (40 * Mean(3 * month)), (double)continuation[0].Expected[2].Amount, 1e-9);
        Assert.True(continuation[0].Expected[2] > continuation[0].Expected[0]);
    }

    [Fact]
    public void Cdnow_customers_form_three_monthly_cohorts_of_the_first_quarter_1997()
    {
        var cdnow = CdnowDatasets.LoadSample();

        var table = CohortAnalysis.Build(cdnow.Log, CohortPeriod.Month, CdnowDatasets.ObservationEnd);

        Assert.Equal(["1997-01", "1997-02", "1997-03"], table.Cohorts.Select(c => c.Key));
        Assert.Equal(2357, table.Cohorts.Sum(c => c.CustomerCount));
        Assert.Equal(cdnow.Log.Total.Amount, table.Cohorts.Sum(c => c.CumulativeRevenuePerCustomer[^1].Amount * c.CustomerCount), 2);
        Assert.Equal(18, table.Cohorts[0].ObservedAges); // January 1997 to June 1998
    }

    [Fact]
    public void Bad_inputs_name_the_field_and_value()
    {
        var log = Log();
        var table = CohortAnalysis.Build(log, CohortPeriod.Month, End);
        var model = new BgNbdModel(0.243, 4.414, 0.793, 2.426, TimeUnit.Week);
        var holdout = log.Summarize(new SummaryOptions(End, TimeUnit.Week) { CalibrationEnd = new DateOnly(2024, 2, 29) });

        ErrorAssert.Throws<ArgumentOutOfRangeException>(() => CohortAnalysis.Build(log, (CohortPeriod)9, End), "period", "9");
        ErrorAssert.Throws<ArgumentException>(() => CohortAnalysis.Build(log, CohortPeriod.Month, new DateOnly(2020, 1, 1)), "log", "2020-01-01");
        ErrorAssert.Throws<ArgumentException>(() => CohortAnalysis.Continue(table, log, holdout, model, Money.Of(1m, Currency.DKK), 3), "summaries", "2024-02-29");
        ErrorAssert.Throws<ArgumentOutOfRangeException>(() => CohortAnalysis.Continue(table, log, log.Summarize(new SummaryOptions(End, TimeUnit.Week)), model, Money.Of(1m, Currency.DKK), 0), "periods", "0");
        Assert.Throws<CurrencyMismatchException>(() => CohortAnalysis.Continue(table, log, log.Summarize(new SummaryOptions(End, TimeUnit.Week)), model, Money.Of(1m, Currency.SEK), 3));
    }
}
