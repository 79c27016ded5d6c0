using System.Globalization;
using Ltv.Core.Validation;

namespace Ltv.Core.Domain;

/// <summary>
/// The share of customers who leave per period, in (0, 1]: 0.1 per month means 10 % leave each month.
/// Under a constant churn c the expected lifespan is 1/c periods.
/// </summary>
/// <remarks>Zero churn is rejected (also for <c>default(ChurnRate)</c>, the moment it is used): it means an infinite lifespan, which no undiscounted formula can value.
/// Model "never churns" with a discounted strategy and a <see cref="RetentionRate"/> of 1 instead.</remarks>
public readonly record struct ChurnRate
{
    /// <summary>Creates a churn rate.</summary>
    /// <param name="value">The fraction leaving per period, greater than 0 and at most 1.</param>
    /// <param name="per">The period.</param>
    /// <exception cref="ArgumentOutOfRangeException">Outside (0, 1]; the message names churn and the value.</exception>
    public ChurnRate(decimal value, TimeUnit per)
    {
        if (value <= 0m || value > 1m)
        {
            throw Guard.OutOfRange("churn", "in (0, 1]", Guard.Show(value));
        }

        Value = value;
        Per = Guard.Defined(per);
    }

    /// <summary>The fraction leaving per period.</summary>
    public decimal Value { get; }

    /// <summary>The period.</summary>
    public TimeUnit Per { get; }

    /// <summary>Churn per month.</summary>
    /// <param name="value">The fraction, in (0, 1].</param>
    /// <returns>The churn rate.</returns>
    public static ChurnRate PerMonth(decimal value) => new(value, TimeUnit.Month);

    /// <summary>Churn per year.</summary>
    /// <param name="value">The fraction, in (0, 1].</param>
    /// <returns>The churn rate.</returns>
    public static ChurnRate PerYear(decimal value) => new(value, TimeUnit.Year);

    /// <summary>The matching retention rate, 1 - churn, per the same period.</summary>
    /// <exception cref="ArgumentOutOfRangeException">This is <c>default(ChurnRate)</c>, whose churn 0 is outside (0, 1].</exception>
    public RetentionRate Retention => new(1m - Validated().Value, Per);

    /// <summary>The expected lifespan 1/churn, in the churn's period.</summary>
    /// <exception cref="ArgumentOutOfRangeException">This is <c>default(ChurnRate)</c>, whose churn 0 is outside (0, 1].</exception>
    public Duration ExpectedLifespan => new(1m / Validated().Value, Per);

    /// <summary>
    /// Returns this rate after checking it is inside (0, 1]. Only <c>default(ChurnRate)</c> (churn 0 per day),
    /// which skips the constructor, can fail; everything that computes with a churn calls this first.
    /// </summary>
    /// <returns>This rate.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Churn 0: the message names churn and the value.</exception>
    public ChurnRate Validated() =>
        Value > 0m ? this : throw Guard.OutOfRange("churn", "in (0, 1] (default(ChurnRate) has churn 0)", Guard.Show(Value));

    /// <summary>Text such as <c>10 % per month</c>.</summary>
    /// <returns>The display text.</returns>
    public override string ToString() =>
        (Value * 100m).ToString("0.####", CultureInfo.InvariantCulture) + " % per " + TimeUnits.Name(Per);
}
