using System.Globalization;

using Ltv.Core.Domain;
using Ltv.Core.Validation;

namespace Ltv.Core.Economics;

/// <summary>
/// The LTV:CAC ratio, lifetime value divided by acquisition cost. About 3 is the usual health mark.
/// </summary>
/// <remarks>
/// A CAC of zero gives the typed outcome <see cref="IsInfinite"/> = <see langword="true"/> (a customer
/// that cost nothing to win has an unbounded return on acquisition when its LTV is positive); no
/// <see cref="DivideByZeroException"/>, no NaN. When both LTV and CAC are zero the ratio is defined as
/// zero (nothing spent, nothing earned). Ratios are exact <see cref="decimal"/> quotients.
/// <c>default(LtvCacRatio)</c> is a finite ratio of zero.
/// </remarks>
public readonly record struct LtvCacRatio : IComparable<LtvCacRatio>
{
    private readonly decimal _value;

    private LtvCacRatio(decimal value, bool isInfinite)
    {
        _value = value;
        IsInfinite = isInfinite;
    }

    /// <summary>The ratio of a customer that cost nothing to acquire and is worth more than nothing.</summary>
    public static LtvCacRatio Infinite { get; } = new(0m, true);

    /// <summary><see langword="true"/> when the CAC was zero and the LTV positive.</summary>
    public bool IsInfinite { get; }

    /// <summary>The finite ratio; <see langword="null"/> when <see cref="IsInfinite"/>.</summary>
    public decimal? Value => IsInfinite ? null : _value;

    /// <summary>A finite ratio.</summary>
    /// <param name="value">The ratio (any sign: a negative LTV gives a negative ratio).</param>
    /// <returns>The ratio.</returns>
    public static LtvCacRatio Finite(decimal value) => new(value, false);

    /// <summary>LTV / CAC, with the zero-CAC outcomes documented on the type.</summary>
    /// <param name="lifetimeValue">The lifetime value.</param>
    /// <param name="acquisitionCost">The acquisition cost, zero or more, in the same currency.</param>
    /// <returns>The ratio.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The CAC is negative.</exception>
    public static LtvCacRatio Of(Money lifetimeValue, Money acquisitionCost)
    {
        CurrencyMismatchException.ThrowIfDifferent(lifetimeValue.Currency, acquisitionCost.Currency, "an LTV:CAC ratio");
        Guard.NonNegative(acquisitionCost.Amount, nameof(acquisitionCost));
        if (acquisitionCost.IsZero)
        {
            return lifetimeValue.Amount > 0m ? Infinite : Finite(0m);
        }

        return Finite(lifetimeValue.Amount / acquisitionCost.Amount);
    }

    /// <summary>Whether the ratio reaches a target such as 3.</summary>
    /// <param name="target">The target ratio.</param>
    /// <returns><see langword="true"/> when infinite or at least <paramref name="target"/>.</returns>
    public bool Meets(decimal target) => IsInfinite || _value >= target;

    /// <summary>Orders ratios; infinity is above every finite ratio.</summary>
    /// <param name="other">The other ratio.</param>
    /// <returns>Negative, zero or positive.</returns>
    public int CompareTo(LtvCacRatio other) => (IsInfinite, other.IsInfinite) switch
    {
        (true, true) => 0,
        (true, false) => 1,
        (false, true) => -1,
        _ => _value.CompareTo(other._value),
    };

    /// <summary>Less than.</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>Whether left is smaller.</returns>
    public static bool operator <(LtvCacRatio left, LtvCacRatio right) => left.CompareTo(right) < 0;

    /// <summary>Greater than.</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>Whether left is larger.</returns>
    public static bool operator >(LtvCacRatio left, LtvCacRatio right) => left.CompareTo(right) > 0;

    /// <summary>Less than or equal.</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>Whether left is smaller or equal.</returns>
    public static bool operator <=(LtvCacRatio left, LtvCacRatio right) => left.CompareTo(right) <= 0;

    /// <summary>Greater than or equal.</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>Whether left is larger or equal.</returns>
    public static bool operator >=(LtvCacRatio left, LtvCacRatio right) => left.CompareTo(right) >= 0;

    /// <summary>Text such as <c>3:1</c>, <c>2.5:1</c> (two decimals at most) or <c>infinite (CAC = 0)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        IsInfinite ? "infinite (CAC = 0)" : Math.Round(_value, 2, MidpointRounding.AwayFromZero).ToString("0.##", CultureInfo.InvariantCulture) + ":1";
}
