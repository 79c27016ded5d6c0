using Ltv.Core.Domain;

namespace Ltv.Core.Strategies;

/// <summary>Assumptions of a <see cref="DiscountedLtvModel"/>.</summary>
/// <remarks>Validated when the model is created; see <see cref="DiscountedLtvModel(DiscountedLtvOptions)"/>.</remarks>
public sealed record DiscountedLtvOptions
{
    /// <summary>The discount rate per period. Its period must be the churn's period.</summary>
    public required DiscountRate DiscountRate { get; init; }

    /// <summary>When the first period is counted.</summary>
    /// <value>Default <see cref="DiscountTiming.FirstPeriodAtStart"/>: first period counted and paid at start, m (1+d) / (1+d-r).</value>
    public DiscountTiming Timing { get; init; } = DiscountTiming.FirstPeriodAtStart;

    /// <summary>A finite horizon, a whole number of the churn's periods after exact conversion.</summary>
    /// <value>Default <see langword="null"/>: an infinite horizon.</value>
    public Duration? Horizon { get; init; }
}
