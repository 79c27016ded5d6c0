using Ltv.Core.Domain;
using Ltv.Core.Strategies;

namespace Ltv.Core.Tests.Strategies;

/// <summary>Issue 15 item 10: a lifespan and a churn rate that disagree were silently reduced to one of them.</summary>
public class ConflictingDriversTests
{
    private static readonly ValueDrivers Gym = new()
    {
        AveragePurchaseValue = Money.Of(400m, Currency.NOK),
        PurchaseFrequency = PurchaseRate.PerMonth(1),
        GrossMargin = GrossMargin.Full,
        Churn = ChurnRate.PerMonth(0.1m),
    };

    public static TheoryData<string> Models => ["simple", "margin", "churn", "discounted"];

    private static ILtvModel Model(string name) => name switch
    {
        "simple" => SimpleLtvModel.Instance,
        "margin" => MarginLtvModel.Instance,
        "churn" => ChurnLtvModel.Instance,
        _ => new DiscountedLtvModel(new DiscountedLtvOptions { DiscountRate = new DiscountRate(0.01m, TimeUnit.Month) }),
    };

    [Theory]
    [MemberData(nameof(Models))]
    public void Every_strategy_refuses_a_lifespan_that_contradicts_the_churn(string name)
    {
        // 16 months against 0.1/month (10 months): simple and margin used 16, churn and discounted used 10.
        var e = Assert.Throws<ConflictingInputException>(() => Model(name).Estimate(Gym with { Lifespan = Duration.Months(16) }));
        Assert.Equal("Lifespan", e.ParamName);
        Assert.Equal("Churn", e.Other);
        Assert.StartsWith($"The {name} model was given both Lifespan and Churn: they disagree: Lifespan is 16 months, but Churn ", e.Message, StringComparison.Ordinal);
        Assert.Contains("means an expected lifespan of 10 months", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Agreeing_drivers_in_any_exact_unit_are_accepted(string name)
    {
        var months = Model(name).Estimate(Gym with { Lifespan = Duration.Months(10) }).Value;
        Assert.Equal(Model(name).Estimate(Gym).Value, months);

        // 1 / (1/12) is 12.000...005 months in decimal: agreement allows for that rounding.
        var yearly = Gym with { Churn = ChurnRate.PerMonth(1m / 12m), Lifespan = Duration.Years(1) };
        var withoutLifespan = Model(name).Estimate(yearly with { Lifespan = null }).Value.Amount;
        Assert.Equal(withoutLifespan, Model(name).Estimate(yearly).Value.Amount, 20);
    }

    [Fact]
    public void A_lifespan_in_days_against_a_monthly_churn_cannot_agree()
    {
        Assert.Throws<ConflictingInputException>(() => SimpleLtvModel.Instance.Estimate(Gym with { Lifespan = Duration.Days(300) }));
    }
}
