using System.CommandLine;
using System.Globalization;
using Ltv.Cli.Input;
using Ltv.Cli.Output;
using Ltv.Core.History;
using Ltv.Core.IO;
using Ltv.Core.Parquet;
using Ltv.Core.Probabilistic.Catalog;

namespace Ltv.Cli.Commands;

/// <summary>
/// <c>ltv predict (MODEL_JSON | MODEL --param name=value ...) SUMMARY</c>: per customer <c>customer_id</c> and the
/// prediction columns the model declares (count models: <c>expected_purchases,p_alive</c> over <c>--horizon</c>;
/// Gamma-Gamma: <c>expected_avg_spend</c>); the model comes from a fitted JSON or from given parameters.
/// </summary>
internal static class PredictCommand
{
    public static Command Create(ModelCatalog catalog, TextWriter output)
    {
        var keys = string.Join(" | ", catalog.Keys);
        var model = new Argument<string>("MODEL") { Description = $"a model JSON written by 'ltv fit' (- for standard input), or a model name ({keys}) with --param" };
        var summary = new Argument<string>("SUMMARY") { Description = "the summary (CSV, or Parquet ending in .parquet) written by 'ltv summarize', or - for standard input" };
        var parameters = new Option<string[]>("--param") { Description = "name=value of a model parameter, once per parameter (with a model name): " + string.Join("; ", catalog.Definitions.Select(d => $"{d.Key} {string.Join(", ", d.ParameterNames)}")) };
        var horizon = new Option<string?>("--horizon") { Description = "predict purchases in (T, T + horizon], in the summary's time unit (required by the models that predict over a horizon: " + string.Join(", ", catalog.Definitions.Where(d => d.PredictionNeedsHorizon).Select(d => d.Key)) + ")" };
        var unit = CommonOptions.Unit("time unit of the summary when the file does not record it: day | week (default) | month | year; it must be the file's and the model's");
        var outputPath = CommonOptions.Output("output file: CSV, or Apache Parquet when it ends in .parquet");

        var command = new Command("predict", "Predict per customer what the model predicts: " + string.Join("; ", catalog.Definitions.Select(d => $"{d.Key} {string.Join(", ", d.PredictionColumns)}")) + ".")
        {
            model, summary, parameters, horizon, unit, outputPath,
        };
        command.SetAction(parse =>
        {
            var modelText = parse.GetValue(model)!;
            var assignments = parse.GetValue(parameters) ?? [];
            OutputPaths.Check([("MODEL", File.Exists(modelText) ? modelText : null), ("SUMMARY", parse.GetValue(summary))], [("--output", parse.GetValue(outputPath))]);
            FittedModel loaded;
            CustomerSummaries table;
            if (catalog.TryFind(modelText, out var definition))
            {
                table = InputFile.ReadSummary(parse.GetValue(summary)!, "SUMMARY", definition.InputColumns);
                loaded = Build(definition, assignments, CommonOptions.SummaryUnit(parse, unit, table));
            }
            else
            {
                if (assignments.Length > 0)
                {
                    throw new UsageException($"--param: only with a model name ({string.Join(", ", catalog.Keys)}), not with a model file (was '{modelText}').");
                }

                if (Directory.Exists(modelText))
                {
                    throw new UsageException($"MODEL: '{modelText}' is a directory, not a model file; give the path of a model JSON written by 'ltv fit', or a model name ({string.Join(", ", catalog.Keys)}).");
                }

                if (!InputFile.IsStandardInput(modelText) && !File.Exists(modelText))
                {
                    throw new UsageException($"MODEL: '{modelText}' is neither a model name ({string.Join(", ", catalog.Keys)}) nor an existing model file.");
                }

                loaded = InputFile.LoadModel(catalog, modelText, "MODEL");
                definition = loaded.Definition;
                table = InputFile.ReadSummary(parse.GetValue(summary)!, "SUMMARY", definition.InputColumns);
                if (loaded.Unit is { } modelUnit)
                {
                    CommonOptions.CheckModelUnit(parse, unit, modelUnit, InputFile.DisplayName(modelText), table);
                }
            }

            var horizonText = parse.GetValue(horizon);
            double? t = horizonText is null ? null : CommonOptions.Double(horizonText, "--horizon", v => v >= 0, "a finite number, zero or more");
            if (definition.PredictionNeedsHorizon && t is null)
            {
                throw new UsageException($"--horizon: the {definition.Name} model needs the horizon of the prediction, e.g. --horizon 39.");
            }

            if (!definition.PredictionNeedsHorizon && t is not null)
            {
                throw new UsageException($"--horizon: the {definition.Name} model does not predict over a horizon ({string.Join(", ", definition.PredictionColumns)}); leave --horizon out.");
            }

            var predictions = loaded.Predict(table, t);
            if (CsvOutput.IsParquet(parse.GetValue(outputPath)))
            {
                CsvOutput.WriteBinary(parse.GetValue(outputPath)!, stream => ParquetPredictionWriter.WriteAsync(stream, table.CustomerIds, predictions).GetAwaiter().GetResult());
                return ExitCodes.Success;
            }

            CsvOutput.Write(parse.GetValue(outputPath), output, writer =>
            {
                writer.WriteLine(string.Join(',', predictions.Columns.Prepend(SummaryCsvReader.IdColumn)));
                for (var i = 0; i < table.Count; i++)
                {
                    writer.Write(CsvOutput.Field(table.CustomerIds[i]));
                    for (var c = 0; c < predictions.Columns.Count; c++)
                    {
                        writer.Write(',');
                        writer.Write(CsvOutput.Number(predictions.Values(c)[i]));
                    }

                    writer.WriteLine();
                }
            });
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Builds a model from <c>--param name=value</c> options: every parameter of the model exactly once, nothing else.</summary>
    private static FittedModel Build(ModelDefinition definition, IReadOnlyList<string> assignments, Core.Domain.TimeUnit unit)
    {
        var names = definition.ParameterNames.ToArray();
        var values = new double[names.Length];
        var given = new bool[names.Length];
        foreach (var assignment in assignments)
        {
            var equals = assignment.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new UsageException($"--param: '{assignment}' is not name=value (e.g. --param {names[0]}=0.5).");
            }

            var name = assignment[..equals].Trim();
            var i = Array.IndexOf(names, name);
            if (i < 0)
            {
                throw new UsageException($"--param: '{name}' is not a parameter of {definition.Key} (its parameters are {string.Join(", ", names)}).");
            }

            if (given[i])
            {
                throw new UsageException($"--param: '{name}' is given twice.");
            }

            var text = assignment[(equals + 1)..].Trim();
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]) || !double.IsFinite(values[i]) || values[i] <= 0)
            {
                throw new UsageException($"--param: {name} must be a finite positive number with '.' decimals (was '{text}').");
            }

            given[i] = true;
        }

        var missing = names.Where((_, i) => !given[i]).ToArray();
        if (missing.Length > 0)
        {
            throw new UsageException($"--param: {definition.Key} needs {string.Join(", ", names)}; missing {string.Join(", ", missing)} (e.g. --param {missing[0]}=1).");
        }

        try
        {
            return definition.Create(values, unit);
        }
        catch (ArgumentOutOfRangeException ex) when (ex.ParamName is { } p && names.Contains(p))
        {
            throw new UsageException($"--param {p}: {ex.Message.Replace($" (Parameter '{p}')", string.Empty, StringComparison.Ordinal)}");
        }
    }
}
