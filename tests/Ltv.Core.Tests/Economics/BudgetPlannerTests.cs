using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

using Ltv.Core.Domain;
using Ltv.Core.Economics;

namespace Ltv.Core.Tests.Economics;

public class BudgetPlannerTests
{
    private static Money Dkk(decimal amount) => Money.Of(amount, Currency.DKK);

    [Fact]
    public void The_danish_roi_example_is_value_over_spend()
    {
        // Before: 500,000 DKK spend bringing 750,000 DKK of customer value; after: 300,000 bringing 900,000.
        var before = new ReturnOnInvestment(Dkk(750_000m), Dkk(500_000m));
        var after = new ReturnOnInvestment(Dkk(900_000m), Dkk(300_000m));

        Assert.Equal(1.5m, before.Multiple);
        Assert.Equal(3m, after.Multiple);
        Assert.Equal(0.5m, before.Net);
        Assert.Equal(2m, after.Net);
        Assert.Equal("1.5x (net 50 %) on 500,000.00 DKK", before.ToString());
    }

    private static BudgetSegment[] Segments() =>
    [
        new("loyal", Dkk(3_000m), Dkk(1_000m), 300),
        new("bargain", Dkk(1_125m), Dkk(1_000m), 400),
        new("lossy", Dkk(500m), Dkk(1_000m), 1_000),
    ];

    [Fact]
    public void An_ltv_guided_plan_reproduces_the_example_cut_from_500_000_to_300_000_with_roi_from_1_5x_to_3x()
    {
        // Unguided: 100 loyal + 400 bargain customers for 500,000 DKK, worth 300,000 + 450,000 = 750,000 (1.5x).
        var unguided = new ReturnOnInvestment(Dkk((100m * 3_000m) + (400m * 1_125m)), Dkk(500_000m));

        var plan = BudgetPlanner.Plan(Segments(), Dkk(300_000m));

        Assert.Equal(1.5m, unguided.Multiple);
        Assert.Equal(300L, plan.Lines[0].Customers);
        Assert.Equal(0L, plan.Lines[1].Customers);
        Assert.Equal(0L, plan.Lines[2].Customers);
        Assert.Equal(Dkk(300_000m), plan.Spend);
        Assert.Equal(Dkk(900_000m), plan.ExpectedValue);
        Assert.Equal(3m, plan.Return!.Value.Multiple);
        Assert.Equal(2m, plan.Return!.Value.Net);
        Assert.Equal(Dkk(600_000m), plan.NetValue);
    }

    [Fact]
    public void Greedy_funds_by_ratio_and_never_funds_segments_worth_less_than_their_cac()
    {
        var plan = BudgetPlanner.Plan(Segments(), Dkk(2_000_000m));

        Assert.Equal(300L, plan.Lines[0].Customers);
        Assert.Equal(400L, plan.Lines[1].Customers);
        Assert.Equal(0L, plan.Lines[2].Customers);
        Assert.Equal(Dkk(700_000m), plan.Spend);
        Assert.Equal(Dkk(1_300_000m), plan.Unspent);
    }

    [Fact]
    public void Each_line_reports_the_affordable_cac_at_the_target_and_both_roi_definitions()
    {
        var plan = BudgetPlanner.Plan(Segments(), Dkk(350_500m), targetRatio: 3m);

        var loyal = plan.Lines[0];
        Assert.Equal(Dkk(1_000m), loyal.AffordableCac);
        Assert.True(loyal.MeetsTarget);
        Assert.Equal(3m, loyal.Return!.Value.Multiple);
        Assert.Equal(2m, loyal.Return!.Value.Net);
        Assert.Equal(Dkk(375m), plan.Lines[1].AffordableCac);
        Assert.False(plan.Lines[1].MeetsTarget);
        Assert.Equal(50L, plan.Lines[1].Customers);
        Assert.Equal(Dkk(500m), plan.Unspent);
        Assert.Null(plan.Lines[2].Return);
        Assert.Equal(3m, plan.TargetRatio);
        Assert.Contains("loyal: 300 customers, spend 300,000.00 DKK", plan.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Zero_cac_segments_are_funded_first_at_no_cost()
    {
        BudgetSegment[] segments = [new("organic", Dkk(100m), Dkk(0m), 50), new("paid", Dkk(300m), Dkk(100m), 10)];

        var plan = BudgetPlanner.Plan(segments, Dkk(0m));

        Assert.Equal(50L, plan.Lines[0].Customers);
        Assert.Equal(Dkk(0m), plan.Spend);
        Assert.Null(plan.Return);
        Assert.True(plan.Lines[0].Ratio.IsInfinite);
    }

    [Fact]
    public void Segment_comparison_rows_with_cac_feed_the_planner()
    {
        var drivers = new ValueDrivers { AveragePurchaseValue = Dkk(500m), PurchaseFrequency = PurchaseRate.PerYear(2m), Lifespan = Duration.Years(5m) };
        var comparison = Ltv.Core.Segments.SegmentAnalysis.Compare(
            [new Segment("18-25", drivers, 1_000, Dkk(1_000m)), new Segment("unknown", drivers, 10)],
            Ltv.Core.Strategies.SimpleLtvModel.Instance);

        var segment = comparison["18-25"].ToBudgetSegment(availableCustomers: 200);
        var plan = BudgetPlanner.Plan([segment], Dkk(100_000m));

        Assert.Equal(Dkk(5_000m), segment.LifetimeValue);
        Assert.Equal(100L, plan.Lines[0].Customers);
        Assert.Equal(5m, plan.Return!.Value.Multiple);
        var error = Assert.Throws<ArgumentException>(() => comparison["unknown"].ToBudgetSegment(1));
        Assert.Contains("segment 'unknown'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_input_is_rejected_naming_the_field_and_value()
    {
        var negative = Assert.Throws<ArgumentOutOfRangeException>(() => BudgetPlanner.Plan(Segments(), Dkk(-1m)));
        Assert.Equal("budget", negative.ParamName);
        Assert.Contains("(was '-1')", negative.Message, StringComparison.Ordinal);

        Assert.Equal("targetRatio", Assert.Throws<ArgumentOutOfRangeException>(() => BudgetPlanner.Plan(Segments(), Dkk(1m), 0m)).ParamName);
        Assert.Throws<ArgumentException>(() => BudgetPlanner.Plan([], Dkk(1m)));
        Assert.Throws<ArgumentException>(() => BudgetPlanner.Plan([Segments()[0], Segments()[0]], Dkk(1m)));
        Assert.Throws<CurrencyMismatchException>(() => BudgetPlanner.Plan(Segments(), Money.Of(1m, Currency.SEK)));
        Assert.Throws<CurrencyMismatchException>(() => new BudgetSegment("x", Dkk(1m), Money.Of(1m, Currency.SEK), 1));
        Assert.Equal("availableCustomers", Assert.Throws<ArgumentOutOfRangeException>(() => new BudgetSegment("x", Dkk(1m), Dkk(1m), -1)).ParamName);
        Assert.Equal("spend", Assert.Throws<ArgumentOutOfRangeException>(() => new ReturnOnInvestment(Dkk(1m), Dkk(0m))).ParamName);
    }

    [Fact]
    public void The_plan_maximises_net_value_where_greedy_by_ratio_does_not()
    {
        // Greedy by ratio funds a (3.1:1) for 10 and cannot then afford b (3:1) for 1,000: net 21.
        BudgetSegment[] segments = [new("a", Dkk(31m), Dkk(10m), 1), new("b", Dkk(3_000m), Dkk(1_000m), 1)];

        var plan = BudgetPlanner.Plan(segments, Dkk(1_000m));

        Assert.Equal(0L, plan.Lines[0].Customers);
        Assert.Equal(1L, plan.Lines[1].Customers);
        Assert.Equal(Dkk(2_000m), plan.NetValue);
        Assert.Equal(BudgetAllocationMethod.Exact, plan.Method);
        Assert.Equal(Dkk(21m + (990m * 2m)), plan.NetValueUpperBound);
        Assert.Contains("allocation exact", plan.ToString(), StringComparison.Ordinal);
    }

    [Property(MaxTest = 1000)]
    public Property Small_plans_match_exhaustive_search_and_never_beat_the_upper_bound()
    {
        var segmentGen =
            from ltv in Gen.Choose(1, 60)
            from cac in Gen.Choose(0, 20)
            from available in Gen.Choose(0, 3)
            select (Ltv: (decimal)ltv, Cac: (decimal)cac, Available: available);
        var gen =
            from count in Gen.Choose(1, 4)
            from list in segmentGen.ArrayOf(count)
            from budget in Gen.Choose(0, 80)
            select (List: list, Budget: (decimal)budget);
        return Prop.ForAll(gen.ToArbitrary(), input =>
        {
            var segments = input.List.Select((s, i) => new BudgetSegment($"s{i}", Dkk(s.Ltv), Dkk(s.Cac), s.Available)).ToArray();

            var plan = BudgetPlanner.Plan(segments, Dkk(input.Budget));

            return plan.Method == BudgetAllocationMethod.Exact
                && plan.NetValue.Amount == BruteForceNetValue(input.List, input.Budget)
                && plan.Spend <= plan.Budget
                && plan.NetValue <= plan.NetValueUpperBound;
        });
    }

    [Fact]
    public void A_search_too_large_to_finish_reports_best_found_within_the_bound_and_no_worse_than_greedy()
    {
        // Many near-equal ratios and awkward costs: far more than 100,000 nodes to prove optimality.
        var segments = Enumerable.Range(0, 40)
            .Select(i => new BudgetSegment($"s{i:00}", Dkk(1_000m + (7m * i) + 1m), Dkk(1_000m + (7m * i)), 3))
            .ToArray();

        var plan = BudgetPlanner.Plan(segments, Dkk(50_503m));

        Assert.Equal(BudgetAllocationMethod.BestFound, plan.Method);
        Assert.True(plan.Spend <= plan.Budget);
        Assert.True(plan.NetValue <= plan.NetValueUpperBound);
        Assert.True(plan.NetValueUpperBound.Amount - plan.NetValue.Amount < 1m);
        Assert.Contains("best found (search limit reached)", plan.ToString(), StringComparison.Ordinal);
    }

    private static decimal BruteForceNetValue((decimal Ltv, decimal Cac, int Available)[] segments, decimal budget)
    {
        decimal Best(int i, decimal left)
        {
            if (i == segments.Length)
            {
                return 0m;
            }

            var best = 0m;
            var (ltv, cac, available) = segments[i];
            for (var k = 0; k <= available && k * cac <= left; k++)
            {
                best = Math.Max(best, (k * (ltv - cac)) + Best(i + 1, left - (k * cac)));
            }

            return best;
        }

        return Best(0, budget);
    }
}
