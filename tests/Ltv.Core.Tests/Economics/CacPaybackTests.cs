using FsCheck;
using FsCheck.Xunit;

using Ltv.Core.Domain;
using Ltv.Core.Economics;
using Ltv.Core.Strategies;

namespace Ltv.Core.Tests.Economics;

public class CacPaybackTests
{
    private static Money Nok(decimal amount) => Money.Of(amount, Currency.NOK);

    private static MoneyRate PerMonth(decimal amount) => new(Nok(amount), TimeUnit.Month);

    [Fact]
    public void Without_churn_or_discounting_payback_is_cac_over_margin()
    {
        var payback = CacPayback.Compute(Nok(1_000m), PerMonth(400m), churn: null);

        Assert.False(payback.IsNever);
        Assert.Equal(2.5m, payback.Periods);
        Assert.Equal(TimeUnit.Month, payback.Per);
        Assert.Equal(Duration.Months(2.5m), payback.Time);
        Assert.Null(payback.CumulativeMarginLimit);
        Assert.Equal("2.5 months", payback.ToString());
    }

    [Fact]
    public void Whole_periods_rounds_the_crossing_period_up()
    {
        var payback = CacPayback.Compute(Nok(1_000m), PerMonth(400m), null, new PaybackOptions { Rounding = PaybackRounding.WholePeriods });

        Assert.Equal(3m, payback.Periods);
        Assert.Equal(PaybackRounding.WholePeriods, payback.Rounding);
    }

    [Fact]
    public void With_churn_the_cumulative_margin_is_the_sum_of_m_r_to_the_t()
    {
        // m = 400, r = 0.9: C(1) = 400, C(2) = 760, C(3) = 1084. CAC 1,000 crosses in period 3:
        // 2 + (1000 - 760) / (1084 - 760) = 2 + 240 / 324.
        var payback = CacPayback.Compute(Nok(1_000m), PerMonth(400m), ChurnRate.PerMonth(0.1m));

        Assert.Equal(2m + (240m / 324m), payback.Periods);
        Assert.Equal(Nok(4_000m), payback.CumulativeMarginLimit);
    }

    [Fact]
    public void Never_when_the_undiscounted_limit_m_over_churn_is_below_cac()
    {
        var payback = CacPayback.Compute(Nok(4_500m), PerMonth(400m), ChurnRate.PerMonth(0.1m));

        Assert.True(payback.IsNever);
        Assert.Null(payback.Periods);
        Assert.Null(payback.Time);
        Assert.Equal(Nok(4_000m), payback.CumulativeMarginLimit);
        Assert.Equal("never (cumulative margin tends to 4,000.00 NOK)", payback.ToString());
    }

    [Fact]
    public void Never_when_cac_equals_the_limit_which_is_only_approached()
    {
        Assert.True(CacPayback.Compute(Nok(4_000m), PerMonth(400m), ChurnRate.PerMonth(0.1m)).IsNever);
    }

    [Fact]
    public void Never_when_the_discounted_limit_is_below_cac()
    {
        // Limit m (1+d) / (1+d-r) = 400 x 1.1 / 0.2 = 2,200.
        var options = new PaybackOptions { DiscountRate = DiscountRate.PerMonth(0.1m) };

        var never = CacPayback.Compute(Nok(2_300m), PerMonth(400m), ChurnRate.PerMonth(0.1m), options);
        var pays = CacPayback.Compute(Nok(2_100m), PerMonth(400m), ChurnRate.PerMonth(0.1m), options);

        Assert.True(never.IsNever);
        Assert.Equal(2_200m, decimal.Round(never.CumulativeMarginLimit!.Value.Amount, 20));
        Assert.False(pays.IsNever);
    }

    [Fact]
    public void Discounting_delays_payback()
    {
        var plain = CacPayback.Compute(Nok(2_000m), PerMonth(400m), ChurnRate.PerMonth(0.1m));
        var discounted = CacPayback.Compute(Nok(2_000m), PerMonth(400m), ChurnRate.PerMonth(0.1m), new PaybackOptions { DiscountRate = DiscountRate.PerMonth(0.05m) });

        Assert.True(discounted > plain);
    }

    [Fact]
    public void The_limit_equals_the_discounted_ltv()
    {
        var drivers = new ValueDrivers
        {
            AveragePurchaseValue = Nok(400m),
            PurchaseFrequency = PurchaseRate.PerMonth(1m),
            GrossMargin = GrossMargin.Full,
            Churn = ChurnRate.PerMonth(0.1m),
        };
        var rate = DiscountRate.PerMonth(0.01m);
        var ltv = new DiscountedLtvModel(new DiscountedLtvOptions { DiscountRate = rate }).Estimate(drivers).Value;

        var payback = CacPayback.Compute(Nok(100m), drivers, new PaybackOptions { DiscountRate = rate });

        Assert.Equal(decimal.Round(ltv.Amount, 18), decimal.Round(payback.CumulativeMarginLimit!.Value.Amount, 18));
    }

    [Fact]
    public void Drivers_margin_is_apv_times_frequency_times_gross_margin_minus_cost_to_serve()
    {
        // 1,000 x 1 per month x 50 % - 100 a month = 400 a month, no churn: 1,000 pays back after 2.5 months.
        var drivers = new ValueDrivers
        {
            AveragePurchaseValue = Nok(1_000m),
            PurchaseFrequency = PurchaseRate.PerMonth(1m),
            GrossMargin = new GrossMargin(0.5m),
            CostToServe = new MoneyRate(Nok(1_200m), TimeUnit.Year),
        };

        var payback = CacPayback.Compute(Nok(1_000m), drivers);

        Assert.Equal(2.5m, payback.Periods);
        Assert.Equal(TimeUnit.Month, payback.Per);
    }

    [Fact]
    public void Without_churn_the_period_is_the_frequencys_period()
    {
        // 1,000 x 12 a year x 50 % - 1,200 a year = 4,800 a year: 1,000 / 4,800 years.
        var drivers = new ValueDrivers
        {
            AveragePurchaseValue = Nok(1_000m),
            PurchaseFrequency = PurchaseRate.PerYear(12m),
            GrossMargin = new GrossMargin(0.5m),
            CostToServe = new MoneyRate(Nok(100m), TimeUnit.Month),
        };

        var payback = CacPayback.Compute(Nok(1_000m), drivers);

        Assert.Equal(1_000m / 4_800m, payback.Periods);
        Assert.Equal(TimeUnit.Year, payback.Per);
    }

    [Fact]
    public void Drivers_without_gross_margin_are_rejected_naming_it()
    {
        var drivers = new ValueDrivers { AveragePurchaseValue = Nok(1m), PurchaseFrequency = PurchaseRate.PerMonth(1m) };
        var error = Assert.Throws<MissingInputException>(() => CacPayback.Compute(Nok(1m), drivers));
        Assert.Equal("GrossMargin", error.Input);
    }

    [Fact]
    public void Zero_cac_pays_back_immediately()
    {
        Assert.Equal(0m, CacPayback.Compute(Nok(0m), PerMonth(400m), ChurnRate.PerMonth(0.1m)).Periods);
    }

    [Fact]
    public void Non_positive_margin_never_pays_back()
    {
        Assert.True(CacPayback.Compute(Nok(10m), PerMonth(0m), null).IsNever);
        Assert.True(CacPayback.Compute(Nok(10m), PerMonth(-5m), ChurnRate.PerMonth(0.5m)).IsNever);
    }

    [Fact]
    public void Seasonality_moves_payback_without_changing_the_limit_over_a_cycle()
    {
        // Two periods per cycle: all purchases in the first half-year, or all in the second.
        var early = new SeasonalWeights([2m, 0m], TimeUnit.Month);
        var late = new SeasonalWeights([0m, 2m], TimeUnit.Month);

        var flat = CacPayback.Compute(Nok(700m), PerMonth(400m), null);
        var front = CacPayback.Compute(Nok(700m), PerMonth(400m), null, new PaybackOptions { Seasonality = early });
        var back = CacPayback.Compute(Nok(700m), PerMonth(400m), null, new PaybackOptions { Seasonality = late });

        Assert.Equal(1.75m, flat.Periods);
        Assert.Equal(0.875m, front.Periods);
        Assert.Equal(1.875m, back.Periods);
    }

    [Fact]
    public void Seasonal_payback_far_in_the_future_is_found_by_cycle_search()
    {
        var weights = new SeasonalWeights([1.5m, 0.5m, 1m, 1m], TimeUnit.Month);
        var payback = CacPayback.Compute(Nok(39_950m), PerMonth(100m), null, new PaybackOptions { Seasonality = weights });

        // 400 per 4-month cycle; after 99 cycles 39,600, then +150 (39,750), +50 (39,800), +100 (39,900), +100 crosses at 39,950 half way.
        Assert.Equal(399.5m, payback.Periods);
    }

    private static ValueDrivers SeasonalShop(ChurnRate? churn) => new()
    {
        AveragePurchaseValue = Nok(100m),
        PurchaseFrequency = PurchaseRate.PerMonth(1m),
        GrossMargin = GrossMargin.Full,
        CostToServe = new MoneyRate(Nok(20m), TimeUnit.Month),
        Churn = churn,
    };

    [Fact]
    public void Seasonal_weights_move_purchases_but_not_the_cost_to_serve()
    {
        // Weights [2, 0]: margins 180, -20, 180, -20, ...: C = 180, 160, 340, 320, 500.
        var options = new PaybackOptions { Seasonality = new SeasonalWeights([2m, 0m], TimeUnit.Month) };

        Assert.Equal(170m / 180m, CacPayback.Compute(Nok(170m), SeasonalShop(null), options).Periods);
        Assert.Equal(2m + (170m / 180m), CacPayback.Compute(Nok(330m), SeasonalShop(null), options).Periods);
        Assert.Equal(5m, CacPayback.Compute(Nok(500m), SeasonalShop(null), options).Periods);
    }

    [Fact]
    public void Seasonal_payback_with_churn_searches_whole_cycles()
    {
        // Churn 50 %: C = 180, 170 in the first cycle; the second adds 0.25 x (180, 170): 215, 212.5.
        var options = new PaybackOptions { Seasonality = new SeasonalWeights([2m, 0m], TimeUnit.Month) };

        var payback = CacPayback.Compute(Nok(200m), SeasonalShop(ChurnRate.PerMonth(0.5m)), options);
        var never = CacPayback.Compute(Nok(230m), SeasonalShop(ChurnRate.PerMonth(0.5m)), options);

        Assert.Equal(2m + (30m / 45m), payback.Periods);
        Assert.True(never.IsNever);
        Assert.Equal(decimal.Round(170m / 0.75m, 20), decimal.Round(never.CumulativeMarginLimit!.Value.Amount, 20));
    }

    [Fact]
    public void Mismatched_periods_or_currencies_are_rejected()
    {
        Assert.Throws<UnitMismatchException>(() => CacPayback.Compute(Nok(10m), PerMonth(400m), ChurnRate.PerMonth(0.1m), new PaybackOptions { DiscountRate = DiscountRate.PerYear(0.1m) }));
        Assert.Throws<UnitMismatchException>(() => CacPayback.Compute(Nok(10m), PerMonth(400m), null, new PaybackOptions { Seasonality = new SeasonalWeights([1m], TimeUnit.Year) }));
        Assert.Throws<CurrencyMismatchException>(() => CacPayback.Compute(Money.Of(10m, Currency.SEK), PerMonth(400m), null));
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => CacPayback.Compute(Nok(-1m), PerMonth(400m), null));
        Assert.Equal("acquisitionCost", error.ParamName);
    }

    [Fact]
    public void A_discount_rate_that_makes_value_grow_is_rejected_naming_it()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => CacPayback.Compute(Nok(10m), PerMonth(400m), null, new PaybackOptions { DiscountRate = DiscountRate.PerMonth(-0.1m) }));
        Assert.Equal("discountRate", error.ParamName);
        Assert.Contains("(was '-0.1')", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Never_orders_after_every_finite_payback()
    {
        var never = PaybackPeriod.Never(TimeUnit.Month);
        Assert.True(PaybackPeriod.After(1_000_000m, TimeUnit.Month) < never);
        Assert.Equal(0, never.CompareTo(PaybackPeriod.Never(TimeUnit.Month)));
        Assert.Throws<UnitMismatchException>(() => never.CompareTo(PaybackPeriod.Never(TimeUnit.Year)));
        Assert.Equal("never", never.ToString());
    }

    [Fact]
    public void A_cac_equal_to_the_limit_up_to_decimal_rounding_never_pays_back_and_does_not_divide_by_zero()
    {
        // Limit m (1+d) / (1+d-r) = 1.04 / 0.08 = 13 exactly; decimal rounds r / (1+d) so the computed limit is a hair above 13.
        var options = new PaybackOptions { DiscountRate = DiscountRate.PerMonth(0.04m) };

        var interpolated = CacPayback.Compute(Nok(13m), PerMonth(1m), ChurnRate.PerMonth(0.04m), options);
        var whole = CacPayback.Compute(Nok(13m), PerMonth(1m), ChurnRate.PerMonth(0.04m), options with { Rounding = PaybackRounding.WholePeriods });

        Assert.True(interpolated.IsNever);
        Assert.True(whole.IsNever);
        Assert.False(CacPayback.Compute(Nok(12.99m), PerMonth(1m), ChurnRate.PerMonth(0.04m), options).IsNever);
    }

    [Property(MaxTest = 1000)]
    public void Payback_is_monotone_in_cac(PositiveInt margin, PositiveInt churnPercent, NonNegativeInt discountPercent, NonNegativeInt cacA, NonNegativeInt cacB, bool seasonal)
    {
        var churn = ChurnRate.PerMonth(Math.Min(100, churnPercent.Get) / 100m);
        var options = new PaybackOptions
        {
            DiscountRate = DiscountRate.PerMonth((discountPercent.Get % 50) / 100m),
            Seasonality = seasonal ? new SeasonalWeights([1.5m, 0.25m, 1.25m], TimeUnit.Month) : null,
        };
        var low = Math.Min(cacA.Get, cacB.Get);
        var high = Math.Max(cacA.Get, cacB.Get);

        var early = CacPayback.Compute(Nok(low), PerMonth(margin.Get), churn, options);
        var late = CacPayback.Compute(Nok(high), PerMonth(margin.Get), churn, options);

        Assert.True(early <= late, $"payback({low}) = {early} > payback({high}) = {late}");
    }

    [Property(MaxTest = 1000)]
    public void Interpolated_payback_lies_in_the_period_the_whole_count_names(PositiveInt margin, PositiveInt churnPercent, PositiveInt cac)
    {
        var churn = ChurnRate.PerMonth(Math.Min(100, churnPercent.Get) / 100m);
        var interpolated = CacPayback.Compute(Nok(cac.Get), PerMonth(margin.Get), churn);
        var whole = CacPayback.Compute(Nok(cac.Get), PerMonth(margin.Get), churn, new PaybackOptions { Rounding = PaybackRounding.WholePeriods });

        Assert.Equal(interpolated.IsNever, whole.IsNever);
        if (!whole.IsNever)
        {
            Assert.InRange(interpolated.Periods!.Value, whole.Periods!.Value - 1m, whole.Periods.Value);
        }
    }
}
