using System.Globalization;

using Ltv.Core.Domain;
using Ltv.Core.Validation;

namespace Ltv.Core.History;

/// <summary>
/// How a purchase log is summarised per customer: the observation end, an optional calibration end
/// (rows after it form the holdout period), the time unit, and how rows collapse into transactions.
/// </summary>
/// <remarks>
/// <para>Dates are inclusive: a row dated on <see cref="CalibrationEnd"/> belongs to the calibration period,
/// a row dated the day after to the holdout period. Age T is measured from the first purchase to the
/// calibration end (or to the observation end when there is no calibration split).</para>
/// <para>Week is exactly 7 days. Month and year have no exact length in days, so they need a
/// <see cref="CalendarConvention"/> (for example <see cref="CalendarConvention.Julian"/>, 365.25 days a
/// year, a month being 1/12 of it) with <see cref="TransactionGrouping.SameDay"/>; with
/// <see cref="TransactionGrouping.SamePeriod"/> calendar months and years are counted and no convention is used.</para>
/// </remarks>
public sealed record SummaryOptions
{
    /// <summary>Creates options.</summary>
    /// <param name="observationEnd">The last day of observation; rows after it are rejected.</param>
    /// <param name="unit">The time unit of recency and age.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unit"/> is not a defined unit.</exception>
    public SummaryOptions(DateOnly observationEnd, TimeUnit unit)
    {
        ObservationEnd = observationEnd;
        Unit = unit;
    }

    /// <summary>The last observed day (inclusive).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is before <see cref="CalibrationEnd"/>.</exception>
    public DateOnly ObservationEnd
    {
        get;
        init => field = CalibrationEnd is { } cal && cal > value ? throw CalibrationAfterObservation(cal, value) : value;
    }

    /// <summary>The last day of the calibration period (inclusive); <see langword="null"/> for no holdout period.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is after <see cref="ObservationEnd"/>.</exception>
    public DateOnly? CalibrationEnd
    {
        get;
        init => field = value is { } cal && cal > ObservationEnd ? throw CalibrationAfterObservation(cal, ObservationEnd) : value;
    }

    /// <summary>The time unit of recency and age.</summary>
    public TimeUnit Unit
    {
        get;
        init => field = Guard.Defined(value, "unit");
    }

    /// <summary>How rows collapse into transactions; <see cref="TransactionGrouping.SameDay"/> by default.</summary>
    public TransactionGrouping Grouping
    {
        get;
        init => field = Guard.Defined(value, "grouping");
    }

    /// <summary>The days-per-year convention, required for month and year units with same-day grouping.</summary>
    public CalendarConvention? Convention { get; init; }

    /// <summary>The end of the calibration period: <see cref="CalibrationEnd"/> or, without a split, <see cref="ObservationEnd"/>.</summary>
    public DateOnly EffectiveCalibrationEnd => CalibrationEnd ?? ObservationEnd;

    /// <summary>Whether transactions are whole calendar periods (same-period grouping in a unit above a day), so times count periods.</summary>
    internal bool CountsPeriods => Grouping == TransactionGrouping.SamePeriod && Unit != TimeUnit.Day;

    /// <summary>Days in one unit of recency and T: 1 when periods are counted, else 1, 7, or the convention's days in a month or year.</summary>
    internal double DaysPerUnit => CountsPeriods ? 1d : (double)(Unit switch
    {
        TimeUnit.Day => 1m,
        TimeUnit.Week => 7m,
        _ => Convention!.DaysPer(Unit),
    });

    /// <summary>
    /// Checks what depends on three properties that an object initializer may set in any order (unit, grouping
    /// and convention), so it cannot be checked when one of them is set; everything else is checked at construction.
    /// </summary>
    /// <exception cref="UnitMismatchException">Month or year with same-day grouping and no <see cref="Convention"/>.</exception>
    internal void Validate()
    {
        if (Grouping == TransactionGrouping.SameDay && Unit is TimeUnit.Month or TimeUnit.Year && Convention is null)
        {
            throw new UnitMismatchException(TimeUnit.Day, Unit, "a purchase-log summary (set SummaryOptions.Convention, for example CalendarConvention.Julian)");
        }
    }

    private static ArgumentOutOfRangeException CalibrationAfterObservation(DateOnly calibrationEnd, DateOnly observationEnd) =>
        new(nameof(calibrationEnd), calibrationEnd, string.Create(CultureInfo.InvariantCulture, $"calibrationEnd must be on or before the observation end {observationEnd:yyyy-MM-dd} (was '{calibrationEnd:yyyy-MM-dd}')."));
}
