using System.CommandLine;
using Ltv.Cli.Input;
using Ltv.Cli.Output;
using Ltv.Cli.Parsing;
using Ltv.Core.Domain;
using Ltv.Core.History;
using Ltv.Core.IO;
using Ltv.Core.Probabilistic.Catalog;
using Ltv.Core.Probabilistic.Clv;
using Ltv.Core.Probabilistic.Models;

namespace Ltv.Cli.Commands;

/// <summary>
/// <c>ltv clv --count-model M.json --spend-model G.json SUMMARY --months N --discount-rate d</c>: per customer
/// <c>customer_id,clv</c> with lifetimes' convention (<see cref="ClvOptions.Monthly"/>: months of 4.345 weeks or
/// 30 days, discount (1 + d)^i for month i), <c>--step-weeks</c> overriding the month length of weekly models.
/// </summary>
internal static class ClvCommand
{
    public static Command Create(ModelCatalog catalog, TextWriter output)
    {
        var countModel = new Option<string>("--count-model") { Description = "a BG/NBD, MBG/NBD or Pareto/NBD model JSON written by 'ltv fit' (- for standard input)", Required = true };
        var spendModel = new Option<string>("--spend-model") { Description = "a Gamma-Gamma model JSON written by 'ltv fit gg' (- for standard input)", Required = true };
        var summary = new Argument<string>("SUMMARY") { Description = "the summary (CSV, or Parquet ending in .parquet) written by 'ltv summarize', or - for standard input" };
        var months = new Option<string>("--months") { Description = "number of monthly steps (lifetimes' time), 1 to 100000", Required = true };
        var discountRate = new Option<string>("--discount-rate") { Description = "discount rate per month (lifetimes' discount_rate), e.g. 0.01", Required = true };
        var stepWeeks = new Option<string?>("--step-weeks") { Description = "length of a step in weeks for weekly models (default 4.345, lifetimes' month)" };
        var margin = new Option<string?>("--margin") { Description = "gross margin applied to spend, a fraction in [0, 1] (default 1: revenue, as lifetimes)" };
        var unit = CommonOptions.Unit("time unit of the summary; must be the count model's unit (default: the model's)");
        var outputPath = CommonOptions.Output("output CSV file");

        var command = new Command("clv", "Customer lifetime value per customer from a fitted count model and a fitted Gamma-Gamma model.")
        {
            countModel, spendModel, summary, months, discountRate, stepWeeks, margin, unit, outputPath,
        };
        command.SetAction(parse =>
        {
            var monthsText = parse.GetValue(months)!;
            var steps = int.TryParse(monthsText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var m) && m is >= 1 and <= 100_000
                ? m
                : throw new UsageException($"--months: must be a whole number from 1 to 100000 (was '{monthsText}').");
            var rate = CommonOptions.Double(parse.GetValue(discountRate)!, "--discount-rate", d => d > -1, "a finite number greater than -1");
            GrossMargin? grossMargin = null;
            if (parse.GetValue(margin) is { } marginText)
            {
                var fraction = QuantityParser.Number(marginText, "--margin");
                grossMargin = QuantityParser.Build(() => new GrossMargin(fraction), "--margin", marginText);
            }

            double? weeks = parse.GetValue(stepWeeks) is { } weeksText ? CommonOptions.Double(weeksText, "--step-weeks", w => w > 0, "a finite positive number") : null;
            var countPath = parse.GetValue(countModel)!;
            var spendPath = parse.GetValue(spendModel)!;
            OutputPaths.Check(
                [("--count-model", countPath), ("--spend-model", spendPath), ("SUMMARY", parse.GetValue(summary))],
                [("--output", parse.GetValue(outputPath))]);
            var count = InputFile.LoadModel(catalog, countPath, "--count-model");
            var purchases = count.Model as ICountModel
                ?? throw new InvalidDataException($"{InputFile.DisplayName(countPath)}: holds a {count.Definition.Name} model, but --count-model needs a purchase-count model (column ModelName, was '{count.Definition.Name}').");
            var spend = InputFile.LoadModel(catalog, spendPath, "--spend-model");
            var spendModelValue = spend.Model as GammaGammaModel
                ?? throw new InvalidDataException($"{InputFile.DisplayName(spendPath)}: holds a {spend.Definition.Name} model, but --spend-model needs a Gamma-Gamma model (column ModelName, was '{spend.Definition.Name}').");
            var table = InputFile.ReadSummary(parse.GetValue(summary)!, "SUMMARY", SummaryCsvReader.LifetimesColumns);
            CommonOptions.CheckModelUnit(parse, unit, purchases.Unit, countPath, table);
            ClvOptions options;
            if (weeks is { } w)
            {
                options = purchases.Unit == TimeUnit.Week
                    ? new ClvOptions(steps, w, rate, grossMargin, TimeUnit.Week)
                    : throw new UsageException($"--step-weeks: only for weekly models; the count model {countPath} is in {CommonOptions.Plural(purchases.Unit)}.");
            }
            else
            {
                options = ClvOptions.Monthly(purchases.Unit, steps, rate, grossMargin);
            }

            var values = Values(new ClvCalculator(purchases, spendModelValue, options), table, spendPath);
            CsvOutput.Write(parse.GetValue(outputPath), output, writer =>
            {
                writer.WriteLine("customer_id,clv");
                for (var i = 0; i < table.Count; i++)
                {
                    writer.WriteLine($"{CsvOutput.Field(table.CustomerIds[i])},{CsvOutput.Number(values[i])}");
                }
            });
            return ExitCodes.Success;
        });
        return command;
    }

    private static double[] Values(ClvCalculator calculator, CustomerSummaries table, string spendSource)
    {
        var values = new double[table.Count];
        try
        {
            calculator.Values(table.Column(CustomerSummaries.FrequencyColumn), table.Recency, table.Age, table.Monetary, values);
        }
        catch (InvalidOperationException ex)
        {
            throw new InvalidDataException($"{spendSource}: the Gamma-Gamma model cannot value the customers of {table.Source} ({ex.Message})", ex);
        }

        return values;
    }
}
