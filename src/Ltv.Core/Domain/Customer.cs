using Ltv.Core.Validation;

namespace Ltv.Core.Domain;

/// <summary>
/// A customer: an identifier, the date the customer was won, what winning them cost (CAC) and an
/// optional segment key (age band, region, channel...). Immutable; validated at construction and in
/// <c>with</c> expressions; value equality.
/// </summary>
public sealed record Customer
{
    /// <summary>Creates a customer.</summary>
    /// <param name="id">A non-blank identifier, unique within a data set.</param>
    /// <param name="acquiredOn">The date of acquisition (usually the first purchase).</param>
    /// <param name="acquisitionCost">The cost of acquiring this customer (CAC), zero or more; optional.</param>
    /// <param name="segmentKey">The key of the segment the customer belongs to; optional, non-blank when given.</param>
    /// <exception cref="ArgumentException">Blank id or segment key.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Negative acquisition cost.</exception>
    public Customer(string id, DateOnly acquiredOn, Money? acquisitionCost = null, string? segmentKey = null)
    {
        Id = id;
        AcquiredOn = acquiredOn;
        AcquisitionCost = acquisitionCost;
        SegmentKey = segmentKey;
    }

    /// <summary>The identifier, never blank.</summary>
    public string Id
    {
        get;
        init => field = Guard.NotBlank(value, "id");
    }

    /// <summary>The acquisition date.</summary>
    public DateOnly AcquiredOn { get; init; }

    /// <summary>The acquisition cost (CAC), never negative; <see langword="null"/> when unknown.</summary>
    public Money? AcquisitionCost
    {
        get;
        init
        {
            if (value is { } cost)
            {
                Guard.NonNegative(cost.Amount, "acquisitionCost");
            }

            field = value;
        }
    }

    /// <summary>The segment key; <see langword="null"/> when unsegmented.</summary>
    public string? SegmentKey
    {
        get;
        init => field = value is null ? null : Guard.NotBlank(value, "segmentKey");
    }
}
