using Ltv.Core.Bulk;
using Ltv.Core.Domain;
using Ltv.Core.Economics;
using Ltv.Core.Probabilistic.Contractual;
using Ltv.Core.Segments;
using Ltv.Core.Strategies;

namespace Ltv.Core.Tests.Strategies;

public class ContractualLtvModelTests
{
    private static readonly ValueDrivers Gym = new()
    {
        AveragePurchaseValue = Money.Of(400m, Currency.NOK),
        PurchaseFrequency = PurchaseRate.PerMonth(1),
        GrossMargin = GrossMargin.Full,
    };

    /// <summary>Expected survivors of a monthly cohort of 10,000 under sBG(alpha, beta), 24 months, unrounded.</summary>
    public static double[] Cohort(double alpha, double beta)
    {
        var truth = new SbgModel(alpha, beta, TimeUnit.Month);
        return [.. Enumerable.Range(0, 25).Select(t => 10_000 * truth.Survival(t))];
    }

    [Theory]
    [InlineData(9.0, 4000)]
    [InlineData(15.0, 6400)]
    public void Gym_membership_value_comes_from_a_fitted_retention_curve(double beta, int expected)
    {
        // Expected lifetime (alpha + beta - 1) / (alpha - 1): 10 months with beta = 9, 16 months with beta = 15.
        var curve = SbgModel.FitSurvivors(Cohort(2, beta), TimeUnit.Month).EnsureConverged().Model;
        var estimate = new ContractualLtvModel(curve).Estimate(Gym);
        Assert.Equal(Money.Of(expected, Currency.NOK), estimate.Value.Round());
        Assert.Equal("contractual", estimate.Model);
        Assert.NotNull(estimate.Input("DEL"));
    }

    [Fact]
    public void Value_is_margin_times_del_or_derl_with_discounting_and_horizon()
    {
        var curve = new SbgModel(0.668, 3.806, TimeUnit.Month);
        var options = new ContractualLtvOptions { DiscountRate = DiscountRate.PerMonth(0.01m) };
        var newSubscriber = new ContractualLtvModel(curve, options);
        Assert.Equal((decimal)curve.DiscountedExpectedLifetime(0.01), newSubscriber.LifetimeFactor, 10);
        Assert.Equal(400m * newSubscriber.LifetimeFactor, newSubscriber.Estimate(Gym).Value.Amount);
        var existing = new ContractualLtvModel(curve, options with { Renewals = 5 });
        Assert.Equal((decimal)curve.DiscountedExpectedResidualLifetime(0.01, 5), existing.LifetimeFactor, 10);
        Assert.True(existing.LifetimeFactor > newSubscriber.LifetimeFactor - 1, "a subscriber who stayed is more loyal than a new one");
        var year = new ContractualLtvModel(curve, options with { Horizon = Duration.Years(1) });
        Assert.Equal((decimal)curve.DiscountedExpectedLifetime(0.01, 12), year.LifetimeFactor, 10);
    }

    [Fact]
    public void Infinite_lifetimes_and_mismatched_units_are_refused_with_the_option_named()
    {
        var heavy = new SbgModel(0.704, 1.182, TimeUnit.Year);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new ContractualLtvModel(heavy));
        Assert.Contains("discountRate", e.Message, StringComparison.Ordinal);
        Assert.True(new ContractualLtvModel(heavy, new() { Horizon = Duration.Years(10) }).LifetimeFactor > 1);
        Assert.Throws<UnitMismatchException>(() => new ContractualLtvModel(heavy, new() { DiscountRate = DiscountRate.PerMonth(0.01m) }));
        e = Assert.Throws<ArgumentOutOfRangeException>(() => new ContractualLtvModel(heavy, new() { DiscountRate = DiscountRate.PerYear(0.1m), Renewals = -1 }));
        Assert.Contains("renewals", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Segments_and_the_bulk_engine_give_the_same_digits_as_estimate()
    {
        var curve = new SbgModel(2, 9, TimeUnit.Month);
        var model = new ContractualLtvModel(curve, new() { DiscountRate = DiscountRate.PerMonth(0.01m) });
        var cheap = Gym with { AveragePurchaseValue = Money.Of(299m, Currency.NOK), GrossMargin = new GrossMargin(0.6m) };
        var comparison = SegmentAnalysis.Compare([new Segment("standard", Gym, 3), new Segment("student", cheap, 2)], model);
        Assert.Equal(model.Estimate(Gym).Value, comparison["standard"].LifetimeValue);

        var engine = new BulkLtvEngine(model, new BulkUnits { Currency = Currency.NOK, FrequencyPer = TimeUnit.Month, ChurnPer = TimeUnit.Month });
        var totals = new BulkSegmentTotals(2, Currency.NOK);
        var values = new decimal[3];
        engine.Compute(
            new CustomerSpans
            {
                SegmentIndex = new[] { 0, 1, 1 },
                AveragePurchaseValue = new[] { 400m, 299m, 299m },
                PurchaseFrequency = new[] { 1m, 1m, 1m },
                GrossMargin = new[] { 1m, 0.6m, 0.6m },
            },
            values,
            totals);
        Assert.Equal(model.Estimate(Gym).Value.Amount, values[0]);
        Assert.Equal(model.Estimate(cheap).Value.Amount, values[1]);
        Assert.Throws<UnitMismatchException>(() => new BulkLtvEngine(model, new BulkUnits { Currency = Currency.NOK, ChurnPer = TimeUnit.Year }));
    }

    [Fact]
    public void Cac_payback_on_a_retention_curve_accumulates_margin_times_survival()
    {
        var curve = new SbgModel(2, 9, TimeUnit.Month);
        var margin = new MoneyRate(Money.Of(400m, Currency.NOK), TimeUnit.Month);

        // Whole periods: the first n with 400 (S(0) + ... + S(n-1)) >= CAC.
        var cac = Money.Of(1500m, Currency.NOK);
        var payback = CacPayback.OnRetentionCurve(cac, margin, curve, new PaybackOptions { Rounding = PaybackRounding.WholePeriods });
        var n = 0;
        var cumulative = 0.0;
        while (cumulative < 1500)
        {
            cumulative += 400 * curve.Survival(n++);
        }

        Assert.Equal(n, payback.Periods);
        Assert.Equal(Money.Of(4000m, Currency.NOK), payback.CumulativeMarginLimit!.Value.Round());
        Assert.True(CacPayback.OnRetentionCurve(Money.Of(4001m, Currency.NOK), margin, curve).IsNever);
        Assert.Equal(0m, CacPayback.OnRetentionCurve(Money.Of(0m, Currency.NOK), margin, curve).Periods);
    }
}
