using Ltv.Core.Datasets;
using Ltv.Core.Domain;
using Ltv.Core.History;
using Ltv.Core.Probabilistic.Models;
using Ltv.Core.Segments;
using Ltv.Core.Strategies;

namespace Ltv.Core.ConsumerTests;

/// <summary>The public API end to end, through the packed packages only.</summary>
public class PackageEndToEndTests
{
    [Fact]
    public void A_purchase_log_becomes_a_segment_table_valued_with_two_strategies()
    {
        var day = new DateTime(2024, 1, 1);
        var purchases = new List<Purchase>();
        for (var customer = 0; customer < 40; customer++)
        {
            var region = customer % 2 == 0 ? "north" : "south";
            var visits = region == "north" ? 4 : 2;
            for (var visit = 0; visit < visits; visit++)
            {
                purchases.Add(new Purchase($"{region}-{customer}", day.AddDays((customer % 5) + (visit * 30)), Money.Of(100m, Currency.EUR)));
            }
        }

        var log = PurchaseLog.FromPurchases(purchases);
        var summaries = log.Summarize(new SummaryOptions(new DateOnly(2024, 12, 31), TimeUnit.Week));
        var segments = SegmentAggregator.Aggregate(summaries, id => id.Split('-')[0], new ChurnRate(0.01m, TimeUnit.Week))
            .Select(s => s with { Drivers = s.Drivers with { GrossMargin = new GrossMargin(0.4m) } })
            .ToArray();

        var simple = SegmentAnalysis.Compare(segments, SimpleLtvModel.Instance);
        var margin = SegmentAnalysis.Compare(segments, MarginLtvModel.Instance);

        Assert.Equal(Money.Of(12_000m, Currency.EUR), log.Total);
        Assert.Equal(["north", "south"], simple.Ranking);
        Assert.Equal(40, simple.CustomerCount);
        Assert.Equal(Currency.EUR, simple.Currency);
        Assert.Equal((simple.BaseTotal * 0.4m).Round(), margin.BaseTotal.Round());
        Assert.Contains("north", simple.ToText(), StringComparison.Ordinal);
    }

    [Fact]
    public void BG_NBD_on_the_CDNOW_sample_from_the_datasets_package_gives_the_published_parameters()
    {
        var cdnow = CdnowDatasets.LoadSample();

        var fit = BgNbdModel.Fit(cdnow.Summaries.ToPatterns()).EnsureConverged();

        Assert.Equal(2357, cdnow.Summaries.Count);
        Assert.Equal(0.243, fit.Model.R, 0.0005);
        Assert.Equal(4.414, fit.Model.Alpha, 0.0005);
        Assert.Equal(0.793, fit.Model.A, 0.0005);
        Assert.Equal(2.426, fit.Model.B, 0.0005);
        Assert.Equal(-9582.4, fit.LogLikelihood, 0.05);
    }
}
