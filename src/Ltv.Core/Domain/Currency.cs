using System.Diagnostics.CodeAnalysis;

namespace Ltv.Core.Domain;

/// <summary>
/// An ISO 4217 currency, identified by its three-letter code (for example <c>DKK</c>, <c>USD</c>).
/// </summary>
/// <remarks>
/// Only active ISO 4217 codes are accepted; an unknown code throws <see cref="ArgumentException"/>
/// naming the code. <c>default(Currency)</c> is <c>XXX</c>, the ISO code for "no currency": it is a
/// valid value that never equals a real currency, so arithmetic between a default <see cref="Money"/>
/// and real money throws <see cref="CurrencyMismatchException"/> instead of inventing a currency.
/// This type is an immutable value and thread safe.
/// </remarks>
public readonly record struct Currency
{
    private const string NoCurrencyCode = "XXX";
    private readonly string? _code;

    private Currency(string code) => _code = code;

    /// <summary>The three upper-case letters of the ISO 4217 code; <c>XXX</c> for <c>default(Currency)</c>.</summary>
    public string Code => _code ?? NoCurrencyCode;

    /// <summary>Digits after the decimal point of the minor unit (2 for cents, 0 for yen, 3 for fils); 0 for <c>XXX</c>.</summary>
    public int MinorUnitDigits => _code is null ? 0 : CurrencyTable.MinorUnits[_code];

    /// <summary><see langword="true"/> for <c>default(Currency)</c>, the ISO "no currency" code <c>XXX</c>.</summary>
    public bool IsNone => _code is null;

    /// <summary>Danish krone.</summary>
    public static Currency DKK { get; } = new("DKK");

    /// <summary>Swedish krona.</summary>
    public static Currency SEK { get; } = new("SEK");

    /// <summary>Norwegian krone.</summary>
    public static Currency NOK { get; } = new("NOK");

    /// <summary>Euro.</summary>
    public static Currency EUR { get; } = new("EUR");

    /// <summary>US dollar.</summary>
    public static Currency USD { get; } = new("USD");

    /// <summary>Pound sterling.</summary>
    public static Currency GBP { get; } = new("GBP");

    /// <summary>Japanese yen (no minor unit).</summary>
    public static Currency JPY { get; } = new("JPY");

    /// <summary>Swiss franc.</summary>
    public static Currency CHF { get; } = new("CHF");

    /// <summary>Returns the currency for an ISO 4217 code, case-insensitive (<c>"dkk"</c> is DKK).</summary>
    /// <param name="code">A three-letter active ISO 4217 code.</param>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> is null.</exception>
    /// <exception cref="ArgumentException">The code is not an active ISO 4217 code; the message names it.</exception>
    public static Currency Of(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (!TryOf(code, out var currency))
        {
            throw new ArgumentException($"code must be an active ISO 4217 currency code such as 'DKK' or 'USD' (was '{code}').", nameof(code));
        }

        return currency;
    }

    /// <summary>Looks up an ISO 4217 code without throwing.</summary>
    /// <param name="code">The code to look up, case-insensitive; surrounding white space is ignored.</param>
    /// <param name="currency">The currency when found; <c>default</c> otherwise.</param>
    /// <returns><see langword="true"/> when <paramref name="code"/> is an active ISO 4217 code.</returns>
    public static bool TryOf([NotNullWhen(true)] string? code, out Currency currency)
    {
        currency = default;
        if (code is null)
        {
            return false;
        }

        var trimmed = code.Trim();
        if (trimmed.Length != 3)
        {
            return false;
        }

        var upper = trimmed.ToUpperInvariant();
        if (!CurrencyTable.MinorUnits.ContainsKey(upper))
        {
            return false;
        }

        currency = new Currency(string.Intern(upper));
        return true;
    }

    /// <summary>Equality by code.</summary>
    /// <param name="other">The other currency.</param>
    /// <returns><see langword="true"/> when both have the same code.</returns>
    public bool Equals(Currency other) => string.Equals(Code, other.Code, StringComparison.Ordinal);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Code);

    /// <summary>The ISO code.</summary>
    /// <returns>The three-letter code.</returns>
    public override string ToString() => Code;
}
