using Ltv.Core.Domain;
using Ltv.Core.Strategies;

namespace Ltv.Core.Tests.Strategies;

/// <summary>Money shown for people is rounded to the minor unit; the API keeps the exact value (issue 13, item 11).</summary>
public class DisplayRoundingTests
{
    [Fact]
    public void ToString_shows_the_minor_unit_and_Amount_keeps_every_digit()
    {
        var drivers = new ValueDrivers { AveragePurchaseValue = Money.Of(10m, Currency.USD), PurchaseFrequency = PurchaseRate.PerMonth(1m), GrossMargin = GrossMargin.Full, Churn = ChurnRate.PerMonth(0.03m) };
        var estimate = new DiscountedLtvModel(new DiscountedLtvOptions { DiscountRate = DiscountRate.PerMonth(0.013m) }).Estimate(drivers);

        Assert.Equal(235.58139534883720930232558126m, estimate.Value.Amount);
        Assert.Equal("235.58 USD", estimate.Value.ToString());
        Assert.StartsWith("235.58 USD (discounted: ", estimate.ToString(), StringComparison.Ordinal);
        Assert.Equal(Money.Of(0m, Currency.JPY).Currency.MinorUnitDigits, Money.Of(1234.5m, Currency.JPY).Round().Amount.Scale);
    }
}
