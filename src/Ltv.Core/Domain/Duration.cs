using System.Globalization;
using Ltv.Core.Validation;

namespace Ltv.Core.Domain;

/// <summary>
/// A non-negative length of time with an explicit <see cref="TimeUnit"/>, such as a customer lifespan
/// of 3 years or an observation window of 39 weeks.
/// </summary>
/// <remarks>
/// Equality is structural, like NodaTime's <c>Period</c>: <c>Duration.Months(12) != Duration.Years(1)</c>.
/// Use <see cref="IsEquivalentTo(Duration)"/> to compare across exactly convertible units.
/// <see cref="In(TimeUnit)"/> converts only where exact; <see cref="In(TimeUnit, CalendarConvention)"/>
/// converts across families through the convention you name. <c>default(Duration)</c> is zero days.
/// </remarks>
public readonly record struct Duration
{
    /// <summary>Creates a duration.</summary>
    /// <param name="value">The amount of time, zero or more.</param>
    /// <param name="unit">The unit.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is negative or <paramref name="unit"/> undefined.</exception>
    public Duration(decimal value, TimeUnit unit)
    {
        Value = Guard.NonNegative(value, "duration");
        Unit = Guard.Defined(unit);
    }

    /// <summary>The amount of time in <see cref="Unit"/>.</summary>
    public decimal Value { get; }

    /// <summary>The unit of <see cref="Value"/>.</summary>
    public TimeUnit Unit { get; }

    /// <summary>A duration in days.</summary>
    /// <param name="value">Days, zero or more.</param>
    /// <returns>The duration.</returns>
    public static Duration Days(decimal value) => new(value, TimeUnit.Day);

    /// <summary>A duration in weeks.</summary>
    /// <param name="value">Weeks, zero or more.</param>
    /// <returns>The duration.</returns>
    public static Duration Weeks(decimal value) => new(value, TimeUnit.Week);

    /// <summary>A duration in months.</summary>
    /// <param name="value">Months, zero or more.</param>
    /// <returns>The duration.</returns>
    public static Duration Months(decimal value) => new(value, TimeUnit.Month);

    /// <summary>A duration in years.</summary>
    /// <param name="value">Years, zero or more.</param>
    /// <returns>The duration.</returns>
    public static Duration Years(decimal value) => new(value, TimeUnit.Year);

    /// <summary>Converts exactly (days and weeks; months and years).</summary>
    /// <param name="unit">The target unit.</param>
    /// <returns>The same length in <paramref name="unit"/>.</returns>
    /// <exception cref="UnitMismatchException">The conversion needs a <see cref="CalendarConvention"/>.</exception>
    public Duration In(TimeUnit unit) => new(TimeUnits.Convert(Value, Unit, unit, "a duration conversion"), unit);

    /// <summary>Converts through a calendar convention where no exact ratio exists.</summary>
    /// <param name="unit">The target unit.</param>
    /// <param name="convention">How many days a year has.</param>
    /// <returns>The same length in <paramref name="unit"/>.</returns>
    public Duration In(TimeUnit unit, CalendarConvention convention)
    {
        ArgumentNullException.ThrowIfNull(convention);
        return new(convention.Convert(Value, Unit, unit), unit);
    }

    /// <summary>Whether both durations are the same length after exact conversion.</summary>
    /// <param name="other">The other duration.</param>
    /// <returns><see langword="true"/> when equal after conversion.</returns>
    /// <exception cref="UnitMismatchException">The units have no exact conversion.</exception>
    public bool IsEquivalentTo(Duration other) => other.In(Unit).Value == Value;

    /// <summary>Adds two durations, converting the right one exactly into the left one's unit.</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>The sum in the left unit.</returns>
    /// <exception cref="UnitMismatchException">The units have no exact conversion.</exception>
    public static Duration operator +(Duration left, Duration right) => new(left.Value + right.In(left.Unit).Value, left.Unit);

    /// <summary>Text such as <c>3 years</c>.</summary>
    /// <returns>The display text.</returns>
    public override string ToString() =>
        $"{Value.ToString(CultureInfo.InvariantCulture)} {TimeUnits.Name(Unit)}{(Value == 1m ? string.Empty : "s")}";
}
