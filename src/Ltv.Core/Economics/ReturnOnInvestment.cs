using System.Globalization;

using Ltv.Core.Domain;
using Ltv.Core.Validation;

namespace Ltv.Core.Economics;

/// <summary>
/// Return on marketing spend, in both common definitions: the <see cref="Multiple"/> value / spend
/// (the "1.5x" and "3x" of marketing reports) and the <see cref="Net"/> return (value - spend) / spend.
/// </summary>
/// <remarks>
/// The Danish budget example ("spend cut from 500,000 to 300,000 DKK while ROI rose from 1.5x to 3x")
/// uses the multiple: 750,000 / 500,000 = 1.5 and 900,000 / 300,000 = 3; the same plans have net returns
/// of 0.5 and 2. Both amounts are in one currency and the spend is positive (a return on no spend is
/// undefined: <see cref="ArgumentOutOfRangeException"/>).
/// </remarks>
public readonly record struct ReturnOnInvestment
{
    /// <summary>Creates the return of a spend.</summary>
    /// <param name="value">The value the spend brings (for example customers x LTV).</param>
    /// <param name="spend">The spend, positive.</param>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The spend is zero or negative, or so small against the value that the multiple or the net return in percent does not fit in decimal (the message names both amounts).</exception>
    public ReturnOnInvestment(Money value, Money spend)
    {
        CurrencyMismatchException.ThrowIfDifferent(value.Currency, spend.Currency, "a return on investment");
        Guard.Positive(spend.Amount, nameof(spend));
        try
        {
            Multiple = value.Amount / spend.Amount;
            Net = (value.Amount - spend.Amount) / spend.Amount;
            _ = Net * 100m;
        }
        catch (OverflowException)
        {
            throw Guard.TooLarge(nameof(spend), "value / spend and the net return in percent", $"value {Guard.Show(value.Amount)} / spend {Guard.Show(spend.Amount)} {spend.Currency.Code}");
        }

        Value = value;
        Spend = spend;
    }

    /// <summary>The value.</summary>
    public Money Value { get; }

    /// <summary>The spend.</summary>
    public Money Spend { get; }

    /// <summary>value / spend: 1.5 means every krone spent brings 1.5 back.</summary>
    public decimal Multiple { get; }

    /// <summary>(value - spend) / spend: 0.5 means a 50 % gain on the spend.</summary>
    public decimal Net { get; }

    /// <summary>Text such as <c>1.5x (net 50 %) on 500,000.00 DKK</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        $"{Math.Round(Multiple, 2, MidpointRounding.AwayFromZero).ToString("0.##", CultureInfo.InvariantCulture)}x (net {Math.Round(Net * 100m, 1, MidpointRounding.AwayFromZero).ToString("0.#", CultureInfo.InvariantCulture)} %) on {Spend}";
}
