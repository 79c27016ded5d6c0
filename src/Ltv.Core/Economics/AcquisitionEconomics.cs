using Ltv.Core.Domain;
using Ltv.Core.Validation;

namespace Ltv.Core.Economics;

/// <summary>
/// What acquiring one customer earns: lifetime value, acquisition cost (CAC), net value LTV - CAC and
/// the LTV:CAC ratio.
/// </summary>
/// <remarks>
/// Both amounts are in one currency (else <see cref="CurrencyMismatchException"/>); the CAC is zero or
/// more. A zero CAC is allowed: the ratio is then <see cref="LtvCacRatio.Infinite"/> (see
/// <see cref="LtvCacRatio"/>). Immutable; value equality.
/// </remarks>
public sealed record AcquisitionEconomics
{
    /// <summary>Creates the economics of one acquired customer.</summary>
    /// <param name="lifetimeValue">The customer's lifetime value (may be negative when serving costs more than it earns).</param>
    /// <param name="acquisitionCost">The cost of acquiring the customer, zero or more.</param>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The CAC is negative.</exception>
    public AcquisitionEconomics(Money lifetimeValue, Money acquisitionCost)
    {
        CurrencyMismatchException.ThrowIfDifferent(lifetimeValue.Currency, acquisitionCost.Currency, "LTV and CAC");
        Guard.NonNegative(acquisitionCost.Amount, nameof(acquisitionCost));
        LifetimeValue = lifetimeValue;
        AcquisitionCost = acquisitionCost;
    }

    /// <summary>The lifetime value.</summary>
    public Money LifetimeValue { get; }

    /// <summary>The acquisition cost (CAC).</summary>
    public Money AcquisitionCost { get; }

    /// <summary>Net value: LTV - CAC.</summary>
    /// <exception cref="ArgumentOutOfRangeException">LTV - CAC does not fit in decimal (the message names both).</exception>
    public Money NetValue
    {
        get
        {
            try
            {
                return LifetimeValue - AcquisitionCost;
            }
            catch (OverflowException)
            {
                throw Guard.TooLarge("lifetimeValue", "LTV - CAC", $"LTV {Guard.Show(LifetimeValue.Amount)} - CAC {Guard.Show(AcquisitionCost.Amount)} {LifetimeValue.Currency.Code}");
            }
        }
    }

    /// <summary>LTV / CAC; infinite when the CAC is zero (see <see cref="LtvCacRatio"/>).</summary>
    public LtvCacRatio Ratio => LtvCacRatio.Of(LifetimeValue, AcquisitionCost);

    /// <summary>
    /// The largest CAC that keeps the ratio at or above a target: <c>LTV / target</c>
    /// (a 9,000 SEK customer at a 3:1 target affords 3,000 SEK). Zero when the LTV is not positive.
    /// </summary>
    /// <param name="lifetimeValue">The lifetime value.</param>
    /// <param name="targetRatio">The target LTV:CAC ratio, positive (3 is usual).</param>
    /// <returns>The maximum affordable CAC.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The target is zero or negative, or so small that LTV / target does not fit in decimal (the message names the LTV and the target).</exception>
    public static Money MaxAffordableCac(Money lifetimeValue, decimal targetRatio)
    {
        Guard.Positive(targetRatio, nameof(targetRatio));
        if (lifetimeValue.Amount <= 0m)
        {
            return Money.Zero(lifetimeValue.Currency);
        }

        try
        {
            return lifetimeValue / targetRatio;
        }
        catch (OverflowException)
        {
            throw Guard.TooLarge(nameof(targetRatio), "LTV / targetRatio", $"LTV {Guard.Show(lifetimeValue.Amount)} {lifetimeValue.Currency.Code} / {Guard.Show(targetRatio)}");
        }
    }

    /// <summary>The largest CAC for this customer's LTV at a target ratio; see <see cref="MaxAffordableCac(Money, decimal)"/>.</summary>
    /// <param name="targetRatio">The target ratio, positive.</param>
    /// <returns>The maximum affordable CAC.</returns>
    public Money MaxAffordableCac(decimal targetRatio) => MaxAffordableCac(LifetimeValue, targetRatio);

    /// <summary>Text such as <c>LTV 9,000.00 SEK, CAC 3,000.00 SEK, net 6,000.00 SEK, LTV:CAC 3:1</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"LTV {LifetimeValue}, CAC {AcquisitionCost}, net {NetValue}, LTV:CAC {Ratio}";
}
