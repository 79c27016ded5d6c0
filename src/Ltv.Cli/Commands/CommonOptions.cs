using System.CommandLine;
using System.Globalization;
using Ltv.Cli.Parsing;
using Ltv.Core.Domain;
using Ltv.Core.History;
using Ltv.Core.IO;

namespace Ltv.Cli.Commands;

/// <summary>Options and value parsing shared by the model commands (fit, predict, clv).</summary>
internal static class CommonOptions
{
    public static Option<string?> Output(string what) => new("--output", "-o") { Description = $"{what} (default, or -: standard output)" };

    /// <summary>The time unit of the summary's recency and T; no default value so that commands can tell "not given".</summary>
    public static Option<string?> Unit(string description)
    {
        var unit = new Option<string?>("--unit") { Description = description };
        Choices.Restrict(unit, "day", "week", "month", "year");
        return unit;
    }

    /// <summary>The unit given with --unit, or week.</summary>
    public static TimeUnit UnitOrWeek(ParseResult parse, Option<string?> unit) =>
        parse.GetValue(unit) is { } text ? QuantityParser.Unit(text, "--unit") : TimeUnit.Week;

    /// <summary>
    /// The time unit of a summary: the one its time_unit column records, else --unit, else week. --unit must agree
    /// with the file's unit: a mismatch is a data error naming both.
    /// </summary>
    public static TimeUnit SummaryUnit(ParseResult parse, Option<string?> unit, CustomerSummaries table)
    {
        var text = parse.GetValue(unit);
        var stated = text is null ? (TimeUnit?)null : QuantityParser.Unit(text, "--unit");
        if (table.Unit is { } recorded)
        {
            return stated is { } s && s != recorded
                ? throw new InvalidDataException($"{table.Source}: the summary is in {Plural(recorded)} (column {SummaryCsvReader.UnitColumn}), but --unit says {Plural(s)} (was '{text}').")
                : recorded;
        }

        return stated ?? TimeUnit.Week;
    }

    /// <summary>A model's unit must be the summary's: the unit its file records, and the unit --unit states.</summary>
    public static void CheckModelUnit(ParseResult parse, Option<string?> unit, TimeUnit modelUnit, string modelFile, CustomerSummaries table)
    {
        CheckUnit(parse, unit, modelUnit, modelFile);
        if (table.Unit is { } recorded && recorded != modelUnit)
        {
            throw new InvalidDataException($"{modelFile}: the model was fitted on data in {Plural(modelUnit)}, but the summary {table.Source} is in {Plural(recorded)} (column {SummaryCsvReader.UnitColumn}); refit on this summary or summarize in {Plural(modelUnit)}.");
        }
    }

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
