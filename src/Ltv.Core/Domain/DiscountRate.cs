using System.Globalization;
using Ltv.Core.Validation;

namespace Ltv.Core.Domain;

/// <summary>
/// A discount rate per period, greater than -1: 0.1 per year discounts next year's money by 1/1.1.
/// </summary>
/// <remarks>
/// Nominal and real rates are related by <see cref="Real(DiscountRate, decimal)"/>:
/// (1 + nominal) / (1 + inflation) - 1. <c>default(DiscountRate)</c> is 0 per day.
/// </remarks>
public readonly record struct DiscountRate
{
    /// <summary>Creates a discount rate.</summary>
    /// <param name="value">The rate per period, greater than -1.</param>
    /// <param name="per">The period.</param>
    /// <exception cref="ArgumentOutOfRangeException">The rate is -1 or less; the message names discountRate and the value.</exception>
    public DiscountRate(decimal value, TimeUnit per)
    {
        if (value <= -1m)
        {
            throw Guard.OutOfRange("discountRate", "greater than -1", Guard.Show(value));
        }

        Value = value;
        Per = Guard.Defined(per);
    }

    /// <summary>The rate per period.</summary>
    public decimal Value { get; }

    /// <summary>The period.</summary>
    public TimeUnit Per { get; }

    /// <summary>A rate per month.</summary>
    /// <param name="value">The rate, greater than -1.</param>
    /// <returns>The discount rate.</returns>
    public static DiscountRate PerMonth(decimal value) => new(value, TimeUnit.Month);

    /// <summary>A rate per year.</summary>
    /// <param name="value">The rate, greater than -1.</param>
    /// <returns>The discount rate.</returns>
    public static DiscountRate PerYear(decimal value) => new(value, TimeUnit.Year);

    /// <summary>The real rate for a nominal rate and an inflation rate over the same period: (1 + nominal) / (1 + inflation) - 1.</summary>
    /// <param name="nominal">The nominal discount rate.</param>
    /// <param name="inflation">Inflation per the same period, greater than -1.</param>
    /// <returns>The real discount rate.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Inflation is -1 or less.</exception>
    public static DiscountRate Real(DiscountRate nominal, decimal inflation)
    {
        if (inflation <= -1m)
        {
            throw Guard.OutOfRange(nameof(inflation), "greater than -1", Guard.Show(inflation));
        }

        return new((1m + nominal.Value) / (1m + inflation) - 1m, nominal.Per);
    }

    /// <summary>Text such as <c>10 % per year</c>.</summary>
    /// <returns>The display text.</returns>
    public override string ToString() =>
        (Value * 100m).ToString("0.####", CultureInfo.InvariantCulture) + " % per " + TimeUnits.Name(Per);
}
