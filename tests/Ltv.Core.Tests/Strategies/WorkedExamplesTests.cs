using Ltv.Core.Domain;
using Ltv.Core.Strategies;

namespace Ltv.Core.Tests.Strategies;

/// <summary>The worked examples of DOMAIN.md, exactly (decimal equality, no tolerance).</summary>
public class WorkedExamplesTests
{
    [Fact]
    public void Gym_membership_400_NOK_a_month_for_10_months_is_4000_NOK()
    {
        var drivers = new ValueDrivers
        {
            AveragePurchaseValue = Money.Of(400m, Currency.NOK),
            PurchaseFrequency = PurchaseRate.PerMonth(1),
            Lifespan = Duration.Months(10),
        };

        Assert.Equal(Money.Of(4000m, Currency.NOK), SimpleLtvModel.Instance.Estimate(drivers).Value);
    }

    [Fact]
    public void Gym_after_a_loyalty_programme_staying_16_months_is_6400_NOK()
    {
        var drivers = new ValueDrivers
        {
            AveragePurchaseValue = Money.Of(400m, Currency.NOK),
            PurchaseFrequency = PurchaseRate.PerMonth(1),
            Lifespan = Duration.Months(16),
        };

        Assert.Equal(Money.Of(6400m, Currency.NOK), SimpleLtvModel.Instance.Estimate(drivers).Value);
    }

    [Fact]
    public void Swedish_shop_APV_500_six_a_year_three_years_is_9000_SEK()
    {
        var drivers = new ValueDrivers
        {
            AveragePurchaseValue = Money.Of(500m, Currency.SEK),
            PurchaseFrequency = PurchaseRate.PerYear(6),
            Lifespan = Duration.Years(3),
        };

        var estimate = SimpleLtvModel.Instance.Estimate(drivers);

        Assert.Equal(Money.Of(9000m, Currency.SEK), estimate.Value);
        Assert.Equal("18", estimate.Input("ExpectedPurchases"));
    }

    [Fact]
    public void Swedish_shop_with_the_lifespan_in_months_gives_the_same_9000_SEK()
    {
        var drivers = new ValueDrivers
        {
            AveragePurchaseValue = Money.Of(500m, Currency.SEK),
            PurchaseFrequency = PurchaseRate.PerYear(6),
            Lifespan = Duration.Months(36),
        };

        Assert.Equal(Money.Of(9000m, Currency.SEK), SimpleLtvModel.Instance.Estimate(drivers).Value);
    }

    [Fact]
    public void Danish_shop_500_DKK_two_orders_a_year_five_years_is_5000_DKK_from_ten_orders()
    {
        var drivers = new ValueDrivers
        {
            AveragePurchaseValue = Money.Of(500m, Currency.DKK),
            PurchaseFrequency = PurchaseRate.PerYear(2),
            Lifespan = Duration.Years(5),
        };

        var estimate = SimpleLtvModel.Instance.Estimate(drivers);

        Assert.Equal(Money.Of(5000m, Currency.DKK), estimate.Value);
        Assert.Equal("10", estimate.Input("ExpectedPurchases"));
    }

    [Fact]
    public void Churn_form_400_NOK_a_month_full_margin_10_percent_churn_is_4000_NOK()
    {
        var drivers = new ValueDrivers
        {
            AveragePurchaseValue = Money.Of(400m, Currency.NOK),
            PurchaseFrequency = PurchaseRate.PerMonth(1),
            GrossMargin = GrossMargin.Full,
            Churn = ChurnRate.PerMonth(0.10m),
        };

        var estimate = ChurnLtvModel.Instance.Estimate(drivers);

        Assert.Equal(Money.Of(4000m, Currency.NOK), estimate.Value);
        Assert.Equal("10 months", estimate.Input("ExpectedLifespan"));
    }

    [Fact]
    public void Six_per_year_times_three_months_is_one_and_a_half_purchases()
    {
        Assert.Equal(1.5m, PurchaseRate.PerYear(6) * Duration.Months(3));
    }

    [Fact]
    public void Six_per_year_times_ninety_days_does_not_run_without_a_convention()
    {
        var ex = Assert.Throws<UnitMismatchException>(() => PurchaseRate.PerYear(6) * Duration.Days(90));
        Assert.Contains("days", ex.Message, StringComparison.Ordinal);
        Assert.Contains("years", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1.5m, PurchaseRate.PerYear(6).ExpectedCount(Duration.Days(91.3125m), CalendarConvention.Julian));
    }
}
