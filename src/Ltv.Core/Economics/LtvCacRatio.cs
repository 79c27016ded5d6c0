using System.Globalization;

using Ltv.Core.Domain;
using Ltv.Core.Validation;

namespace Ltv.Core.Economics;

/// <summary>
/// The LTV:CAC ratio, lifetime value divided by acquisition cost. About 3 is the usual health mark.
/// </summary>
/// <remarks>
/// A CAC of zero gives a typed outcome, never a <see cref="DivideByZeroException"/> or NaN: with a
/// positive LTV the ratio is <see cref="Infinite"/> (<see cref="IsInfinite"/>: a customer that cost
/// nothing to win has an unbounded return on acquisition); with a negative LTV it is
/// <see cref="NegativeInfinite"/> (<see cref="IsNegativeInfinite"/>: a money-losing customer, below every
/// finite ratio, that never <see cref="Meets(decimal)"/> any target); when both LTV and CAC are zero the
/// ratio is defined as zero (nothing spent, nothing earned). Other ratios are exact <see cref="decimal"/>
/// quotients. <c>default(LtvCacRatio)</c> is a finite ratio of zero.
/// </remarks>
public readonly record struct LtvCacRatio : IComparable<LtvCacRatio>
{
    private readonly decimal _value;

    // +1: positive infinity, -1: negative infinity, 0: finite.
    private readonly sbyte _infinity;

    private LtvCacRatio(decimal value, sbyte infinity)
    {
        _value = value;
        _infinity = infinity;
    }

    /// <summary>The ratio of a customer that cost nothing to acquire and is worth more than nothing.</summary>
    public static LtvCacRatio Infinite { get; } = new(0m, 1);

    /// <summary>The ratio of a customer that cost nothing to acquire and is worth less than nothing (negative LTV): below every finite ratio, never meets a target.</summary>
    public static LtvCacRatio NegativeInfinite { get; } = new(0m, -1);

    /// <summary><see langword="true"/> when the CAC was zero and the LTV positive.</summary>
    public bool IsInfinite => _infinity > 0;

    /// <summary><see langword="true"/> when the CAC was zero and the LTV negative.</summary>
    public bool IsNegativeInfinite => _infinity < 0;

    /// <summary>The finite ratio; <see langword="null"/> when <see cref="IsInfinite"/> or <see cref="IsNegativeInfinite"/>.</summary>
    public decimal? Value => _infinity != 0 ? null : _value;

    /// <summary>A finite ratio.</summary>
    /// <param name="value">The ratio (any sign: a negative LTV gives a negative ratio).</param>
    /// <returns>The ratio.</returns>
    public static LtvCacRatio Finite(decimal value) => new(value, 0);

    /// <summary>LTV / CAC, with the zero-CAC outcomes documented on the type.</summary>
    /// <param name="lifetimeValue">The lifetime value.</param>
    /// <param name="acquisitionCost">The acquisition cost, zero or more, in the same currency.</param>
    /// <returns>The ratio.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The CAC is negative, or so small against the LTV that LTV / CAC does not fit in decimal (the message names both).</exception>
    public static LtvCacRatio Of(Money lifetimeValue, Money acquisitionCost)
    {
        CurrencyMismatchException.ThrowIfDifferent(lifetimeValue.Currency, acquisitionCost.Currency, "an LTV:CAC ratio");
        Guard.NonNegative(acquisitionCost.Amount, nameof(acquisitionCost));
        if (acquisitionCost.IsZero)
        {
            return lifetimeValue.Amount switch
            {
                > 0m => Infinite,
                < 0m => NegativeInfinite,
                _ => Finite(0m),
            };
        }

        try
        {
            return Finite(lifetimeValue.Amount / acquisitionCost.Amount);
        }
        catch (OverflowException)
        {
            throw Guard.TooLarge(nameof(acquisitionCost), "LTV / CAC", $"LTV {Guard.Show(lifetimeValue.Amount)} / CAC {Guard.Show(acquisitionCost.Amount)} {acquisitionCost.Currency.Code}");
        }
    }

    /// <summary>Whether the ratio reaches a target such as 3.</summary>
    /// <param name="target">The target ratio.</param>
    /// <returns><see langword="true"/> when infinite or at least <paramref name="target"/>; never for <see cref="NegativeInfinite"/>.</returns>
    public bool Meets(decimal target) => _infinity switch
    {
        > 0 => true,
        < 0 => false,
        _ => _value >= target,
    };

    /// <summary>Orders ratios; <see cref="Infinite"/> is above and <see cref="NegativeInfinite"/> below every finite ratio.</summary>
    /// <param name="other">The other ratio.</param>
    /// <returns>Negative, zero or positive.</returns>
    public int CompareTo(LtvCacRatio other) => _infinity != 0 || other._infinity != 0
        ? _infinity.CompareTo(other._infinity)
        : _value.CompareTo(other._value);

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

    /// <summary>Text such as <c>3:1</c>, <c>2.5:1</c> (two decimals at most), <c>infinite (CAC = 0)</c> or <c>-infinite (CAC = 0, LTV &lt; 0)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        IsInfinite ? "infinite (CAC = 0)" : IsNegativeInfinite ? "-infinite (CAC = 0, LTV < 0)" : Math.Round(_value, 2, MidpointRounding.AwayFromZero).ToString("0.##", CultureInfo.InvariantCulture) + ":1";
}
