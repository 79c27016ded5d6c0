using Ltv.Core.Domain;

namespace Ltv.Core.Economics;

/// <summary>Assumptions of a <see cref="CacPayback"/> calculation.</summary>
public sealed record PaybackOptions
{
    /// <summary>The default options: undiscounted, no seasonality, interpolated.</summary>
    public static PaybackOptions Default { get; } = new();

    /// <summary>A discount rate per period (the period of the churn or, without churn, of the margin).</summary>
    /// <value>Default <see langword="null"/>: undiscounted.</value>
    public DiscountRate? DiscountRate { get; init; }

    /// <summary>Seasonal weights on purchase frequency, one per period of the calculation.</summary>
    /// <value>Default <see langword="null"/>: every period has weight 1.</value>
    public SeasonalWeights? Seasonality { get; init; }

    /// <summary>How the payback is reported inside the crossing period.</summary>
    /// <value>Default <see cref="PaybackRounding.Interpolated"/>.</value>
    public PaybackRounding Rounding { get; init; } = PaybackRounding.Interpolated;
}
