namespace Ltv.Core.Domain;

/// <summary>Exact conversions between <see cref="TimeUnit"/> values.</summary>
public static class TimeUnits
{
    /// <summary>
    /// Converts an amount of time (or a count per unit, inverted by the caller) from one unit to
    /// another when an exact ratio exists: day and week (7), month and year (12), and any unit to
    /// itself. Multiplies or divides by the whole ratio, so 3 months is exactly 0.25 years.
    /// </summary>
    /// <param name="value">The amount in <paramref name="from"/> units.</param>
    /// <param name="from">The source unit.</param>
    /// <param name="to">The target unit.</param>
    /// <param name="result">The amount in <paramref name="to"/> units.</param>
    /// <returns><see langword="false"/> when the conversion needs a <see cref="CalendarConvention"/>.</returns>
    public static bool TryConvert(decimal value, TimeUnit from, TimeUnit to, out decimal result)
    {
        (result, var ok) = (from, to) switch
        {
            _ when from == to => (value, true),
            (TimeUnit.Week, TimeUnit.Day) => (value * 7m, true),
            (TimeUnit.Day, TimeUnit.Week) => (value / 7m, true),
            (TimeUnit.Year, TimeUnit.Month) => (value * 12m, true),
            (TimeUnit.Month, TimeUnit.Year) => (value / 12m, true),
            _ => (0m, false),
        };
        return ok;
    }

    /// <summary>Converts an amount of time exactly, or throws naming both units.</summary>
    /// <param name="value">The amount in <paramref name="from"/> units.</param>
    /// <param name="from">The source unit.</param>
    /// <param name="to">The target unit.</param>
    /// <param name="context">What is being computed, for the error message.</param>
    /// <returns>The amount in <paramref name="to"/> units.</returns>
    /// <exception cref="UnitMismatchException">No exact conversion exists.</exception>
    public static decimal Convert(decimal value, TimeUnit from, TimeUnit to, string context) =>
        TryConvert(value, from, to, out var result) ? result : throw new UnitMismatchException(from, to, context);

    /// <summary><see langword="true"/> when the two units convert exactly into each other.</summary>
    /// <param name="a">One unit.</param>
    /// <param name="b">The other unit.</param>
    /// <returns>Whether the ratio is exact.</returns>
    public static bool AreExactlyConvertible(TimeUnit a, TimeUnit b) => TryConvert(1m, a, b, out _);

    /// <summary>The singular lower-case name, for messages ("month").</summary>
    /// <param name="unit">The unit.</param>
    /// <returns>The name.</returns>
    public static string Name(TimeUnit unit) => unit.ToString().ToLowerInvariant();
}
