using System.Globalization;
using Ltv.Core.Validation;

namespace Ltv.Core.Domain;

/// <summary>
/// The caller-visible convention for converting between day/week and month/year units, which have
/// no exact ratio. A month is always 1/12 of the convention's year.
/// </summary>
/// <remarks>
/// Two conventions are predefined: <see cref="Julian"/> (365.25 days a year, 30.4375 days a month,
/// 4.348214... weeks a month) and <see cref="Days365"/> (365 days a year). lifetimes' CLV uses
/// 4.345 weeks a month, which is <c>new CalendarConvention("lifetimes", 4.345m * 7m * 12m)</c>.
/// </remarks>
public sealed record CalendarConvention
{
    /// <summary>Creates a convention.</summary>
    /// <param name="name">A short name shown in results and errors.</param>
    /// <param name="daysPerYear">Days in a year, between 360 and 367.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="daysPerYear"/> is outside [360, 367].</exception>
    public CalendarConvention(string name, decimal daysPerYear)
    {
        Name = Guard.NotBlank(name);
        if (daysPerYear < 360m || daysPerYear > 367m)
        {
            throw Guard.OutOfRange(nameof(daysPerYear), "between 360 and 367", Guard.Show(daysPerYear));
        }

        DaysPerYear = daysPerYear;
    }

    /// <summary>365.25 days a year (the Julian year used by astronomers and most analytics).</summary>
    public static CalendarConvention Julian { get; } = new("Julian 365.25 days/year", 365.25m);

    /// <summary>365 days a year.</summary>
    public static CalendarConvention Days365 { get; } = new("365 days/year", 365m);

    /// <summary>A short name.</summary>
    public string Name { get; }

    /// <summary>Days in a year under this convention.</summary>
    public decimal DaysPerYear { get; }

    /// <summary>Length of one unit in days under this convention (exact for day and week).</summary>
    /// <param name="unit">The unit.</param>
    /// <returns>Days per unit.</returns>
    public decimal DaysPer(TimeUnit unit) => unit switch
    {
        TimeUnit.Day => 1m,
        TimeUnit.Week => 7m,
        TimeUnit.Month => DaysPerYear / 12m,
        TimeUnit.Year => DaysPerYear,
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, $"unit must be a defined TimeUnit (was '{unit}')."),
    };

    /// <summary>Converts an amount of time, exactly where the units allow and through this convention's days otherwise.</summary>
    /// <param name="value">The amount in <paramref name="from"/> units.</param>
    /// <param name="from">The source unit.</param>
    /// <param name="to">The target unit.</param>
    /// <returns>The amount in <paramref name="to"/> units.</returns>
    public decimal Convert(decimal value, TimeUnit from, TimeUnit to) =>
        TimeUnits.TryConvert(value, from, to, out var exact) ? exact : value * DaysPer(from) / DaysPer(to);

    /// <summary>The name and days per year.</summary>
    /// <returns>Display text.</returns>
    public override string ToString() => $"{Name} ({DaysPerYear.ToString(CultureInfo.InvariantCulture)} days/year)";
}
