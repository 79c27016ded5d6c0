using Ltv.Core.Domain;
using Ltv.Core.Economics;
using Ltv.Core.Strategies;

namespace Ltv.Core.Segments;

/// <summary>
/// One row of a <see cref="SegmentComparison"/>: a segment's rank, size, lifetime value per customer,
/// total value, share of the base and, when its CAC is known, its acquisition economics. A flat record
/// of simple properties, so a notebook or a data-frame library can display a list of them as a table.
/// </summary>
/// <param name="Rank">1 for the most valuable segment per customer; ties are broken by key (ordinal).</param>
/// <param name="Key">The segment key.</param>
/// <param name="CustomerCount">Customers in the segment (zero for an empty segment).</param>
/// <param name="LifetimeValue">Lifetime value per customer: the model's value of the segment's drivers, or the mean over its customers when grouped.</param>
/// <param name="TotalValue">CustomerCount x LifetimeValue (the sum of customer values when grouped); zero for an empty segment.</param>
/// <param name="Share">TotalValue / base total, a fraction; <see langword="null"/> when the base total is zero.</param>
/// <param name="AcquisitionCost">The CAC per customer, when known.</param>
/// <param name="Ratio">LTV:CAC, when the CAC is known (infinite for a zero CAC).</param>
/// <param name="Estimate">The model's estimate for a segment valued from its drivers; <see langword="null"/> for grouped customers.</param>
public sealed record SegmentValuation(
    int Rank,
    string Key,
    long CustomerCount,
    Money LifetimeValue,
    Money TotalValue,
    decimal? Share,
    Money? AcquisitionCost,
    LtvCacRatio? Ratio,
    LtvEstimate? Estimate)
{
    /// <summary>Net value per customer, LTV - CAC, when the CAC is known.</summary>
    public Money? NetValue => AcquisitionCost is { } cac ? LifetimeValue - cac : null;

    /// <summary>This row as a segment a budget can buy customers in (see <see cref="BudgetPlanner"/>); the row must carry a CAC.</summary>
    /// <param name="availableCustomers">How many customers can be acquired at that CAC.</param>
    /// <returns>The budget segment.</returns>
    /// <exception cref="ArgumentException">The row has no CAC.</exception>
    public BudgetSegment ToBudgetSegment(long availableCustomers)
    {
        var cac = AcquisitionCost ?? throw new ArgumentException($"acquisitionCost must be known to budget a segment (was 'null' for segment '{Key}').", nameof(AcquisitionCost));
        return new BudgetSegment(Key, LifetimeValue, cac, availableCustomers);
    }
}
