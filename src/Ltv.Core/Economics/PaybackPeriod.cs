using Ltv.Core.Domain;

namespace Ltv.Core.Economics;

/// <summary>
/// The CAC payback period: how long until the expected cumulative margin of an acquired customer covers
/// what acquiring them cost; or <see cref="IsNever"/> when it never does. Computed by
/// <see cref="CacPayback"/>.
/// </summary>
/// <remarks>
/// "Never" is a normal, typed answer, not an exception: it happens when the limit of the cumulative
/// margin (<see cref="CumulativeMarginLimit"/>, for example <c>m (1+d) / (1+d-r)</c>) is at or below the
/// CAC. Ordering (<see cref="CompareTo(PaybackPeriod)"/>) puts <c>Never</c> after every finite payback.
/// </remarks>
public sealed record PaybackPeriod : IComparable<PaybackPeriod>
{
    private PaybackPeriod(decimal? periods, TimeUnit per, PaybackRounding rounding, Money? limit)
    {
        Periods = periods;
        Per = per;
        Rounding = rounding;
        CumulativeMarginLimit = limit;
    }

    /// <summary><see langword="true"/> when the cumulative margin never covers the CAC.</summary>
    public bool IsNever => Periods is null;

    /// <summary>The payback in periods of <see cref="Per"/>; <see langword="null"/> when <see cref="IsNever"/>.</summary>
    public decimal? Periods { get; }

    /// <summary>The period of the calculation.</summary>
    public TimeUnit Per { get; }

    /// <summary>How <see cref="Periods"/> was rounded inside the crossing period.</summary>
    public PaybackRounding Rounding { get; }

    /// <summary>The limit of the expected cumulative margin per acquired customer; <see langword="null"/> when it grows without bound (no churn and no discounting).</summary>
    public Money? CumulativeMarginLimit { get; }

    /// <summary>The payback as a <see cref="Duration"/>; <see langword="null"/> when <see cref="IsNever"/>.</summary>
    public Duration? Time => Periods is { } periods ? new Duration(periods, Per) : null;

    /// <summary>The "never pays back" result.</summary>
    /// <param name="per">The period of the calculation.</param>
    /// <param name="cumulativeMarginLimit">The limit of the cumulative margin, at or below the CAC.</param>
    /// <returns>The result.</returns>
    public static PaybackPeriod Never(TimeUnit per, Money? cumulativeMarginLimit = null) =>
        new(null, per, PaybackRounding.Interpolated, cumulativeMarginLimit);

    /// <summary>A finite payback.</summary>
    /// <param name="periods">Periods, zero or more.</param>
    /// <param name="per">The period.</param>
    /// <param name="rounding">How the periods were rounded.</param>
    /// <param name="cumulativeMarginLimit">The limit of the cumulative margin, when finite.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="periods"/> is negative.</exception>
    public static PaybackPeriod After(decimal periods, TimeUnit per, PaybackRounding rounding = PaybackRounding.Interpolated, Money? cumulativeMarginLimit = null) =>
        new(Validation.Guard.NonNegative(periods, nameof(periods)), per, rounding, cumulativeMarginLimit);

    /// <summary>Orders by periods (same <see cref="Per"/> only); <c>Never</c> is the largest.</summary>
    /// <param name="other">The other payback.</param>
    /// <returns>Negative, zero or positive.</returns>
    /// <exception cref="UnitMismatchException">The periods differ.</exception>
    public int CompareTo(PaybackPeriod? other)
    {
        if (other is null)
        {
            return 1;
        }

        if (other.Per != Per)
        {
            throw new UnitMismatchException(Per, other.Per, "a payback comparison");
        }

        return (Periods, other.Periods) switch
        {
            (null, null) => 0,
            (null, _) => 1,
            (_, null) => -1,
            ({ } a, { } b) => a.CompareTo(b),
        };
    }

    /// <summary>Less than (same period only; never is the largest).</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>Whether left pays back sooner.</returns>
    public static bool operator <(PaybackPeriod? left, PaybackPeriod? right) => Compare(left, right) < 0;

    /// <summary>Greater than (same period only; never is the largest).</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>Whether left pays back later.</returns>
    public static bool operator >(PaybackPeriod? left, PaybackPeriod? right) => Compare(left, right) > 0;

    /// <summary>Less than or equal (same period only).</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>Whether left pays back no later.</returns>
    public static bool operator <=(PaybackPeriod? left, PaybackPeriod? right) => Compare(left, right) <= 0;

    /// <summary>Greater than or equal (same period only).</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>Whether left pays back no sooner.</returns>
    public static bool operator >=(PaybackPeriod? left, PaybackPeriod? right) => Compare(left, right) >= 0;

    /// <summary>Text such as <c>2.5 months</c> or <c>never (cumulative margin tends to 1,000.00 DKK)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Periods is { } periods
        ? new Duration(Math.Round(periods, 4, MidpointRounding.AwayFromZero), Per).ToString()
        : CumulativeMarginLimit is { } limit
            ? $"never (cumulative margin tends to {limit.ToString()})"
            : "never";

    private static int Compare(PaybackPeriod? left, PaybackPeriod? right) =>
        left is null ? (right is null ? 0 : -1) : left.CompareTo(right);
}
