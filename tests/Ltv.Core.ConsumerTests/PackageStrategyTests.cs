using Ltv.Core.Domain;
using Ltv.Core.Strategies;

namespace Ltv.Core.ConsumerTests;

/// <summary>What a customer's own test suite would write against the packed library.</summary>
public class PackageStrategyTests
{
    [Fact]
    public void The_packed_library_values_the_Swedish_shop_at_9000_SEK()
    {
        var shop = new ValueDrivers
        {
            AveragePurchaseValue = Money.Of(500m, Currency.SEK),
            PurchaseFrequency = PurchaseRate.PerYear(6),
            Lifespan = Duration.Years(3),
        };

        Assert.Equal(Money.Of(9000m, Currency.SEK), SimpleLtvModel.Instance.Estimate(shop).Value);
    }

    [Fact]
    public void Strategies_are_swappable_behind_the_interface()
    {
        var gym = new ValueDrivers
        {
            AveragePurchaseValue = Money.Of(400m, Currency.NOK),
            PurchaseFrequency = PurchaseRate.PerMonth(1),
            GrossMargin = GrossMargin.Full,
            Churn = ChurnRate.PerMonth(0.1m),
        };
        ILtvModel[] models = [SimpleLtvModel.Instance, ChurnLtvModel.Instance, MarginLtvModel.Instance];

        Assert.All(models, model => Assert.Equal(Money.Of(4000m, Currency.NOK), model.Estimate(gym).Value.Round()));
    }
}
