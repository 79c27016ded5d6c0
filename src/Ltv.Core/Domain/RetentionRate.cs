using System.Globalization;
using Ltv.Core.Validation;

namespace Ltv.Core.Domain;

/// <summary>
/// The share of customers who stay from one period to the next, in [0, 1]; retention = 1 - churn.
/// </summary>
public readonly record struct RetentionRate
{
    /// <summary>Creates a retention rate.</summary>
    /// <param name="value">The fraction staying per period, 0 to 1 inclusive.</param>
    /// <param name="per">The period.</param>
    /// <exception cref="ArgumentOutOfRangeException">Outside [0, 1]; the message names retention and the value.</exception>
    public RetentionRate(decimal value, TimeUnit per)
    {
        if (value < 0m || value > 1m)
        {
            throw Guard.OutOfRange("retention", "in [0, 1]", Guard.Show(value));
        }

        Value = value;
        Per = Guard.Defined(per);
    }

    /// <summary>The fraction staying per period.</summary>
    public decimal Value { get; }

    /// <summary>The period.</summary>
    public TimeUnit Per { get; }

    /// <summary>Retention per month.</summary>
    /// <param name="value">The fraction, in [0, 1].</param>
    /// <returns>The retention rate.</returns>
    public static RetentionRate PerMonth(decimal value) => new(value, TimeUnit.Month);

    /// <summary>Retention per year.</summary>
    /// <param name="value">The fraction, in [0, 1].</param>
    /// <returns>The retention rate.</returns>
    public static RetentionRate PerYear(decimal value) => new(value, TimeUnit.Year);

    /// <summary>The matching churn rate 1 - retention.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Retention is 1, so churn would be 0.</exception>
    public ChurnRate ToChurn() => new(1m - Value, Per);

    /// <summary>Text such as <c>90 % per month</c>.</summary>
    /// <returns>The display text.</returns>
    public override string ToString() =>
        (Value * 100m).ToString("0.####", CultureInfo.InvariantCulture) + " % per " + TimeUnits.Name(Per);
}
