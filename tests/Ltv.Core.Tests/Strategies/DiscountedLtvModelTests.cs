using Ltv.Core.Domain;
using Ltv.Core.Strategies;

namespace Ltv.Core.Tests.Strategies;

public class DiscountedLtvModelTests
{
    private static ValueDrivers Drivers(decimal churn = 0.2m, TimeUnit period = TimeUnit.Year) => new()
    {
        AveragePurchaseValue = Money.Of(100m, Currency.EUR),
        PurchaseFrequency = new PurchaseRate(1m, period),
        GrossMargin = GrossMargin.Full,
        Churn = new ChurnRate(churn, period),
    };

    [Fact]
    public void Default_timing_is_first_period_at_start_and_is_named_in_the_result()
    {
        var model = new DiscountedLtvModel(new() { DiscountRate = DiscountRate.PerYear(0.1m) });

        var estimate = model.Estimate(Drivers());

        Assert.Equal(DiscountTiming.FirstPeriodAtStart, model.Options.Timing);
        Assert.Equal(nameof(DiscountTiming.FirstPeriodAtStart), estimate.Input("Timing"));
        Assert.Equal("infinite", estimate.Input("Horizon"));
    }

    [Fact]
    public void Start_convention_infinite_horizon_is_m_times_1_plus_d_over_1_plus_d_minus_r()
    {
        // m = 100, r = 0.8, d = 0.1: 100 x 1.1 / 0.3 = 366.66...
        var value = new DiscountedLtvModel(new() { DiscountRate = DiscountRate.PerYear(0.1m) }).Estimate(Drivers()).Value;

        Assert.Equal(Math.Round(110m / 0.3m, 20), Math.Round(value.Amount, 20));
    }

    [Fact]
    public void Gupta_Lehmann_convention_infinite_horizon_is_m_r_over_1_plus_d_minus_r()
    {
        var model = new DiscountedLtvModel(new() { DiscountRate = DiscountRate.PerYear(0.1m), Timing = DiscountTiming.FirstPeriodNotCounted });

        var estimate = model.Estimate(Drivers());

        Assert.Equal(Math.Round(80m / 0.3m, 20), Math.Round(estimate.Value.Amount, 20));
        Assert.Equal(nameof(DiscountTiming.FirstPeriodNotCounted), estimate.Input("Timing"));
    }

    [Fact]
    public void The_two_conventions_differ_by_the_factor_1_plus_d_over_r()
    {
        var start = new DiscountedLtvModel(new() { DiscountRate = DiscountRate.PerYear(0.1m) }).Estimate(Drivers()).Value.Amount;
        var notCounted = new DiscountedLtvModel(new() { DiscountRate = DiscountRate.PerYear(0.1m), Timing = DiscountTiming.FirstPeriodNotCounted }).Estimate(Drivers()).Value.Amount;

        Assert.Equal(Math.Round(start, 18), Math.Round(notCounted * 1.1m / 0.8m, 18));
    }

    [Fact]
    public void Finite_horizon_of_three_years_sums_three_periods_exactly()
    {
        // q = 0.8 / 1.1; start: 100 (1 + q + q^2)
        var q = 0.8m / 1.1m;
        var model = new DiscountedLtvModel(new() { DiscountRate = DiscountRate.PerYear(0.1m), Horizon = Duration.Years(3) });

        var estimate = model.Estimate(Drivers());

        Assert.Equal(Math.Round(100m * (1m + q + q * q), 20), Math.Round(estimate.Value.Amount, 20));
        Assert.StartsWith("3 years", estimate.Input("Horizon"), StringComparison.Ordinal);
    }

    [Fact]
    public void Horizon_in_months_converts_exactly_to_yearly_periods()
    {
        var years = new DiscountedLtvModel(new() { DiscountRate = DiscountRate.PerYear(0.1m), Horizon = Duration.Years(2) }).Estimate(Drivers()).Value;
        var months = new DiscountedLtvModel(new() { DiscountRate = DiscountRate.PerYear(0.1m), Horizon = Duration.Months(24) }).Estimate(Drivers()).Value;

        Assert.Equal(years, months);
    }

    [Fact]
    public void Horizon_that_is_not_a_whole_number_of_periods_is_rejected_naming_it()
    {
        var model = new DiscountedLtvModel(new() { DiscountRate = DiscountRate.PerYear(0.1m), Horizon = Duration.Months(18) });

        TestSupport.ErrorAssert.Throws<ArgumentOutOfRangeException>(() => model.Estimate(Drivers()), "horizon", "18 months");
    }

    [Fact]
    public void Horizon_in_days_for_yearly_periods_is_a_unit_mismatch()
    {
        var model = new DiscountedLtvModel(new() { DiscountRate = DiscountRate.PerYear(0.1m), Horizon = Duration.Days(365) });

        Assert.Throws<UnitMismatchException>(() => model.Estimate(Drivers()));
    }

    [Fact]
    public void Discount_rate_per_another_period_than_churn_is_a_unit_mismatch()
    {
        var model = new DiscountedLtvModel(new() { DiscountRate = DiscountRate.PerMonth(0.01m) });

        var ex = Assert.Throws<UnitMismatchException>(() => model.Estimate(Drivers()));
        Assert.Equal(TimeUnit.Month, ex.From);
        Assert.Equal(TimeUnit.Year, ex.To);
    }

    [Fact]
    public void Divergent_infinite_sum_is_rejected_naming_the_discount_rate_and_value()
    {
        // r = 0.8, d = -0.5: q = 1.6 >= 1
        var model = new DiscountedLtvModel(new() { DiscountRate = DiscountRate.PerYear(-0.5m) });

        TestSupport.ErrorAssert.Throws<ArgumentOutOfRangeException>(() => model.Estimate(Drivers()), "discountRate", "-0.5");
    }

    [Fact]
    public void Divergent_ratio_with_a_finite_horizon_is_a_finite_sum()
    {
        var model = new DiscountedLtvModel(new() { DiscountRate = DiscountRate.PerYear(-0.5m), Horizon = Duration.Years(2) });

        Assert.Equal(100m * (1m + 1.6m), model.Estimate(Drivers()).Value.Amount);
    }

    [Fact]
    public void Horizon_so_long_that_decimal_overflows_is_rejected_naming_the_horizon()
    {
        var model = new DiscountedLtvModel(new() { DiscountRate = DiscountRate.PerYear(-0.5m), Horizon = Duration.Years(100_000) });

        TestSupport.ErrorAssert.Throws<ArgumentOutOfRangeException>(() => model.Estimate(Drivers()), "Horizon", "100000 years");
    }

    [Fact]
    public void Cost_to_serve_is_subtracted_from_the_margin_per_period()
    {
        var drivers = Drivers() with { CostToServe = new MoneyRate(Money.Of(20m, Currency.EUR), TimeUnit.Year) };
        var model = new DiscountedLtvModel(new() { DiscountRate = DiscountRate.PerYear(0m), Horizon = Duration.Years(1) });

        Assert.Equal(Money.Of(80m, Currency.EUR), model.Estimate(drivers).Value);
    }

    [Fact]
    public void Undefined_timing_is_rejected_at_creation()
    {
        TestSupport.ErrorAssert.Throws<ArgumentOutOfRangeException>(
            () => _ = new DiscountedLtvModel(new() { DiscountRate = DiscountRate.PerYear(0.1m), Timing = (DiscountTiming)7 }), "timing", "7");
    }
}
