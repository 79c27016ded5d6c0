namespace Ltv.Core.Domain;

/// <summary>
/// Thrown when two quantities in time units that have no exact conversion meet (for example a rate
/// per year and a duration in days) and no <see cref="CalendarConvention"/> was given, or when a
/// strategy is handed inputs whose periods disagree. Ltv.Core never guesses how long a month is.
/// </summary>
public sealed class UnitMismatchException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="from">The unit being converted.</param>
    /// <param name="to">The unit required.</param>
    /// <param name="context">What was being computed, shown in the message.</param>
    public UnitMismatchException(TimeUnit from, TimeUnit to, string context)
        : base($"Cannot combine {Plural(from)} with {Plural(to)} in {context}: there is no exact conversion. " +
               "Convert explicitly with a CalendarConvention (for example CalendarConvention.Julian, 365.25 days a year) or give both in one unit.")
    {
        From = from;
        To = to;
    }

    /// <summary>The unit being converted.</summary>
    public TimeUnit From { get; }

    /// <summary>The unit required.</summary>
    public TimeUnit To { get; }

    private static string Plural(TimeUnit unit) => unit.ToString().ToLowerInvariant() + "s";
}
