using Ltv.Core.Domain;
using Ltv.Core.Validation;

namespace Ltv.Core.Strategies;

/// <summary>Assumptions of a <see cref="DiscountedLtvModel"/>.</summary>
/// <remarks>
/// Each value is checked when it is set (an undefined <see cref="Timing"/> or a <see cref="GrowthPerPeriod"/>
/// of -1 or less throws <see cref="ArgumentOutOfRangeException"/> naming the property and the value). What depends
/// on the drivers (the churn's period, a whole number of periods in the horizon) is checked by
/// <see cref="DiscountedLtvModel.Estimate(ValueDrivers)"/>.
/// </remarks>
public sealed record DiscountedLtvOptions
{
    /// <summary>The discount rate per period. Its period must be the churn's period.</summary>
    public required DiscountRate DiscountRate { get; init; }

    /// <summary>When the first period is counted.</summary>
    /// <value>Default <see cref="DiscountTiming.FirstPeriodAtStart"/>: first period counted and paid at start, m (1+d) / (1+d-r).</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined <see cref="DiscountTiming"/>.</exception>
    public DiscountTiming Timing
    {
        get;
        init => field = Guard.Defined(value, "timing");
    } = DiscountTiming.FirstPeriodAtStart;

    /// <summary>A finite horizon, a whole number of the churn's periods after exact conversion.</summary>
    /// <value>Default <see langword="null"/>: an infinite horizon.</value>
    public Duration? Horizon { get; init; }

    /// <summary>
    /// Revenue growth or inflation per period (the churn's period), greater than -1: period t's margin
    /// is multiplied by <c>(1 + g)^t</c>, so revenue and cost to serve both grow (nominal cash flows).
    /// Discount such flows with a nominal rate, or leave this at 0 and use a real rate
    /// (<see cref="DiscountRate.Real(DiscountRate, decimal)"/>).
    /// </summary>
    /// <value>Default 0: no growth; the formulas of <see cref="DiscountedLtvModel"/> are then unchanged.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is -1 or less.</exception>
    public decimal GrowthPerPeriod
    {
        get;
        init => field = value > -1m ? value : throw Guard.OutOfRange("growthPerPeriod", "greater than -1", Guard.Show(value));
    }

    /// <summary>
    /// Seasonal weights on purchase frequency, one per period of the churn's period (12 monthly weights
    /// with a monthly churn): period t's revenue is multiplied by the weight of <c>t mod Count</c>; the
    /// cost to serve is not seasonal. Weights that keep the cycle total only move purchases in time, which
    /// still changes the discounted value.
    /// </summary>
    /// <value>Default <see langword="null"/>: every period has weight 1.</value>
    public SeasonalWeights? Seasonality { get; init; }
}
