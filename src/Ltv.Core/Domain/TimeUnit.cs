namespace Ltv.Core.Domain;

/// <summary>
/// A unit of time. Conversions are exact within a family (a week is 7 days; a year is 12 months) and
/// need a caller-chosen <see cref="CalendarConvention"/> across families (days or weeks to months or years).
/// </summary>
public enum TimeUnit
{
    /// <summary>A day.</summary>
    Day,

    /// <summary>A week: exactly 7 days.</summary>
    Week,

    /// <summary>A month: exactly 1/12 year; its length in days depends on the <see cref="CalendarConvention"/>.</summary>
    Month,

    /// <summary>A year: exactly 12 months.</summary>
    Year,
}
