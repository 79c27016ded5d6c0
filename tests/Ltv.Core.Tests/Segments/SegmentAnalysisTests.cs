using FsCheck;
using FsCheck.Xunit;

using Ltv.Core.Domain;
using Ltv.Core.Economics;
using Ltv.Core.Segments;
using Ltv.Core.Strategies;

namespace Ltv.Core.Tests.Segments;

public class SegmentAnalysisTests
{
    private static Money Dkk(decimal amount) => Money.Of(amount, Currency.DKK);

    private static ValueDrivers Drivers(decimal apv, decimal perYear, decimal years) => new()
    {
        AveragePurchaseValue = Dkk(apv),
        PurchaseFrequency = PurchaseRate.PerYear(perYear),
        Lifespan = Duration.Years(years),
    };

    // The Danish guide: 18-25: 5,000 DKK; 26-45: 7,000 DKK; 46+: 3,000 DKK.
    private static Segment[] DanishSegments() =>
    [
        new("18-25", Drivers(500m, 2m, 5m), customerCount: 1_000),
        new("26-45", Drivers(700m, 2m, 5m), customerCount: 2_000),
        new("46+", Drivers(500m, 1m, 6m), customerCount: 500),
    ];

    [Fact]
    public void The_danish_example_values_and_ranks_the_age_bands()
    {
        var comparison = SegmentAnalysis.Compare(DanishSegments(), SimpleLtvModel.Instance);

        Assert.Equal(Dkk(5_000m), comparison["18-25"].LifetimeValue);
        Assert.Equal(Dkk(7_000m), comparison["26-45"].LifetimeValue);
        Assert.Equal(Dkk(3_000m), comparison["46+"].LifetimeValue);
        Assert.Equal(["26-45", "18-25", "46+"], comparison.Ranking);
        Assert.Equal([1, 2, 3], comparison.Rows.Select(r => r.Rank));
    }

    [Fact]
    public void The_base_total_is_the_sum_of_customers_times_ltv_and_shares_add_up()
    {
        var comparison = SegmentAnalysis.Compare(DanishSegments(), SimpleLtvModel.Instance);

        // 1,000 x 5,000 + 2,000 x 7,000 + 500 x 3,000 = 20,500,000.
        Assert.Equal(Dkk(20_500_000m), comparison.BaseTotal);
        Assert.Equal(3_500L, comparison.CustomerCount);
        Assert.Equal(Dkk(14_000_000m), comparison["26-45"].TotalValue);
        Assert.Equal(14_000_000m / 20_500_000m, comparison["26-45"].Share);
        Assert.Equal(1m, decimal.Round(comparison.Rows.Sum(r => r.Share!.Value), 20));
        Assert.Equal("simple", comparison.Model);
        Assert.Equal(Currency.DKK, comparison.Currency);
    }

    [Fact]
    public void The_text_table_lists_the_segments_in_rank_order_with_a_base_line()
    {
        var text = SegmentAnalysis.Compare(DanishSegments(), SimpleLtvModel.Instance).ToText();
        var lines = text.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("Segments valued with the simple model (DKK)", lines[0]);
        Assert.StartsWith("Rank  Segment", lines[1], StringComparison.Ordinal);
        Assert.Contains("26-45", lines[2], StringComparison.Ordinal);
        Assert.Contains("7,000.00 DKK", lines[2], StringComparison.Ordinal);
        Assert.Contains("68.3 %", lines[2], StringComparison.Ordinal);
        Assert.Contains("18-25", lines[3], StringComparison.Ordinal);
        Assert.Contains("46+", lines[4], StringComparison.Ordinal);
        Assert.Contains("Base", lines[5], StringComparison.Ordinal);
        Assert.Contains("20,500,000.00 DKK", lines[5], StringComparison.Ordinal);
        Assert.Equal(lines[1].Length, lines[2].Length);
    }

    [Fact]
    public void The_text_table_is_the_one_shown_in_the_unit_economics_guide()
    {
        string[] expected =
        [
            "Segments valued with the simple model (DKK)",
            "Rank  Segment  Customers  LTV/customer        Total value    Share  LTV:CAC",
            "   1  26-45        2,000  7,000.00 DKK  14,000,000.00 DKK   68.3 %        -",
            "   2  18-25        1,000  5,000.00 DKK   5,000,000.00 DKK   24.4 %        -",
            "   3  46+            500  3,000.00 DKK   1,500,000.00 DKK    7.3 %        -",
            "      Base         3,500                20,500,000.00 DKK  100.0 %",
            "",
        ];

        Assert.Equal(string.Join(Environment.NewLine, expected), SegmentAnalysis.Compare(DanishSegments(), SimpleLtvModel.Instance).ToString());
    }

    [Fact]
    public void Segments_with_cac_report_net_value_and_ratio()
    {
        Segment[] segments =
        [
            new("paid", Drivers(500m, 2m, 5m), 10, Dkk(1_000m)),
            new("organic", Drivers(500m, 2m, 5m), 10, Dkk(0m)),
            new("unknown", Drivers(100m, 1m, 1m), 10),
        ];

        var comparison = SegmentAnalysis.Compare(segments, SimpleLtvModel.Instance);

        Assert.Equal(Dkk(4_000m), comparison["paid"].NetValue);
        Assert.Equal(5m, comparison["paid"].Ratio!.Value.Value);
        Assert.True(comparison["organic"].Ratio!.Value.IsInfinite);
        Assert.Null(comparison["unknown"].Ratio);
        Assert.Null(comparison["unknown"].NetValue);
        Assert.Equal(["organic", "paid", "unknown"], comparison.Ranking);
        Assert.NotNull(comparison["paid"].Estimate);
    }

    [Fact]
    public void Any_model_can_value_the_segments()
    {
        Segment[] segments =
        [
            new("gym", new ValueDrivers
            {
                AveragePurchaseValue = Money.Of(400m, Currency.NOK),
                PurchaseFrequency = PurchaseRate.PerMonth(1m),
                GrossMargin = GrossMargin.Full,
                Churn = ChurnRate.PerMonth(0.1m),
            }, 3),
        ];

        var comparison = SegmentAnalysis.Compare(segments, ChurnLtvModel.Instance);

        Assert.Equal(Money.Of(4_000m, Currency.NOK), comparison["gym"].LifetimeValue);
        Assert.Equal(Money.Of(12_000m, Currency.NOK), comparison.BaseTotal);
        Assert.Equal("churn", comparison.Model);
    }

    [Fact]
    public void An_empty_segment_is_a_row_with_zero_total()
    {
        Segment[] segments = [new("a", Drivers(10m, 1m, 1m), 0), new("b", Drivers(5m, 1m, 1m), 4)];

        var comparison = SegmentAnalysis.Compare(segments, SimpleLtvModel.Instance);

        Assert.Equal(Dkk(0m), comparison["a"].TotalValue);
        Assert.Equal(0m, comparison["a"].Share);
        Assert.Equal(Dkk(10m), comparison["a"].LifetimeValue);
        Assert.Equal(Dkk(20m), comparison.BaseTotal);
    }

    [Fact]
    public void A_base_of_zero_customers_has_a_zero_total_and_no_shares()
    {
        var comparison = SegmentAnalysis.Compare([new Segment("a", Drivers(10m, 1m, 1m), 0)], SimpleLtvModel.Instance);

        Assert.Equal(Dkk(0m), comparison.BaseTotal);
        Assert.Null(comparison["a"].Share);
        Assert.Contains(" - ", comparison.ToText(), StringComparison.Ordinal);
    }

    [Fact]
    public void No_segments_duplicate_keys_and_mixed_currencies_are_rejected()
    {
        var empty = Assert.Throws<ArgumentException>(() => SegmentAnalysis.Compare([], SimpleLtvModel.Instance));
        Assert.Contains("(was empty)", empty.Message, StringComparison.Ordinal);

        var duplicate = Assert.Throws<ArgumentException>(() => SegmentAnalysis.Compare([new Segment("a", Drivers(1m, 1m, 1m)), new Segment("a", Drivers(2m, 1m, 1m))], SimpleLtvModel.Instance));
        Assert.Contains("(was 'a' twice)", duplicate.Message, StringComparison.Ordinal);

        var sek = new ValueDrivers { AveragePurchaseValue = Money.Of(1m, Currency.SEK), PurchaseFrequency = PurchaseRate.PerYear(1m), Lifespan = Duration.Years(1m) };
        Assert.Throws<CurrencyMismatchException>(() => SegmentAnalysis.Compare([new Segment("a", Drivers(1m, 1m, 1m)), new Segment("b", sek)], SimpleLtvModel.Instance));
    }

    [Fact]
    public void Unknown_key_lookup_names_the_key()
    {
        var comparison = SegmentAnalysis.Compare(DanishSegments(), SimpleLtvModel.Instance);
        var error = Assert.Throws<KeyNotFoundException>(() => comparison["60+"]);
        Assert.Contains("'60+'", error.Message, StringComparison.Ordinal);
    }

    private sealed record Shopper(string Region, string Channel, decimal Apv, decimal Cac);

    [Fact]
    public void Customers_can_be_grouped_by_any_key_the_caller_chooses()
    {
        Shopper[] shoppers =
        [
            new("North", "search", 100m, 50m),
            new("North", "social", 300m, 150m),
            new("South", "search", 200m, 20m),
        ];

        var byRegion = SegmentAnalysis.CompareBy(shoppers, s => s.Region, s => Drivers(s.Apv, 1m, 1m), SimpleLtvModel.Instance, s => Dkk(s.Cac));
        var byChannel = SegmentAnalysis.CompareBy(shoppers, s => s.Channel, s => Drivers(s.Apv, 1m, 1m), SimpleLtvModel.Instance);

        Assert.Equal(Dkk(400m), byRegion["North"].TotalValue);
        Assert.Equal(Dkk(200m), byRegion["North"].LifetimeValue);
        Assert.Equal(2L, byRegion["North"].CustomerCount);
        Assert.Equal(Dkk(100m), byRegion["North"].AcquisitionCost);
        Assert.Equal(10m, byRegion["South"].Ratio!.Value.Value);
        Assert.Null(byRegion["North"].Estimate);
        Assert.Equal(["social", "search"], byChannel.Ranking);
        Assert.Equal(Dkk(600m), byChannel.BaseTotal);
        Assert.Throws<ArgumentException>(() => SegmentAnalysis.CompareBy(shoppers, _ => " ", s => Drivers(s.Apv, 1m, 1m), SimpleLtvModel.Instance));
        var none = Assert.Throws<ArgumentException>(() => SegmentAnalysis.CompareBy(Array.Empty<Shopper>(), s => s.Region, s => Drivers(s.Apv, 1m, 1m), SimpleLtvModel.Instance));
        Assert.Equal("customers", none.ParamName);
        Assert.Contains("customers must hold at least one customer (was empty)", none.Message, StringComparison.Ordinal);
    }

    private static Segment[] RandomSegments(int[] apvs, int[] counts)
    {
        var n = Math.Min(apvs.Length, counts.Length);
        return Enumerable.Range(0, n)
            .Select(i => new Segment($"s{i}", Drivers(Math.Abs(apvs[i] % 100_000) / 100m, 1m + (i % 5), 1m + (i % 3)), Math.Abs(counts[i] % 10_000)))
            .ToArray();
    }

    [Property(MaxTest = 1000)]
    public void Base_total_is_the_sum_of_segment_totals(NonEmptyArray<int> apvs, NonEmptyArray<int> counts)
    {
        var segments = RandomSegments(apvs.Get, counts.Get);

        var comparison = SegmentAnalysis.Compare(segments, SimpleLtvModel.Instance);

        var expected = segments.Sum(s => SimpleLtvModel.Instance.Estimate(s.Drivers).Value.Amount * s.CustomerCount);
        Assert.Equal(expected, comparison.BaseTotal.Amount);
        Assert.Equal(comparison.Rows.Sum(r => r.TotalValue.Amount), comparison.BaseTotal.Amount);
        Assert.Equal(segments.Sum(s => s.CustomerCount), comparison.CustomerCount);
    }

    [Property(MaxTest = 1000)]
    public void Ranking_is_stable_under_scaling_all_values(NonEmptyArray<int> apvs, NonEmptyArray<int> counts, PositiveInt scale)
    {
        var segments = RandomSegments(apvs.Get, counts.Get);
        var factor = 1 + (scale.Get % 1_000);
        var scaled = segments.Select(s => s with { Drivers = s.Drivers with { AveragePurchaseValue = s.Drivers.AveragePurchaseValue!.Value * factor } }).ToArray();

        var before = SegmentAnalysis.Compare(segments, SimpleLtvModel.Instance).Ranking;
        var after = SegmentAnalysis.Compare(scaled, SimpleLtvModel.Instance).Ranking;

        Assert.Equal(before, after);
    }

    [Fact]
    public void A_total_too_large_for_decimal_names_the_segment_count_and_ltv()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() =>
            SegmentAnalysis.Compare([new Segment("big", Drivers(1e20m, 1m, 1m), customerCount: long.MaxValue)], SimpleLtvModel.Instance));

        Assert.Equal("customerCount", error.ParamName);
        Assert.Contains("customerCount must be small enough that customers x LTV of segment 'big' fits in decimal", error.Message, StringComparison.Ordinal);
        Assert.Contains("(was '9223372036854775807 x 100000000000000000000 DKK')", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_base_total_or_customer_count_too_large_names_the_segment_being_added()
    {
        var totals = Assert.Throws<ArgumentOutOfRangeException>(() => SegmentAnalysis.Compare(
            [new Segment("a", Drivers(5e28m, 1m, 1m)), new Segment("b", Drivers(5e28m, 1m, 1m))], SimpleLtvModel.Instance));
        var counts = Assert.Throws<ArgumentOutOfRangeException>(() => SegmentAnalysis.Compare(
            [new Segment("a", Drivers(0m, 1m, 1m), long.MaxValue), new Segment("b", Drivers(0m, 1m, 1m), long.MaxValue)], SimpleLtvModel.Instance));
        var grouped = Assert.Throws<ArgumentOutOfRangeException>(() => SegmentAnalysis.CompareBy(
            [5e28m, 5e28m], _ => "all", v => Drivers(v, 1m, 1m), SimpleLtvModel.Instance));

        Assert.Equal("segments", totals.ParamName);
        Assert.Contains("adding segment 'b'", totals.Message, StringComparison.Ordinal);
        Assert.Contains("9223372036854775807 + 9223372036854775807 customers", counts.Message, StringComparison.Ordinal);
        Assert.Equal("customers", grouped.ParamName);
        Assert.Contains("segment 'all'", grouped.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_share_too_large_for_decimal_names_the_segment()
    {
        // Values 7e28, -7e28 and 1e-28: a base total of 1e-28 and a share of 7e56.
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => SegmentAnalysis.Compare(
            [new Segment("up", Drivers(7e28m, 3m, 1m)), new Segment("down", Drivers(7e28m, 1m, 1m)), new Segment("tiny", Drivers(1e-28m, 3m, 1m))],
            new ApvTimesFrequencyMinusTwo()));

        Assert.Equal("segments", error.ParamName);
        Assert.Contains("segment 'up''s share of the base total", error.Message, StringComparison.Ordinal);
        Assert.Contains("/ 0.0000000000000000000000000001 DKK", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A test strategy that can value a segment below zero: APV x (purchases per year - 2).</summary>
    private sealed class ApvTimesFrequencyMinusTwo : ILtvModel
    {
        public string Name => "test";

        public LtvEstimate Estimate(ValueDrivers drivers) =>
            new(drivers.AveragePurchaseValue!.Value * (drivers.PurchaseFrequency!.Value.In(TimeUnit.Year).Count - 2m), Name, "APV x (PF - 2)", []);
    }
}
