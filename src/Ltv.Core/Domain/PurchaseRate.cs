using System.Globalization;
using Ltv.Core.Validation;

namespace Ltv.Core.Domain;

/// <summary>
/// A purchase frequency: a non-negative number of purchases per <see cref="TimeUnit"/>, such as
/// 6 purchases a year.
/// </summary>
/// <remarks>
/// Multiplying by a <see cref="Duration"/> gives the expected number of purchases and converts only
/// where exact: <c>PurchaseRate.PerYear(6) * Duration.Months(3)</c> is exactly 1.5, while
/// <c>PurchaseRate.PerYear(6) * Duration.Days(90)</c> throws <see cref="UnitMismatchException"/>;
/// use <see cref="ExpectedCount(Duration, CalendarConvention)"/> to name a convention.
/// Equality is structural (6 a year is not equal to 0.5 a month).
/// </remarks>
public readonly record struct PurchaseRate
{
    /// <summary>Creates a rate.</summary>
    /// <param name="count">Purchases per unit, zero or more.</param>
    /// <param name="per">The unit of time.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public PurchaseRate(decimal count, TimeUnit per)
    {
        Count = Guard.NonNegative(count, "purchaseFrequency");
        Per = Guard.Defined(per);
    }

    /// <summary>Purchases per <see cref="Per"/>.</summary>
    public decimal Count { get; }

    /// <summary>The unit of time.</summary>
    public TimeUnit Per { get; }

    /// <summary>Purchases per day.</summary>
    /// <param name="count">Purchases.</param>
    /// <returns>The rate.</returns>
    public static PurchaseRate PerDay(decimal count) => new(count, TimeUnit.Day);

    /// <summary>Purchases per week.</summary>
    /// <param name="count">Purchases.</param>
    /// <returns>The rate.</returns>
    public static PurchaseRate PerWeek(decimal count) => new(count, TimeUnit.Week);

    /// <summary>Purchases per month.</summary>
    /// <param name="count">Purchases.</param>
    /// <returns>The rate.</returns>
    public static PurchaseRate PerMonth(decimal count) => new(count, TimeUnit.Month);

    /// <summary>Purchases per year.</summary>
    /// <param name="count">Purchases.</param>
    /// <returns>The rate.</returns>
    public static PurchaseRate PerYear(decimal count) => new(count, TimeUnit.Year);

    /// <summary>The same rate per another unit, exactly (6 a year is 0.5 a month).</summary>
    /// <param name="unit">The target unit.</param>
    /// <returns>The converted rate.</returns>
    /// <exception cref="UnitMismatchException">No exact conversion exists.</exception>
    public PurchaseRate In(TimeUnit unit) =>
        new(TimeUnits.Convert(Count, unit, Per, "a purchase-rate conversion"), unit);

    /// <summary>The same rate per another unit through a calendar convention.</summary>
    /// <param name="unit">The target unit.</param>
    /// <param name="convention">The convention.</param>
    /// <returns>The converted rate.</returns>
    public PurchaseRate In(TimeUnit unit, CalendarConvention convention)
    {
        ArgumentNullException.ThrowIfNull(convention);
        return new(convention.Convert(Count, unit, Per), unit);
    }

    /// <summary>Expected purchases over a duration, converting exactly.</summary>
    /// <param name="duration">The duration.</param>
    /// <returns>Rate x duration, a count.</returns>
    /// <exception cref="UnitMismatchException">No exact conversion exists between the units.</exception>
    public decimal ExpectedCount(Duration duration) =>
        TimeUnits.Convert(Count * duration.Value, duration.Unit, Per, "rate x duration"); // multiply first, divide last: 6/year x 1 month is exactly 0.5

    /// <summary>Expected purchases over a duration, converting through a named convention.</summary>
    /// <param name="duration">The duration.</param>
    /// <param name="convention">The convention for days/weeks versus months/years.</param>
    /// <returns>Rate x duration, a count.</returns>
    public decimal ExpectedCount(Duration duration, CalendarConvention convention) => Count * duration.In(Per, convention).Value;

    /// <summary>Expected purchases over a duration; same as <see cref="ExpectedCount(Duration)"/>.</summary>
    /// <param name="rate">The rate.</param>
    /// <param name="duration">The duration.</param>
    /// <returns>The count.</returns>
    /// <exception cref="UnitMismatchException">No exact conversion exists between the units.</exception>
    public static decimal operator *(PurchaseRate rate, Duration duration) => rate.ExpectedCount(duration);

    /// <summary>Expected purchases over a duration; same as <see cref="ExpectedCount(Duration)"/>.</summary>
    /// <param name="duration">The duration.</param>
    /// <param name="rate">The rate.</param>
    /// <returns>The count.</returns>
    /// <exception cref="UnitMismatchException">No exact conversion exists between the units.</exception>
    public static decimal operator *(Duration duration, PurchaseRate rate) => rate.ExpectedCount(duration);

    /// <summary>Spend per unit of time: an amount per purchase times this rate.</summary>
    /// <param name="perPurchase">The average purchase value.</param>
    /// <param name="rate">The purchase rate.</param>
    /// <returns>The money rate.</returns>
    public static MoneyRate operator *(Money perPurchase, PurchaseRate rate) => new(perPurchase * rate.Count, rate.Per);

    /// <summary>Spend per unit of time: an amount per purchase times this rate.</summary>
    /// <param name="rate">The purchase rate.</param>
    /// <param name="perPurchase">The average purchase value.</param>
    /// <returns>The money rate.</returns>
    public static MoneyRate operator *(PurchaseRate rate, Money perPurchase) => new(perPurchase * rate.Count, rate.Per);

    /// <summary>Text such as <c>6 per year</c>.</summary>
    /// <returns>The display text.</returns>
    public override string ToString() => $"{Count.ToString(CultureInfo.InvariantCulture)} per {TimeUnits.Name(Per)}";
}
