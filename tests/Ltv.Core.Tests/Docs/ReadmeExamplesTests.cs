using Ltv.Core.Datasets;
using Ltv.Core.Domain;
using Ltv.Core.Economics;
using Ltv.Core.Probabilistic.Models;
using Ltv.Core.Strategies;

namespace Ltv.Core.Tests.Docs;

/// <summary>Every number the README promises, computed the way the README computes it.</summary>
public class ReadmeExamplesTests
{
    [Fact]
    public void Five_line_example_gives_9000_SEK()
    {
        var shop = new ValueDrivers { AveragePurchaseValue = Money.Of(500m, Currency.SEK), PurchaseFrequency = PurchaseRate.PerYear(6), Lifespan = Duration.Years(3) };

        Assert.Equal("9,000.00 SEK", SimpleLtvModel.Instance.Estimate(shop).Value.ToString());
    }

    [Fact]
    public void Unit_economics_example_numbers()
    {
        var gym = new ValueDrivers
        {
            AveragePurchaseValue = Money.Of(400m, Currency.NOK),
            PurchaseFrequency = PurchaseRate.PerMonth(1),
            GrossMargin = GrossMargin.Full,
            Churn = ChurnRate.PerMonth(0.10m),
        };
        var ltv = ChurnLtvModel.Instance.Estimate(gym).Value;
        var economics = new AcquisitionEconomics(ltv, Money.Of(1_000m, Currency.NOK));

        Assert.Equal("4,000.00 NOK", ltv.ToString());
        Assert.Equal("3,000.00 NOK", economics.NetValue.ToString());
        Assert.Equal("4:1", economics.Ratio.ToString());
        Assert.Equal("1,333.33 NOK", economics.MaxAffordableCac(3m).ToString());
        var payback = CacPayback.Compute(Money.Of(1_000m, Currency.NOK), gym);
        Assert.Equal(2.74m, Math.Round(payback.Periods!.Value, 2));
        Assert.Equal(TimeUnit.Month, payback.Per);
    }

    [Fact]
    public void Probabilistic_example_numbers()
    {
        var cdnow = CdnowDatasets.LoadSample();
        var bg = BgNbdModel.Fit(cdnow.Summaries.ToPatterns()).EnsureConverged();

        Assert.Equal(2357, cdnow.Summaries.Count);
        Assert.Equal(0.243, bg.Model.R, 0.0005);
        Assert.Equal(4.414, bg.Model.Alpha, 0.0005);
        Assert.Equal(0.793, bg.Model.A, 0.0005);
        Assert.Equal(2.426, bg.Model.B, 0.0005);
        Assert.Equal(-9582.4, bg.LogLikelihood, 0.05);
        Assert.Equal(0.7266, bg.Model.ProbabilityAlive(2, 30.43, 38.86), 0.00005);
        Assert.Equal(1.2259, bg.Model.ConditionalExpectedPurchases(39, 2, 30.43, 38.86), 0.00005);
    }
}
