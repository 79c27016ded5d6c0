using System.Globalization;
using Ltv.Core.Domain;

namespace Ltv.Cli.Parsing;

/// <summary>Parses quantities with units from the command line: "3 years", "36mo", "6/year", "0.1 per month".</summary>
internal static class QuantityParser
{
    private static readonly (string Suffix, TimeUnit Unit)[] Units =
    [
        ("days", TimeUnit.Day), ("day", TimeUnit.Day), ("d", TimeUnit.Day),
        ("weeks", TimeUnit.Week), ("week", TimeUnit.Week), ("w", TimeUnit.Week),
        ("months", TimeUnit.Month), ("month", TimeUnit.Month), ("mo", TimeUnit.Month),
        ("years", TimeUnit.Year), ("year", TimeUnit.Year), ("y", TimeUnit.Year),
    ];

    /// <summary>Parses a unit name: day, week, month, year (singular, plural or short).</summary>
    public static TimeUnit Unit(string text, string option)
    {
        var trimmed = text.Trim().ToLowerInvariant();
        foreach (var (suffix, unit) in Units)
        {
            if (trimmed == suffix)
            {
                return unit;
            }
        }

        throw new UsageException($"{option}: '{text}' is not a time unit (use day, week, month or year).");
    }

    /// <summary>Parses "3 years", "3years", "36mo", "90 d".</summary>
    public static Duration Duration(string text, string option)
    {
        var (number, unitText) = Split(text, option, "a duration such as '3 years' or '36 months'");
        return Build(() => new Duration(number, Unit(unitText, option)), option, text);
    }

    /// <summary>Parses a per-period quantity: "6/year", "6 per year", "0.1/month".</summary>
    public static (decimal Value, TimeUnit Per) PerPeriod(string text, string option)
    {
        var normalized = text.Replace(" per ", "/", StringComparison.OrdinalIgnoreCase);
        var slash = normalized.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            throw new UsageException($"{option}: '{text}' needs a period, such as '6/year' or '0.1 per month'.");
        }

        var number = Number(normalized[..slash], option, text);
        return (number, Unit(normalized[(slash + 1)..], option));
    }

    /// <summary>Parses an invariant-culture decimal ("0.25").</summary>
    public static decimal Number(string text, string option, string? whole = null)
    {
        if (!decimal.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            throw new UsageException($"{option}: '{whole ?? text}' is not a number (use '.' for decimals).");
        }

        return value;
    }

    /// <summary>Runs a domain constructor and turns its validation error into a usage error naming the option.</summary>
    public static T Build<T>(Func<T> build, string option, string text)
    {
        try
        {
            return build();
        }
        catch (ArgumentException ex)
        {
            var reason = DataErrors.Reason(ex);
            throw new UsageException(reason.StartsWith("must ", StringComparison.Ordinal) ? $"{option}: {reason}." : $"{option}: '{text}' is not valid: {reason}.", ex);
        }
    }

    private static (decimal Number, string Unit) Split(string text, string option, string expected)
    {
        var trimmed = text.Trim();
        var i = 0;
        while (i < trimmed.Length && (char.IsDigit(trimmed[i]) || trimmed[i] is '.' or '-' or '+'))
        {
            i++;
        }

        if (i == 0 || i == trimmed.Length)
        {
            throw new UsageException($"{option}: '{text}' is not {expected}.");
        }

        return (Number(trimmed[..i], option, text), trimmed[i..]);
    }
}
