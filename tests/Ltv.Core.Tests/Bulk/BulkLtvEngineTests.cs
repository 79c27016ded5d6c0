using FsCheck.Xunit;

using Ltv.Core.Bulk;
using Ltv.Core.Domain;
using Ltv.Core.Economics;
using Ltv.Core.Strategies;

namespace Ltv.Core.Tests.Bulk;

public class BulkLtvEngineTests
{
    private static readonly TimeUnit[] Periods = [TimeUnit.Month, TimeUnit.Year];

    private sealed class Data
    {
        public required BulkUnits Units { get; init; }

        public required int Segments { get; init; }

        public required int[] Segment { get; init; }

        public required decimal[] Apv { get; init; }

        public required decimal[] Frequency { get; init; }

        public required decimal[] Lifespan { get; init; }

        public required decimal[] Churn { get; init; }

        public required decimal[] Margin { get; init; }

        public required decimal[] Cost { get; init; }

        public required decimal[] Cac { get; init; }

        public CustomerSpans Spans => new()
        {
            SegmentIndex = Segment,
            AveragePurchaseValue = Apv,
            PurchaseFrequency = Frequency,
            Lifespan = Lifespan,
            Churn = Churn,
            GrossMargin = Margin,
            CostToServe = Cost,
            AcquisitionCost = Cac,
        };

        public CustomerColumns Columns => new()
        {
            SegmentIndex = Segment,
            AveragePurchaseValue = Apv,
            PurchaseFrequency = Frequency,
            Lifespan = Lifespan,
            Churn = Churn,
            GrossMargin = Margin,
            CostToServe = Cost,
            AcquisitionCost = Cac,
        };

        public ValueDrivers Drivers(int i) => new()
        {
            AveragePurchaseValue = Money.Of(Apv[i], Units.Currency),
            PurchaseFrequency = new PurchaseRate(Frequency[i], Units.FrequencyPer),
            Lifespan = Lifespan.Length == 0 ? null : new Duration(Lifespan[i], Units.LifespanUnit),
            Churn = Churn.Length == 0 ? null : new ChurnRate(Churn[i], Units.ChurnPer),
            GrossMargin = Margin.Length == 0 ? null : new GrossMargin(Margin[i]),
            CostToServe = Cost.Length == 0 ? null : new MoneyRate(Money.Of(Cost[i], Units.Currency), Units.CostToServePer),
        };
    }

    private static Data Random(int seed, int customers, bool lifespan, bool cost, bool churn = true)
    {
        var random = new Random(seed);
        var units = new BulkUnits
        {
            Currency = Currency.DKK,
            FrequencyPer = Periods[random.Next(2)],
            LifespanUnit = Periods[random.Next(2)],
            ChurnPer = Periods[random.Next(2)],
            CostToServePer = Periods[random.Next(2)],
        };
        decimal[] Column(Func<decimal> next, bool present = true) =>
            present ? Enumerable.Range(0, customers).Select(_ => next()).ToArray() : [];
        var segments = 1 + random.Next(7);
        return new Data
        {
            Units = units,
            Segments = segments,
            Segment = Enumerable.Range(0, customers).Select(_ => random.Next(segments)).ToArray(),
            Apv = Column(() => random.Next(0, 1_000_000) / 100m),
            Frequency = Column(() => random.Next(0, 1_000) / (random.Next(2) == 0 ? 10m : 7m)),
            Lifespan = Column(() => random.Next(0, 600) / 12m, lifespan),
            Churn = Column(() => random.Next(1, 1_001) / 1_000m, churn),
            Margin = Column(() => random.Next(0, 101) / 100m),
            Cost = Column(() => random.Next(0, 10_000) / 100m, cost),
            Cac = Column(() => random.Next(0, 100_000) / 100m, random.Next(2) == 0),
        };
    }

    private static DiscountedLtvModel RandomDiscounted(int seed, TimeUnit period)
    {
        var random = new Random(seed ^ 0x5bd1e995);
        var extended = random.Next(3) == 0;
        return new DiscountedLtvModel(new DiscountedLtvOptions
        {
            DiscountRate = new DiscountRate(random.Next(0, 30) / 100m, period),
            Timing = random.Next(2) == 0 ? DiscountTiming.FirstPeriodAtStart : DiscountTiming.FirstPeriodNotCounted,
            Horizon = random.Next(2) == 0 ? null : new Duration(random.Next(1, 40), period),
            GrowthPerPeriod = extended ? random.Next(0, 5) / 100m : 0m,
            Seasonality = extended && random.Next(2) == 0 ? new SeasonalWeights([1.5m, 0.5m, 1.25m, 0.75m], period) : null,
        });
    }

    private static void AssertSameAsRecordApi(Data data, ILtvModel model)
    {
        var engine = new BulkLtvEngine(model, data.Units);
        var values = new decimal[data.Segment.Length];
        var totals = new BulkSegmentTotals(data.Segments, data.Units.Currency);

        engine.Compute(data.Spans, values, totals);

        var expectedTotals = new decimal[data.Segments];
        var expectedCustomers = new long[data.Segments];
        var expectedCac = new decimal[data.Segments];
        for (var i = 0; i < values.Length; i++)
        {
            var expected = model.Estimate(data.Drivers(i)).Value.Amount;
            Assert.True(expected == values[i], $"customer {i}: record-based {expected}, bulk {values[i]} ({model.Name})");
            expectedTotals[data.Segment[i]] += expected;
            expectedCustomers[data.Segment[i]]++;
            expectedCac[data.Segment[i]] += data.Cac.Length == 0 ? 0m : data.Cac[i];
        }

        // Totals are the exact sums rounded once; the in-order decimal sums round at each step, so they may
        // differ in the 28th significant digit, never at the cent.
        for (var s = 0; s < data.Segments; s++)
        {
            Assert.True(Math.Abs(expectedTotals[s] - totals.Values[s]) <= 0.000000000001m, $"segment {s}: {expectedTotals[s]} vs {totals.Values[s]}");
        }

        Assert.Equal(expectedCustomers, totals.Customers.ToArray());
        Assert.Equal(expectedCac, totals.AcquisitionCosts.ToArray());
    }

    [Property(MaxTest = 1000)]
    public void Bulk_equals_the_record_based_api_for_the_simple_model(int seed, bool lifespan) =>
        AssertSameAsRecordApi(Random(seed, 16, lifespan, cost: false, churn: !lifespan), SimpleLtvModel.Instance);

    [Property(MaxTest = 1000)]
    public void Bulk_equals_the_record_based_api_for_the_margin_model(int seed, bool lifespan, bool cost) =>
        AssertSameAsRecordApi(Random(seed, 16, lifespan, cost, churn: !lifespan), MarginLtvModel.Instance);

    [Property(MaxTest = 1000)]
    public void Bulk_equals_the_record_based_api_for_the_churn_model(int seed, bool cost) =>
        AssertSameAsRecordApi(Random(seed, 16, lifespan: false, cost), ChurnLtvModel.Instance);

    [Property(MaxTest = 1000)]
    public void Bulk_equals_the_record_based_api_for_the_discounted_model(int seed, bool cost)
    {
        var data = Random(seed, 16, lifespan: false, cost);
        AssertSameAsRecordApi(data, RandomDiscounted(seed, data.Units.ChurnPer));
    }

    [Fact]
    public void Lifespan_and_churn_columns_together_are_refused_instead_of_one_being_dropped()
    {
        // Issue 15 item 10 at the bulk level: the simple and margin kernels read the lifespan and ignored the churn.
        var data = Random(9, 10, lifespan: true, cost: false, churn: true);
        var e = Assert.Throws<ConflictingInputException>(() => new BulkLtvEngine(SimpleLtvModel.Instance, data.Units).Compute(data.Spans, new decimal[10], new BulkSegmentTotals(data.Segments, Currency.DKK)));
        Assert.Equal("Lifespan", e.ParamName);
        Assert.Contains("give one column", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parallel_totals_equal_sequential_totals_digit_for_digit_across_many_ranges()
    {
        var data = Random(42, 100_123, lifespan: false, cost: true);
        var engine = new BulkLtvEngine(ChurnLtvModel.Instance, data.Units);
        var sequential = new BulkSegmentTotals(data.Segments, Currency.DKK);
        var parallel = new BulkSegmentTotals(data.Segments, Currency.DKK);
        var sequentialValues = new decimal[data.Segment.Length];
        var parallelValues = new decimal[data.Segment.Length];

        engine.Compute(data.Spans, sequentialValues, sequential);
        engine.ComputeParallel(data.Columns, parallelValues, parallel, maxDegreeOfParallelism: 2);
        var three = new BulkSegmentTotals(data.Segments, Currency.DKK);
        engine.ComputeParallel(data.Columns, default, three, maxDegreeOfParallelism: 3);
        Assert.Equal(sequential.Values.ToArray(), three.Values.ToArray());

        Assert.Equal(sequential.Values.ToArray(), parallel.Values.ToArray());
        Assert.Equal(sequential.Customers.ToArray(), parallel.Customers.ToArray());
        Assert.Equal(sequential.AcquisitionCosts.ToArray(), parallel.AcquisitionCosts.ToArray());
        Assert.Equal(sequentialValues, parallelValues);
        var naive = new decimal[data.Segments];
        for (var i = 0; i < sequentialValues.Length; i++)
        {
            naive[data.Segment[i]] += sequentialValues[i];
        }

        for (var s = 0; s < data.Segments; s++)
        {
            Assert.Equal(decimal.Round(naive[s], 2), decimal.Round(sequential.Values[s], 2));
        }
    }

    [Fact]
    public void Totals_are_exact_sums_where_step_by_step_decimal_addition_loses_digits()
    {
        // 1e22 + 1e-8 does not fit in 28 digits, so adding step by step gives 0; the exact total is 1e-8.
        var engine = new BulkLtvEngine(MarginLtvModel.Instance, new BulkUnits { Currency = Currency.DKK });
        var totals = new BulkSegmentTotals(1, Currency.DKK);
        var columns = new CustomerSpans
        {
            SegmentIndex = new[] { 0, 0, 0 },
            AveragePurchaseValue = new[] { 10_000_000_000_000_000_000_000m, 0.00000001m, 0m },
            PurchaseFrequency = new[] { 1m, 1m, 1m },
            Lifespan = new[] { 1m, 1m, 1m },
            GrossMargin = new[] { 1m, 1m, 1m },
            CostToServe = new[] { 0m, 0m, 10_000_000_000_000_000_000_000m },
        };

        engine.Compute(columns, default, totals);

        Assert.Equal(0m, 10_000_000_000_000_000_000_000m + 0.00000001m - 10_000_000_000_000_000_000_000m);
        Assert.Equal(0.00000001m, totals.Values[0]);
    }

    [Fact]
    public void Totals_only_mode_and_reuse_of_the_totals()
    {
        var data = Random(7, 100, lifespan: true, cost: false, churn: false);
        var engine = new BulkLtvEngine(SimpleLtvModel.Instance, data.Units);
        var totals = new BulkSegmentTotals(data.Segments, Currency.DKK);
        var values = new decimal[100];

        engine.Compute(data.Spans, values, totals);
        var first = totals.Values.ToArray();
        engine.Compute(data.Spans, default, totals);

        Assert.Equal(first, totals.Values.ToArray());
        Assert.Equal(decimal.Round(values.Sum(), 2), decimal.Round(totals.BaseTotal.Amount, 2));
    }

    [Fact]
    public void The_danish_segments_come_out_of_the_bulk_engine()
    {
        // Two customers per band: 500 x 2 x 5, 700 x 2 x 5, 500 x 1 x 6.
        var units = new BulkUnits { Currency = Currency.DKK };
        var engine = new BulkLtvEngine(SimpleLtvModel.Instance, units);
        var totals = new BulkSegmentTotals(3, Currency.DKK);
        var spans = new CustomerSpans
        {
            SegmentIndex = new[] { 0, 1, 2, 0, 1, 2 },
            AveragePurchaseValue = new[] { 500m, 700m, 500m, 500m, 700m, 500m },
            PurchaseFrequency = new[] { 2m, 2m, 1m, 2m, 2m, 1m },
            Lifespan = new[] { 5m, 5m, 6m, 5m, 5m, 6m },
            AcquisitionCost = new[] { 1_000m, 3_500m, 3_000m, 1_000m, 3_500m, 0m },
        };

        engine.Compute(spans, default, totals);

        Assert.Equal(Money.Of(5_000m, Currency.DKK), totals.LifetimeValue(0));
        Assert.Equal(Money.Of(7_000m, Currency.DKK), totals.LifetimeValue(1));
        Assert.Equal(Money.Of(3_000m, Currency.DKK), totals.LifetimeValue(2));
        Assert.Equal(Money.Of(30_000m, Currency.DKK), totals.BaseTotal);
        Assert.Equal(5m, totals.Ratio(0)!.Value.Value);
        Assert.Equal(2m, totals.Ratio(1)!.Value.Value);
        Assert.Equal(Money.Of(3_000m, Currency.DKK), totals.TotalAcquisitionCost(2));
    }

    [Fact]
    public void Zero_customers_and_empty_segments_give_zero_totals()
    {
        var engine = new BulkLtvEngine(SimpleLtvModel.Instance, new BulkUnits { Currency = Currency.DKK });
        var totals = new BulkSegmentTotals(2, Currency.DKK);

        engine.Compute(default, default, totals);
        engine.ComputeParallel(default, default, totals);

        Assert.Equal(Money.Of(0m, Currency.DKK), totals.BaseTotal);
        Assert.Null(totals.LifetimeValue(1));
        Assert.Null(totals.Ratio(1));
    }

    [Fact]
    public void Bad_values_name_the_column_the_row_and_the_value()
    {
        var data = Random(3, 10, lifespan: false, cost: true);
        var engine = new BulkLtvEngine(ChurnLtvModel.Instance, data.Units);
        var totals = new BulkSegmentTotals(data.Segments, Currency.DKK);

        data.Churn[4] = 0m;
        var churn = Assert.Throws<ArgumentOutOfRangeException>(() => engine.Compute(data.Spans, default, totals));
        Assert.Equal("churn", churn.ParamName);
        Assert.Contains("churn[4] must be in (0, 1] (was '0')", churn.Message, StringComparison.Ordinal);

        data.Churn[4] = 0.5m;
        data.Apv[2] = -1m;
        Assert.Contains("averagePurchaseValue[2] must be non-negative (was '-1')", Assert.Throws<ArgumentOutOfRangeException>(() => engine.Compute(data.Spans, default, totals)).Message, StringComparison.Ordinal);

        data.Apv[2] = 1m;
        data.Margin[9] = 1.5m;
        Assert.Contains("grossMargin[9] must be in [0, 1] (was '1.5')", Assert.Throws<ArgumentOutOfRangeException>(() => engine.ComputeParallel(data.Columns, default, totals)).Message, StringComparison.Ordinal);

        data.Margin[9] = 1m;
        data.Segment[0] = data.Segments;
        Assert.Equal("segmentIndex", Assert.Throws<ArgumentOutOfRangeException>(() => engine.Compute(data.Spans, default, totals)).ParamName);

        data.Segment[0] = 0;
        data.Cost[1] = -2m;
        Assert.Contains("costToServe[1]", Assert.Throws<ArgumentOutOfRangeException>(() => engine.Compute(data.Spans, default, totals)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parallel_reports_the_first_bad_row_in_customer_order()
    {
        var data = Random(11, 100_000, lifespan: false, cost: false);
        data.Churn[40_000] = 2m;
        data.Churn[60_000] = 3m;
        var engine = new BulkLtvEngine(ChurnLtvModel.Instance, data.Units);
        var totals = new BulkSegmentTotals(data.Segments, Currency.DKK);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => engine.ComputeParallel(data.Columns, default, totals, maxDegreeOfParallelism: 2));

        Assert.Contains("churn[40000] must be in (0, 1] (was '2')", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_columns_wrong_lengths_and_foreign_models_are_rejected()
    {
        var data = Random(5, 10, lifespan: false, cost: false);
        var totals = new BulkSegmentTotals(data.Segments, Currency.DKK);
        var churn = new BulkLtvEngine(ChurnLtvModel.Instance, data.Units);

        var missing = Assert.Throws<MissingInputException>(() => churn.Compute(data.Spans with { GrossMargin = default }, default, totals));
        Assert.Equal("GrossMargin", missing.Input);
        Assert.Equal("Lifespan", Assert.Throws<MissingInputException>(() => new BulkLtvEngine(SimpleLtvModel.Instance, data.Units).Compute(data.Spans with { Churn = default }, default, totals)).Input);
        Assert.Equal("churn", Assert.Throws<ArgumentException>(() => churn.Compute(data.Spans with { Churn = data.Churn.AsSpan(0, 5) }, default, totals)).ParamName);
        Assert.Equal("customerValues", Assert.Throws<ArgumentException>(() => churn.Compute(data.Spans, new decimal[3], totals)).ParamName);
        Assert.Throws<CurrencyMismatchException>(() => churn.Compute(data.Spans, default, new BulkSegmentTotals(data.Segments, Currency.SEK)));
        Assert.Equal("maxDegreeOfParallelism", Assert.Throws<ArgumentOutOfRangeException>(() => churn.ComputeParallel(data.Columns, default, totals, 0)).ParamName);
        Assert.Equal("segmentCount", Assert.Throws<ArgumentOutOfRangeException>(() => new BulkSegmentTotals(0, Currency.DKK)).ParamName);

        var custom = Assert.Throws<ArgumentException>(() => new BulkLtvEngine(new CustomModel(), data.Units));
        Assert.Contains("(was 'custom')", custom.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Units_without_an_exact_conversion_and_mismatched_discount_periods_are_rejected()
    {
        var weeks = new BulkUnits { Currency = Currency.DKK, FrequencyPer = TimeUnit.Week, LifespanUnit = TimeUnit.Year };
        var engine = new BulkLtvEngine(SimpleLtvModel.Instance, weeks);
        var columns = new CustomerColumns { SegmentIndex = new[] { 0 }, AveragePurchaseValue = new[] { 1m }, PurchaseFrequency = new[] { 1m }, Lifespan = new[] { 1m } };

        Assert.Throws<UnitMismatchException>(() => engine.Compute(columns.AsSpans(), default, new BulkSegmentTotals(1, Currency.DKK)));
        Assert.Throws<UnitMismatchException>(() => new BulkLtvEngine(new DiscountedLtvModel(new DiscountedLtvOptions { DiscountRate = DiscountRate.PerYear(0.1m) }), new BulkUnits { Currency = Currency.DKK }));
    }

    private sealed class CustomModel : ILtvModel
    {
        public string Name => "custom";

        public LtvEstimate Estimate(ValueDrivers drivers) => throw new InvalidOperationException("not called");
    }
}
