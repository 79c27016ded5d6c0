using Ltv.Core.Domain;
using Ltv.Core.Economics;
using Ltv.Core.Strategies;

namespace Ltv.Core.Tests.Economics;

public class DiscountedGrowthAndSeasonalityTests
{
    private static ValueDrivers Drivers(decimal cost = 0m) => new()
    {
        AveragePurchaseValue = Money.Of(400m, Currency.NOK),
        PurchaseFrequency = PurchaseRate.PerMonth(1m),
        GrossMargin = new GrossMargin(0.5m),
        Churn = ChurnRate.PerMonth(0.1m),
        CostToServe = cost == 0m ? null : new MoneyRate(Money.Of(cost, Currency.NOK), TimeUnit.Month),
    };

    private static decimal Estimate(DiscountedLtvOptions options, decimal cost = 0m) =>
        new DiscountedLtvModel(options).Estimate(Drivers(cost)).Value.Amount;

    private static readonly SeasonalWeights Months = new([1.5m, 1.5m, 1m, 1m, 0.5m, 0.5m, 0.5m, 0.5m, 1m, 1m, 1m, 2m], TimeUnit.Month);

    private static decimal BruteForce(decimal revenue, decimal cost, decimal r, decimal d, decimal g, SeasonalWeights? weights, int first, int last)
    {
        var sum = 0m;
        for (var t = first; t <= last; t++)
        {
            var w = weights?.Weight(t) ?? 1m;
            sum += ((revenue * w) - cost) * DiscountedLtvModel.Power((1m + g) * r / (1m + d), t);
        }

        return sum;
    }

    [Fact]
    public void Defaults_leave_the_estimate_exactly_as_before()
    {
        var plain = new DiscountedLtvModel(new DiscountedLtvOptions { DiscountRate = DiscountRate.PerMonth(0.01m) }).Estimate(Drivers());

        Assert.Null(plain.Input(nameof(DiscountedLtvOptions.Seasonality)));
        Assert.Null(plain.Input(nameof(DiscountedLtvOptions.GrowthPerPeriod)));
        Assert.Equal("sum over t = 0..H-1 of m (r / (1+d))^t; infinite: m (1+d) / (1+d-r)", plain.Formula);
        Assert.Equal(200m * (1m / (1m - (0.9m / 1.01m))), plain.Value.Amount);
        Assert.Equal(decimal.Round(200m * 1.01m / (1.01m - 0.9m), 20), decimal.Round(plain.Value.Amount, 20));
    }

    [Fact]
    public void Growth_multiplies_period_t_by_1_plus_g_to_the_t()
    {
        var options = new DiscountedLtvOptions { DiscountRate = DiscountRate.PerMonth(0.1m), GrowthPerPeriod = 0.05m };

        var value = Estimate(options, cost: 20m);

        var p = 1.05m * 0.9m / 1.1m;
        Assert.Equal(decimal.Round(180m / (1m - p), 18), decimal.Round(value, 18));
    }

    [Fact]
    public void Nominal_flows_at_the_nominal_rate_equal_real_flows_at_the_real_rate()
    {
        var inflation = InflationRate.PerMonth(0.02m);
        var nominal = DiscountRate.PerMonth(0.05m);

        var nominalValue = Estimate(new DiscountedLtvOptions { DiscountRate = nominal, GrowthPerPeriod = inflation.Value }, cost: 10m);
        var realValue = Estimate(new DiscountedLtvOptions { DiscountRate = inflation.RealRate(nominal) }, cost: 10m);

        Assert.Equal(decimal.Round(realValue, 16), decimal.Round(nominalValue, 16));
    }

    [Fact]
    public void Seasonal_weights_match_the_brute_force_sum_for_both_timings_and_finite_horizons()
    {
        var rate = DiscountRate.PerMonth(0.01m);
        var atStart = new DiscountedLtvOptions { DiscountRate = rate, Seasonality = Months, GrowthPerPeriod = 0.002m, Horizon = Duration.Months(30m) };
        var notCounted = atStart with { Timing = DiscountTiming.FirstPeriodNotCounted };

        Assert.Equal(decimal.Round(BruteForce(200m, 15m, 0.9m, 0.01m, 0.002m, Months, 0, 29), 18), decimal.Round(Estimate(atStart, 15m), 18));
        Assert.Equal(decimal.Round(BruteForce(200m, 15m, 0.9m, 0.01m, 0.002m, Months, 1, 30), 18), decimal.Round(Estimate(notCounted, 15m), 18));
    }

    [Fact]
    public void Infinite_seasonal_sum_matches_a_long_brute_force_sum()
    {
        var options = new DiscountedLtvOptions { DiscountRate = DiscountRate.PerMonth(0.01m), Seasonality = Months };

        Assert.Equal(decimal.Round(BruteForce(200m, 0m, 0.9m, 0.01m, 0m, Months, 0, 1_000), 15), decimal.Round(Estimate(options), 15));
    }

    [Fact]
    public void Flat_weights_give_the_unweighted_value()
    {
        var rate = DiscountRate.PerMonth(0.01m);
        var flat = new SeasonalWeights(Enumerable.Repeat(1m, 12), TimeUnit.Month);

        Assert.Equal(
            decimal.Round(Estimate(new DiscountedLtvOptions { DiscountRate = rate }, 5m), 18),
            decimal.Round(Estimate(new DiscountedLtvOptions { DiscountRate = rate, Seasonality = flat }, 5m), 18));
    }

    [Fact]
    public void Purchases_early_in_the_cycle_are_worth_more_with_churn()
    {
        var early = new SeasonalWeights([2m, 0m], TimeUnit.Month);
        var late = new SeasonalWeights([0m, 2m], TimeUnit.Month);
        var rate = DiscountRate.PerMonth(0m);

        Assert.True(Estimate(new DiscountedLtvOptions { DiscountRate = rate, Seasonality = early }) > Estimate(new DiscountedLtvOptions { DiscountRate = rate, Seasonality = late }));
    }

    [Fact]
    public void The_estimate_names_growth_and_seasonality_in_its_inputs()
    {
        var estimate = new DiscountedLtvModel(new DiscountedLtvOptions { DiscountRate = DiscountRate.PerMonth(0.01m), GrowthPerPeriod = 0.02m, Seasonality = Months }).Estimate(Drivers());

        Assert.Equal("2 % per month", estimate.Input(nameof(DiscountedLtvOptions.GrowthPerPeriod)));
        Assert.StartsWith("12 weights per month", estimate.Input(nameof(DiscountedLtvOptions.Seasonality)), StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_growth_seasonality_period_and_divergence_are_rejected()
    {
        var growth = Assert.Throws<ArgumentOutOfRangeException>(() => Estimate(new DiscountedLtvOptions { DiscountRate = DiscountRate.PerMonth(0.01m), GrowthPerPeriod = -1m }));
        Assert.Equal("growthPerPeriod", growth.ParamName);
        Assert.Contains("(was '-1')", growth.Message, StringComparison.Ordinal);

        Assert.Throws<UnitMismatchException>(() => Estimate(new DiscountedLtvOptions { DiscountRate = DiscountRate.PerMonth(0.01m), Seasonality = new SeasonalWeights([1m], TimeUnit.Year) }));

        var diverging = Assert.Throws<ArgumentOutOfRangeException>(() => Estimate(new DiscountedLtvOptions { DiscountRate = DiscountRate.PerMonth(0.01m), GrowthPerPeriod = 0.2m }));
        Assert.Equal("discountRate", diverging.ParamName);
    }
}
