using Ltv.Core.Domain;

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
    public DateOnly ObservationEnd { get; init; }

    /// <summary>The last day of the calibration period (inclusive); <see langword="null"/> for no holdout period.</summary>
    public DateOnly? CalibrationEnd { get; init; }

    /// <summary>The time unit of recency and age.</summary>
    public TimeUnit Unit
    {
        get;
        init => field = Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException("unit", value, $"unit must be a defined TimeUnit (was '{value}').");
    }

    /// <summary>How rows collapse into transactions; <see cref="TransactionGrouping.SameDay"/> by default.</summary>
    public TransactionGrouping Grouping
    {
        get;
        init => field = Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException("grouping", value, $"grouping must be a defined TransactionGrouping (was '{value}').");
    }

    /// <summary>The days-per-year convention, required for month and year units with same-day grouping.</summary>
    public CalendarConvention? Convention { get; init; }

    /// <summary>The end of the calibration period: <see cref="CalibrationEnd"/> or, without a split, <see cref="ObservationEnd"/>.</summary>
    public DateOnly EffectiveCalibrationEnd => CalibrationEnd ?? ObservationEnd;

    /// <summary>Checks the options as a whole.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The calibration end is after the observation end.</exception>
    /// <exception cref="UnitMismatchException">Month or year with same-day grouping and no <see cref="Convention"/>.</exception>
    internal void Validate()
    {
        if (CalibrationEnd is { } cal && cal > ObservationEnd)
        {
            throw new ArgumentOutOfRangeException("calibrationEnd", cal, $"calibrationEnd must be on or before the observation end {ObservationEnd:yyyy-MM-dd} (was '{cal:yyyy-MM-dd}').");
        }

        if (Grouping == TransactionGrouping.SameDay && Unit is TimeUnit.Month or TimeUnit.Year && Convention is null)
        {
            throw new UnitMismatchException(TimeUnit.Day, Unit, "a purchase-log summary (set SummaryOptions.Convention, for example CalendarConvention.Julian)");
        }
    }
}
