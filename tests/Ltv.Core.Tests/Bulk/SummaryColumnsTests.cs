using Ltv.Core.Bulk;
using Ltv.Core.Domain;
using Ltv.Core.History;
using Ltv.Core.IO;
using Ltv.Core.Strategies;

namespace Ltv.Core.Tests.Bulk;

/// <summary>The bulk engine reads the one per-customer summary type through <see cref="SummaryColumns"/>.</summary>
public class SummaryColumnsTests
{
    private static readonly DateOnly D0 = new(2024, 1, 1);

    private static CustomerSummaries Summaries(params Purchase[] extra)
    {
        static Purchase P(string id, int day, decimal amount) => new(id, D0.AddDays(day).ToDateTime(TimeOnly.MinValue), Money.Of(amount, Currency.DKK));
        return PurchaseLog.FromPurchases([
            P("north-1", 0, 100m), P("north-1", 0, 50m), P("north-1", 14, 150m), P("north-1", 28, 300m),
            P("north-2", 14, 200m),
            P("south-1", 0, 90m), P("south-1", 70, 10m),
            .. extra,
        ]).Summarize(new SummaryOptions(D0.AddDays(70), TimeUnit.Week) { Convention = CalendarConvention.Julian });
    }

    private static int[] Segments(CustomerSummaries s) => [.. s.CustomerIds.Select(id => id.StartsWith("north", StringComparison.Ordinal) ? 0 : 1)];

    [Fact]
    public void Each_customer_gets_their_observed_purchase_value_and_frequency()
    {
        var s = Summaries();
        var columns = SummaryColumns.FromSummaries(s, new BulkUnits { Currency = Currency.DKK, FrequencyPer = TimeUnit.Week }, Segments(s));
        Assert.Equal(3, columns.Count);
        // north-1: 3 transactions (the two day-0 rows are one), 600 DKK over T = 10 weeks.
        Assert.Equal([200m, 200m, 50m], columns.AveragePurchaseValue.ToArray());
        Assert.Equal([0.3m, 0.125m, 0.2m], columns.PurchaseFrequency.ToArray());
        Assert.Equal([0, 0, 1], columns.SegmentIndex.ToArray());
    }

    [Fact]
    public void Frequencies_convert_to_the_engine_unit_through_the_summary_convention()
    {
        var s = Summaries();
        var columns = SummaryColumns.FromSummaries(s, new BulkUnits { Currency = Currency.DKK, FrequencyPer = TimeUnit.Year }, Segments(s));
        Assert.Equal(0.3m * 365.25m / 7m, columns.PurchaseFrequency.Span[0], 20);

        var noConvention = PurchaseLog.FromPurchases([new Purchase("a", D0.ToDateTime(TimeOnly.MinValue), Money.Of(5m, Currency.DKK))])
            .Summarize(new SummaryOptions(D0.AddDays(7), TimeUnit.Week));
        Assert.Throws<UnitMismatchException>(() => SummaryColumns.FromSummaries(noConvention, new BulkUnits { Currency = Currency.DKK }, new[] { 0 }));
        var year = SummaryColumns.FromSummaries(noConvention, new BulkUnits { Currency = Currency.DKK }, new[] { 0 }, CalendarConvention.Julian);
        Assert.Equal(365.25m / 7m, year.PurchaseFrequency.Span[0], 20);
    }

    [Fact]
    public void A_customer_with_age_zero_takes_the_pooled_rate_of_their_segment()
    {
        var s = Summaries(new Purchase("south-2", D0.AddDays(70).ToDateTime(TimeOnly.MinValue), Money.Of(40m, Currency.DKK)));
        var columns = SummaryColumns.FromSummaries(s, new BulkUnits { Currency = Currency.DKK, FrequencyPer = TimeUnit.Week }, Segments(s));
        var row = s.IndexOf("south-2");
        Assert.Equal(0d, s.Age[row]);
        Assert.Equal(40m, columns.AveragePurchaseValue.Span[row]);
        Assert.Equal(0.2m, columns.PurchaseFrequency.Span[row]);

        var alone = new int[s.Count];
        alone[row] = 2;
        var e = Assert.Throws<ArgumentException>(() => SummaryColumns.FromSummaries(s, new BulkUnits { Currency = Currency.DKK }, alone));
        Assert.StartsWith("customer 'south-2' (row 4) has T = 0 and segment 2 has no customer with T greater than 0", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_engine_values_the_summaries_as_the_strategy_values_each_customer()
    {
        var s = Summaries();
        var units = new BulkUnits { Currency = Currency.DKK, FrequencyPer = TimeUnit.Week, LifespanUnit = TimeUnit.Week };
        var columns = SummaryColumns.FromSummaries(s, units, Segments(s)) with { Lifespan = new[] { 52m, 52m, 52m } };
        var values = new decimal[s.Count];
        var totals = new BulkSegmentTotals(2, Currency.DKK);
        new BulkLtvEngine(SimpleLtvModel.Instance, units).Compute(columns.AsSpans(), values, totals);
        for (var i = 0; i < s.Count; i++)
        {
            var drivers = new ValueDrivers
            {
                AveragePurchaseValue = s.CalibrationSpendAt(i) / (s.Frequency[i] + 1),
                PurchaseFrequency = new PurchaseRate((s.Frequency[i] + 1) / (decimal)s.Age[i], TimeUnit.Week),
                Lifespan = Duration.Weeks(52m),
            };
            Assert.Equal(SimpleLtvModel.Instance.Estimate(drivers).Value.Amount, values[i]);
        }

        Assert.Equal(Money.Of(200m * 0.3m * 52m + 200m * 0.125m * 52m, Currency.DKK), totals.TotalValue(0));
    }

    [Fact]
    public void Bad_inputs_are_refused_by_name()
    {
        var s = Summaries();
        Assert.Throws<CurrencyMismatchException>(() => SummaryColumns.FromSummaries(s, new BulkUnits { Currency = Currency.EUR }, Segments(s)));
        var length = Assert.Throws<ArgumentException>(() => SummaryColumns.FromSummaries(s, new BulkUnits { Currency = Currency.DKK }, new[] { 0 }));
        Assert.StartsWith("segmentIndex must have one entry per customer summary (3) (was 1)", length.Message, StringComparison.Ordinal);
        var negative = Assert.Throws<ArgumentException>(() => SummaryColumns.FromSummaries(s, new BulkUnits { Currency = Currency.DKK }, new[] { 0, -1, 0 }));
        Assert.StartsWith("segmentIndex[1] must be zero or more (was '-1')", negative.Message, StringComparison.Ordinal);

        var file = SummaryCsvReader.Read(new MemoryStream("customer_id,frequency,recency,T,monetary_value\na,1,1,2,5\n"u8.ToArray()), "s.csv", SummaryCsvReader.LifetimesColumns);
        var history = Assert.Throws<ArgumentException>(() => SummaryColumns.FromSummaries(file, new BulkUnits { Currency = Currency.DKK }, new[] { 0 }));
        Assert.StartsWith("SummaryColumns.FromSummaries needs the purchase history", history.Message, StringComparison.Ordinal);
    }
}
