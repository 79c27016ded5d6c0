using Ltv.Core.Domain;

namespace Ltv.Core.Economics;

/// <summary>Assumptions of <see cref="ReferralValue.FromRate(decimal, ChurnRate, Money, ReferralOptions?)"/>.</summary>
public sealed record ReferralOptions
{
    /// <summary>Every referral converts, undiscounted, infinite horizon.</summary>
    public static ReferralOptions Default { get; } = new();

    /// <summary>The share of referrals that become customers, in [0, 1].</summary>
    /// <value>Default 1.</value>
    public decimal ConversionRate { get; init; } = 1m;

    /// <summary>A discount rate per the churn's period.</summary>
    /// <value>Default <see langword="null"/>: undiscounted.</value>
    public DiscountRate? DiscountRate { get; init; }

    /// <summary>A finite horizon, a whole number of the churn's periods.</summary>
    /// <value>Default <see langword="null"/>: infinite.</value>
    public Duration? Horizon { get; init; }
}
