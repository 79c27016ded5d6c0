using BenchmarkDotNet.Attributes;

using Ltv.Core.Domain;
using Ltv.Core.Economics;

namespace Ltv.Core.Benchmarks.Economics;

/// <summary>
/// The budget planner's exact allocation (branch and bound over whole customers) against a naive
/// exhaustive search over every whole-customer mix, on 6 segments of up to 6 customers.
/// </summary>
[MemoryDiagnoser]
public class BudgetPlannerBenchmarks
{
    private BudgetSegment[] _segments = [];
    private Money _budget;

    /// <summary>Builds segments with close LTV:CAC ratios, so that greedy by ratio is not optimal.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _segments = Enumerable.Range(0, 6)
            .Select(i => new BudgetSegment($"s{i}", Money.Of(310m + (97m * i), Currency.DKK), Money.Of(100m + (31m * i), Currency.DKK), 6))
            .ToArray();
        _budget = Money.Of(2_345m, Currency.DKK);
    }

    /// <summary>Tries every count of every segment (7^6 mixes) and keeps the best net value.</summary>
    /// <returns>The best net value.</returns>
    [Benchmark(Baseline = true)]
    public decimal Exhaustive() => Best(0, _budget.Amount);

    /// <summary>The planner: branch and bound, first plan tried is greedy by ratio.</summary>
    /// <returns>The plan's net value.</returns>
    [Benchmark]
    public decimal BranchAndBound() => BudgetPlanner.Plan(_segments, _budget).NetValue.Amount;

    private decimal Best(int i, decimal left)
    {
        if (i == _segments.Length)
        {
            return 0m;
        }

        var segment = _segments[i];
        var cac = segment.AcquisitionCost.Amount;
        var net = segment.LifetimeValue.Amount - cac;
        var best = 0m;
        for (var k = 0; k <= segment.AvailableCustomers && k * cac <= left; k++)
        {
            best = Math.Max(best, (k * net) + Best(i + 1, left - (k * cac)));
        }

        return best;
    }
}
