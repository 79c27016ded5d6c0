namespace Ltv.Core.Economics;

/// <summary>How a CAC payback period is reported inside the period in which it happens.</summary>
public enum PaybackRounding
{
    /// <summary>
    /// The default. Each period's margin is taken to accrue evenly over the period, so the payback is
    /// interpolated linearly inside the period where the cumulative margin crosses the CAC:
    /// <c>(n - 1) + (CAC - C(n-1)) / (C(n) - C(n-1))</c>.
    /// </summary>
    Interpolated,

    /// <summary>The number of whole periods whose cumulative margin first covers the CAC (the interpolated value rounded up).</summary>
    WholePeriods,
}
