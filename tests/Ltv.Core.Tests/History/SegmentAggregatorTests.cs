using Ltv.Core.Domain;
using Ltv.Core.History;
using Ltv.Core.Strategies;

namespace Ltv.Core.Tests.History;

public class SegmentAggregatorTests
{
    private static readonly DateOnly D0 = new(2024, 1, 1);

    private static CustomerSummaries Summaries()
    {
        static Purchase P(string id, int day, decimal amount) => new(id, D0.AddDays(day).ToDateTime(TimeOnly.MinValue), Money.Of(amount, Currency.DKK));
        var log = PurchaseLog.FromPurchases([
            P("north-1", 0, 100m), P("north-1", 0, 50m), P("north-1", 14, 150m), P("north-1", 28, 300m),
            P("north-2", 14, 200m),
            P("south-1", 0, 90m), P("south-1", 70, 10m),
        ]);
        return log.Summarize(new SummaryOptions(D0.AddDays(70), TimeUnit.Week));
    }

    [Fact]
    public void Drivers_follow_the_documented_definitions()
    {
        var segments = SegmentAggregator.Aggregate(Summaries(), id => id.Split('-')[0]);
        Assert.Equal(["north", "south"], segments.Select(s => s.Key));
        var north = segments[0];
        Assert.Equal(2, north.CustomerCount);
        // 4 transactions (the two day-0 rows are one), 800 DKK: APV 200 DKK.
        Assert.Equal(Money.Of(200m, Currency.DKK), north.Drivers.AveragePurchaseValue);
        // Exposure 10 + 8 weeks: PF = 4 / 18 a week.
        Assert.Equal(TimeUnit.Week, north.Drivers.PurchaseFrequency!.Value.Per);
        Assert.Equal(4m / 18m, north.Drivers.PurchaseFrequency!.Value.Count, 20);
        // Tenure 4 and 0 weeks: CL 2 weeks.
        Assert.Equal(Duration.Weeks(2m), north.Drivers.Lifespan);
        Assert.Null(north.Drivers.Churn);

        var south = segments[1];
        Assert.Equal(Money.Of(50m, Currency.DKK), south.Drivers.AveragePurchaseValue);
        Assert.Equal(2m / 10m, south.Drivers.PurchaseFrequency!.Value.Count, 20);
        Assert.Equal(Duration.Weeks(10m), south.Drivers.Lifespan);
    }

    [Fact]
    public void A_known_churn_sets_the_lifespan_and_feeds_the_strategies()
    {
        var churn = new ChurnRate(0.25m, TimeUnit.Week);
        var all = Assert.Single(SegmentAggregator.Aggregate(Summaries(), _ => "all", churn));
        Assert.Equal(Duration.Weeks(4m), all.Drivers.Lifespan);
        Assert.Equal(churn, all.Drivers.Churn);
        Assert.Equal(3, all.CustomerCount);
        var ltv = SimpleLtvModel.Instance.Estimate(all.Drivers);
        // APV 900 / 6 = 150 DKK; PF 6 / 28 a week; CL 4 weeks.
        Assert.Equal(150m * (6m / 28m) * 4m, ltv.Value.Amount, 20);
    }

    [Fact]
    public void Age_zero_segments_leave_the_frequency_unknown_and_blank_keys_are_refused()
    {
        var log = PurchaseLog.FromPurchases([new Purchase("a", D0.ToDateTime(TimeOnly.MinValue), Money.Of(1m, Currency.DKK))]);
        var s = log.Summarize(new SummaryOptions(D0, TimeUnit.Day));
        Assert.Null(Assert.Single(SegmentAggregator.Aggregate(s, _ => "x")).Drivers.PurchaseFrequency);
        Assert.Throws<ArgumentException>(() => SegmentAggregator.Aggregate(s, _ => " "));
    }

    [Fact]
    public void Segment_revenue_past_long_max_minor_units_stays_exact()
    {
        var log = PurchaseLog.FromColumns(["x-1", "x-2"], [0, 1], [D0.DayNumber, D0.DayNumber], [long.MaxValue, long.MaxValue], Currency.DKK);
        var segment = Assert.Single(SegmentAggregator.Aggregate(log.Summarize(new SummaryOptions(D0.AddDays(7), TimeUnit.Week)), id => id[..1]));
        Assert.Equal(Money.Of(long.MaxValue / 100m, Currency.DKK), segment.Drivers.AveragePurchaseValue);
    }
}
