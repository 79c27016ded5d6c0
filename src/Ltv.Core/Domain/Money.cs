using System.Globalization;
using Ltv.Core.Validation;

namespace Ltv.Core.Domain;

/// <summary>
/// An exact decimal amount in one ISO 4217 <see cref="Domain.Currency"/>.
/// </summary>
/// <remarks>
/// <para>Arithmetic keeps full <see cref="decimal"/> precision and never rounds: intermediate values of
/// APV x frequency x lifespan are not skewed by rounding. Round explicitly with
/// <see cref="Round(MidpointRounding)"/>, which rounds to the currency's minor unit and defaults to
/// <see cref="MidpointRounding.ToEven"/> (banker's rounding); pass
/// <see cref="MidpointRounding.AwayFromZero"/> for commercial rounding.</para>
/// <para>Adding, subtracting or comparing amounts in different currencies throws
/// <see cref="CurrencyMismatchException"/>. Amounts may be negative (a net value LTV - CAC can be).</para>
/// <para><c>default(Money)</c> is zero in the "no currency" <c>XXX</c>; combining it with real money throws.
/// Use <see cref="Zero(Domain.Currency)"/> for a typed zero.</para>
/// </remarks>
public readonly record struct Money : IComparable<Money>
{
    /// <summary>Creates an amount in a currency.</summary>
    /// <param name="amount">The amount, any sign.</param>
    /// <param name="currency">The currency.</param>
    public Money(decimal amount, Currency currency)
    {
        Amount = amount;
        Currency = currency;
    }

    /// <summary>The exact amount, unrounded.</summary>
    public decimal Amount { get; }

    /// <summary>The currency of the amount.</summary>
    public Currency Currency { get; }

    /// <summary>Creates an amount in a currency; same as the constructor.</summary>
    /// <param name="amount">The amount.</param>
    /// <param name="currency">The currency.</param>
    /// <returns>The money value.</returns>
    public static Money Of(decimal amount, Currency currency) => new(amount, currency);

    /// <summary>Creates an amount from an ISO 4217 code.</summary>
    /// <param name="amount">The amount.</param>
    /// <param name="currencyCode">An active ISO 4217 code.</param>
    /// <returns>The money value.</returns>
    /// <exception cref="ArgumentException">Unknown currency code.</exception>
    public static Money Of(decimal amount, string currencyCode) => new(amount, Currency.Of(currencyCode));

    /// <summary>Zero in the given currency.</summary>
    /// <param name="currency">The currency.</param>
    /// <returns>A zero amount.</returns>
    public static Money Zero(Currency currency) => new(0m, currency);

    /// <summary><see langword="true"/> when the amount is below zero.</summary>
    public bool IsNegative => Amount < 0m;

    /// <summary><see langword="true"/> when the amount is zero.</summary>
    public bool IsZero => Amount == 0m;

    /// <summary>Rounds to the currency's minor unit (cents for USD, whole yen for JPY).</summary>
    /// <param name="mode">How to round a midpoint; banker's rounding (<see cref="MidpointRounding.ToEven"/>) unless told.</param>
    /// <returns>The rounded amount in the same currency.</returns>
    public Money Round(MidpointRounding mode = MidpointRounding.ToEven) =>
        new(Math.Round(Amount, Currency.MinorUnitDigits, mode), Currency);

    /// <summary>Rounds to a given number of decimals.</summary>
    /// <param name="decimals">Digits after the point, 0 to 28.</param>
    /// <param name="mode">How to round a midpoint.</param>
    /// <returns>The rounded amount.</returns>
    public Money Round(int decimals, MidpointRounding mode) => new(Math.Round(Amount, decimals, mode), Currency);

    /// <summary>Adds two amounts of the same currency.</summary>
    /// <param name="left">First amount.</param>
    /// <param name="right">Second amount.</param>
    /// <returns>The sum.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static Money operator +(Money left, Money right)
    {
        CurrencyMismatchException.ThrowIfDifferent(left.Currency, right.Currency, "addition");
        return new(left.Amount + right.Amount, left.Currency);
    }

    /// <summary>Subtracts two amounts of the same currency.</summary>
    /// <param name="left">Amount to subtract from.</param>
    /// <param name="right">Amount to subtract.</param>
    /// <returns>The difference.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static Money operator -(Money left, Money right)
    {
        CurrencyMismatchException.ThrowIfDifferent(left.Currency, right.Currency, "subtraction");
        return new(left.Amount - right.Amount, left.Currency);
    }

    /// <summary>Negates an amount.</summary>
    /// <param name="value">The amount.</param>
    /// <returns>The negated amount.</returns>
    public static Money operator -(Money value) => new(-value.Amount, value.Currency);

    /// <summary>Scales an amount.</summary>
    /// <param name="money">The amount.</param>
    /// <param name="factor">The factor.</param>
    /// <returns>The scaled amount.</returns>
    public static Money operator *(Money money, decimal factor) => new(money.Amount * factor, money.Currency);

    /// <summary>Scales an amount.</summary>
    /// <param name="factor">The factor.</param>
    /// <param name="money">The amount.</param>
    /// <returns>The scaled amount.</returns>
    public static Money operator *(decimal factor, Money money) => new(money.Amount * factor, money.Currency);

    /// <summary>Divides an amount by a number.</summary>
    /// <param name="money">The amount.</param>
    /// <param name="divisor">The non-zero divisor.</param>
    /// <returns>The quotient.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The divisor is zero.</exception>
    public static Money operator /(Money money, decimal divisor)
    {
        if (divisor == 0m)
        {
            throw Guard.OutOfRange(nameof(divisor), "non-zero", "0");
        }

        return new(money.Amount / divisor, money.Currency);
    }

    /// <summary>The ratio of two amounts of the same currency (for example LTV / CAC).</summary>
    /// <param name="numerator">The numerator.</param>
    /// <param name="denominator">The non-zero denominator.</param>
    /// <returns>The dimensionless ratio.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The denominator is zero.</exception>
    public static decimal operator /(Money numerator, Money denominator)
    {
        CurrencyMismatchException.ThrowIfDifferent(numerator.Currency, denominator.Currency, "division");
        if (denominator.Amount == 0m)
        {
            throw Guard.OutOfRange(nameof(denominator), "non-zero", "0 " + denominator.Currency.Code);
        }

        return numerator.Amount / denominator.Amount;
    }

    /// <summary>Compares amounts of the same currency.</summary>
    /// <param name="other">The other amount.</param>
    /// <returns>Negative, zero or positive as this amount is smaller, equal or larger.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public int CompareTo(Money other)
    {
        CurrencyMismatchException.ThrowIfDifferent(Currency, other.Currency, "comparison");
        return Amount.CompareTo(other.Amount);
    }

    /// <summary>Less than, same currency only.</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>Whether left is smaller.</returns>
    public static bool operator <(Money left, Money right) => left.CompareTo(right) < 0;

    /// <summary>Greater than, same currency only.</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>Whether left is larger.</returns>
    public static bool operator >(Money left, Money right) => left.CompareTo(right) > 0;

    /// <summary>Less than or equal, same currency only.</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>Whether left is smaller or equal.</returns>
    public static bool operator <=(Money left, Money right) => left.CompareTo(right) <= 0;

    /// <summary>Greater than or equal, same currency only.</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>Whether left is larger or equal.</returns>
    public static bool operator >=(Money left, Money right) => left.CompareTo(right) >= 0;

    /// <summary>
    /// Invariant text with the amount rounded for display to the minor unit (midpoints away from zero)
    /// and the code, for example <c>9,000.00 SEK</c>. The value itself is not rounded.
    /// </summary>
    /// <returns>The display text.</returns>
    public override string ToString() =>
        Amount.ToString("N" + Currency.MinorUnitDigits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + " " + Currency.Code;
}
