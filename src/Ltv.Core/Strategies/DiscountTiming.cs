namespace Ltv.Core.Strategies;

/// <summary>
/// When the first period's margin is counted in a discounted lifetime value. The two conventions
/// differ by a factor (1 + d).
/// </summary>
public enum DiscountTiming
{
    /// <summary>
    /// The default. The first period is counted and paid at its start, undiscounted:
    /// <c>sum over t = 0..H-1 of m r^t / (1+d)^t</c>, infinite horizon <c>m (1+d) / (1+d-r)</c>.
    /// With d = 0 this equals the churn model's m / churn.
    /// </summary>
    FirstPeriodAtStart,

    /// <summary>
    /// The first period is not counted (Gupta and Lehmann 2003): <c>sum over t = 1..H of m r^t / (1+d)^t</c>,
    /// infinite horizon <c>m r / (1+d-r)</c>.
    /// </summary>
    FirstPeriodNotCounted,
}
