using System.CommandLine;
using Ltv.Cli.Input;
using Ltv.Cli.Models;
using Ltv.Cli.Output;
using Ltv.Core.Probabilistic.Models;

namespace Ltv.Cli.Commands;

/// <summary>
/// <c>ltv predict (MODEL_JSON | MODEL --param name=value ...) SUMMARY</c>: per customer
/// <c>customer_id,expected_purchases,p_alive</c> for a count model over <c>--horizon</c>, or
/// <c>customer_id,expected_avg_spend</c> for Gamma-Gamma; the model comes from a fitted JSON or from given parameters.
/// </summary>
internal static class PredictCommand
{
    public static Command Create(TextWriter output)
    {
        var model = new Argument<string>("MODEL") { Description = "a model JSON written by 'ltv fit' (- for standard input), or a model name (bgnbd | mbgnbd | pnbd | gg) with --param" };
        var summary = new Argument<string>("SUMMARY") { Description = "the summary CSV written by 'ltv summarize', or - for standard input" };
        var parameters = new Option<string[]>("--param") { Description = "name=value of a model parameter, once per parameter (with a model name): bgnbd/mbgnbd r, alpha, a, b; pnbd r, alpha, s, beta; gg p, q, gamma" };
        var horizon = new Option<string?>("--horizon") { Description = "count models: predict purchases in (T, T + horizon], in the summary's time unit (required for count models, not taken by gg)" };
        var unit = CommonOptions.Unit("time unit of the summary: with --param day | week (default) | month | year; with a model JSON it must be the model's unit (default: the model's)");
        var outputPath = CommonOptions.Output("output CSV file");

        var command = new Command("predict", "Predict expected purchases and P(alive) (count models) or expected average spend (gg) per customer.")
        {
            model, summary, parameters, horizon, unit, outputPath,
        };
        command.SetAction(parse =>
        {
            var modelText = parse.GetValue(model)!;
            OutputPaths.Check([("MODEL", File.Exists(modelText) ? modelText : null), ("SUMMARY", parse.GetValue(summary))], [("--output", parse.GetValue(outputPath))]);
            var assignments = parse.GetValue(parameters) ?? [];
            LoadedModel loaded;
            if (ModelKinds.TryParse(modelText, out var kind))
            {
                loaded = ModelParameters.Build(kind, assignments, CommonOptions.UnitOrWeek(parse, unit));
            }
            else
            {
                if (assignments.Length > 0)
                {
                    throw new UsageException($"--param: only with a model name ({string.Join(", ", ModelKinds.CommandNames)}), not with a model file (was '{modelText}').");
                }

                if (Directory.Exists(modelText))
                {
                    throw new UsageException($"MODEL: '{modelText}' is a directory, not a model file; give the path of a model JSON written by 'ltv fit', or a model name ({string.Join(", ", ModelKinds.CommandNames)}).");
                }

                if (!InputFile.IsStandardInput(modelText) && !File.Exists(modelText))
                {
                    throw new UsageException($"MODEL: '{modelText}' is neither a model name ({string.Join(", ", ModelKinds.CommandNames)}) nor an existing model file.");
                }

                loaded = ModelFile.Load(modelText, "MODEL");
                if (loaded.Count is { } c)
                {
                    CommonOptions.CheckUnit(parse, unit, c.Unit, loaded.Source);
                }
            }

            var horizonText = parse.GetValue(horizon);
            double? t = horizonText is null ? null : CommonOptions.Double(horizonText, "--horizon", v => v >= 0, "a finite number, zero or more");
            if (loaded.Count is not null && t is null)
            {
                throw new UsageException("--horizon: a count model needs the horizon of the prediction, e.g. --horizon 39.");
            }

            if (loaded.Spend is not null && t is not null)
            {
                throw new UsageException("--horizon: the Gamma-Gamma model predicts spend per purchase, not purchases in a horizon; leave --horizon out.");
            }

            var table = SummaryReader.Read(parse.GetValue(summary)!, "SUMMARY");
            CsvOutput.Write(parse.GetValue(outputPath), output, writer =>
            {
                if (loaded.Count is { } count)
                {
                    WriteCount(writer, count, t!.Value, table);
                }
                else
                {
                    WriteSpend(writer, loaded.Spend!, loaded.Source, table);
                }
            });
            return ExitCodes.Success;
        });
        return command;
    }

    private static void WriteCount(TextWriter writer, ICountModel model, double horizon, SummaryTable table)
    {
        var expected = new double[table.Count];
        var alive = new double[table.Count];
        model.ConditionalExpectedPurchases(horizon, table.Frequency, table.Recency, table.Age, expected);
        model.ProbabilityAlive(table.Frequency, table.Recency, table.Age, alive);
        writer.WriteLine("customer_id,expected_purchases,p_alive");
        for (var i = 0; i < table.Count; i++)
        {
            writer.WriteLine($"{CsvOutput.Field(table.CustomerIds[i])},{CsvOutput.Number(expected[i])},{CsvOutput.Number(alive[i])}");
        }
    }

    private static void WriteSpend(TextWriter writer, GammaGammaModel model, string source, SummaryTable table)
    {
        writer.WriteLine("customer_id,expected_avg_spend");
        for (var i = 0; i < table.Count; i++)
        {
            double spend;
            try
            {
                spend = model.ConditionalExpectedSpend(table.Frequency[i], table.Monetary[i]);
            }
            catch (InvalidOperationException ex)
            {
                throw new InvalidDataException($"{source}: the model cannot predict the spend of {table.File}, line {table.Lines[i]} ({ex.Message})", ex);
            }

            writer.WriteLine($"{CsvOutput.Field(table.CustomerIds[i])},{CsvOutput.Number(spend)}");
        }
    }
}
