using System.CommandLine;
using System.Globalization;
using Ltv.Cli.Parsing;
using Ltv.Core.Domain;

namespace Ltv.Cli.Commands;

/// <summary>Options and value parsing shared by the model commands (fit, predict, clv).</summary>
internal static class CommonOptions
{
    public static Option<string?> Output(string what) => new("--output", "-o") { Description = $"{what} (default, or -: standard output)" };

    /// <summary>The time unit of the summary's recency and T; no default value so that commands can tell "not given".</summary>
    public static Option<string?> Unit(string description)
    {
        var unit = new Option<string?>("--unit") { Description = description };
        unit.AcceptOnlyFromAmong("day", "week", "month", "year");
        return unit;
    }

    /// <summary>The unit given with --unit, or week.</summary>
    public static TimeUnit UnitOrWeek(ParseResult parse, Option<string?> unit) =>
        parse.GetValue(unit) is { } text ? QuantityParser.Unit(text, "--unit") : TimeUnit.Week;

    /// <summary>A model file's unit must be the summary's unit when --unit states it.</summary>
    public static void CheckUnit(ParseResult parse, Option<string?> unit, TimeUnit modelUnit, string modelFile)
    {
        if (parse.GetValue(unit) is { } text && QuantityParser.Unit(text, "--unit") is var stated && stated != modelUnit)
        {
            throw new InvalidDataException($"{modelFile}: the model was fitted on data in {Plural(modelUnit)}, but --unit says the summary is in {Plural(stated)} (was '{text}').");
        }
    }

    /// <summary>Parses an invariant-culture double for an option; a usage error names the option and the text.</summary>
    public static double Double(string text, string option, Func<double, bool> valid, string expected)
    {
        return double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) && valid(value)
            ? value
            : throw new UsageException($"{option}: must be {expected} with '.' decimals (was '{text}').");
    }

    public static string Plural(TimeUnit unit) => unit.ToString().ToLowerInvariant() + "s";
}
