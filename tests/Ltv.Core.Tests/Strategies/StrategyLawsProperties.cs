using FsCheck;
using FsCheck.Xunit;
using Ltv.Core.Domain;
using Ltv.Core.Strategies;

namespace Ltv.Core.Tests.Strategies;

/// <summary>Laws that tie the four strategies together, each checked on 1000 random cases.</summary>
public class StrategyLawsProperties
{
    private const int Cases = 1000;

    // Inputs are drawn as integers and scaled, so every case is an exact decimal.
    private static Money Apv(PositiveInt cents) => Money.Of(cents.Get % 10_000_000 / 100m, Currency.EUR);

    private static PurchaseRate Frequency(PositiveInt hundredths) => PurchaseRate.PerMonth(hundredths.Get % 10_000 / 100m);

    private static ChurnRate Churn(PositiveInt basisPoints) => ChurnRate.PerMonth((basisPoints.Get % 10_000 + 1) / 10_000m);

    private static bool Close(decimal a, decimal b) => Math.Abs(a - b) <= 1e-15m * Math.Max(1m, Math.Max(Math.Abs(a), Math.Abs(b)));

    [Property(MaxTest = Cases)]
    public bool Simple_LTV_is_linear_in_APV(PositiveInt cents, PositiveInt frequency, PositiveInt months, PositiveInt factor)
    {
        var k = factor.Get % 1000;
        var drivers = new ValueDrivers { AveragePurchaseValue = Apv(cents), PurchaseFrequency = Frequency(frequency), Lifespan = Duration.Months(months.Get % 600) };
        var scaled = drivers with { AveragePurchaseValue = drivers.AveragePurchaseValue!.Value * k };

        return SimpleLtvModel.Instance.Estimate(scaled).Value == SimpleLtvModel.Instance.Estimate(drivers).Value * k;
    }

    [Property(MaxTest = Cases)]
    public bool Churn_LTV_equals_simple_LTV_with_lifespan_1_over_churn(PositiveInt cents, PositiveInt frequency, PositiveInt churn)
    {
        var c = Churn(churn);
        var drivers = new ValueDrivers { AveragePurchaseValue = Apv(cents), PurchaseFrequency = Frequency(frequency), GrossMargin = GrossMargin.Full, Churn = c };
        var simple = SimpleLtvModel.Instance.Estimate(drivers with { Churn = null, Lifespan = Duration.Months(1m / c.Value) });

        return Close(ChurnLtvModel.Instance.Estimate(drivers).Value.Amount, simple.Value.Amount);
    }

    [Property(MaxTest = Cases)]
    public bool Discounted_with_zero_rate_start_timing_infinite_horizon_equals_churn_LTV(PositiveInt cents, PositiveInt frequency, PositiveInt churn, PositiveInt marginPercent)
    {
        var drivers = new ValueDrivers
        {
            AveragePurchaseValue = Apv(cents),
            PurchaseFrequency = Frequency(frequency),
            GrossMargin = GrossMargin.FromPercent(marginPercent.Get % 101),
            Churn = Churn(churn),
        };
        var discounted = new DiscountedLtvModel(new() { DiscountRate = DiscountRate.PerMonth(0m) });

        return Close(discounted.Estimate(drivers).Value.Amount, ChurnLtvModel.Instance.Estimate(drivers).Value.Amount);
    }

    [Property(MaxTest = Cases)]
    public bool Finite_horizon_increases_towards_the_infinite_value(PositiveInt cents, PositiveInt churn, PositiveInt rateBasisPoints, PositiveInt horizon, bool startTiming)
    {
        var drivers = new ValueDrivers { AveragePurchaseValue = Apv(cents), PurchaseFrequency = PurchaseRate.PerMonth(1), GrossMargin = GrossMargin.Full, Churn = Churn(churn) };
        var rate = DiscountRate.PerMonth(rateBasisPoints.Get % 5_000 / 10_000m);
        var timing = startTiming ? DiscountTiming.FirstPeriodAtStart : DiscountTiming.FirstPeriodNotCounted;
        var h = horizon.Get % 2_000;
        decimal Value(Duration? horizonOrNull) =>
            new DiscountedLtvModel(new() { DiscountRate = rate, Timing = timing, Horizon = horizonOrNull }).Estimate(drivers).Value.Amount;

        var shorter = Value(Duration.Months(h));
        var longer = Value(Duration.Months(h + 1));
        var infinite = Value(null);

        return shorter <= longer && longer <= infinite * (1m + 1e-20m);
    }

    [Property(MaxTest = Cases)]
    public bool Margin_model_with_full_margin_and_no_cost_equals_simple(PositiveInt cents, PositiveInt frequency, PositiveInt months)
    {
        var drivers = new ValueDrivers
        {
            AveragePurchaseValue = Apv(cents),
            PurchaseFrequency = Frequency(frequency),
            Lifespan = Duration.Months(months.Get % 600),
            GrossMargin = GrossMargin.Full,
        };

        return MarginLtvModel.Instance.Estimate(drivers).Value == SimpleLtvModel.Instance.Estimate(drivers).Value;
    }

    [Property(MaxTest = Cases)]
    public bool Yearly_and_monthly_units_give_the_same_simple_LTV(PositiveInt cents, PositiveInt perYear, PositiveInt years)
    {
        var apv = Apv(cents);
        var yearly = new ValueDrivers { AveragePurchaseValue = apv, PurchaseFrequency = PurchaseRate.PerYear(perYear.Get % 1000), Lifespan = Duration.Years(years.Get % 100) };
        var monthly = yearly with { Lifespan = Duration.Months(years.Get % 100 * 12) };

        return SimpleLtvModel.Instance.Estimate(yearly).Value == SimpleLtvModel.Instance.Estimate(monthly).Value;
    }
}
