using System.CommandLine;
using System.Globalization;
using Ltv.Cli.Input;
using Ltv.Cli.Models;
using Ltv.Cli.Output;
using Ltv.Core.Domain;
using Ltv.Core.History;
using Ltv.Core.Probabilistic.Fitting;
using Ltv.Core.Probabilistic.Models;
using Ltv.Core.Probabilistic.Serialization;

namespace Ltv.Cli.Commands;

/// <summary>
/// <c>ltv fit MODEL SUMMARY</c>: fits BG/NBD, MBG/NBD, Pareto/NBD or Gamma-Gamma by maximum likelihood, prints the
/// summary table and writes the fitted model as JSON. A fit that does not converge prints its table, writes
/// nothing and fails with exit code 1.
/// </summary>
internal static class FitCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var model = new Argument<string>("MODEL") { Description = "bgnbd | mbgnbd | pnbd | gg" };
        model.AcceptOnlyFromAmong(ModelKinds.CommandNames);
        var summary = new Argument<string>("SUMMARY") { Description = "the summary CSV written by 'ltv summarize', or - for standard input" };
        var unit = CommonOptions.Unit("time unit of the summary's recency and T: day | week (default) | month | year; recorded in the model");
        var maxIterations = new Option<int?>("--max-iterations") { Description = "optimizer iteration budget (default 1000)" };
        var outputPath = CommonOptions.Output("where to write the model JSON (- or none: standard output); the table goes to standard error when the JSON goes to standard output, else to standard output");

        var command = new Command("fit", "Fit a model to a summary by maximum likelihood; print the estimates and write the model as JSON.")
        {
            model, summary, unit, maxIterations, outputPath,
        };
        command.SetAction(parse =>
        {
            var kind = ModelKinds.TryParse(parse.GetValue(model)!, out var k) ? k : ModelKind.BgNbd;
            var timeUnit = CommonOptions.UnitOrWeek(parse, unit);
            var options = parse.GetValue(maxIterations) is { } n
                ? (n >= 1 ? new FitOptions { MaximumIterations = n } : throw new UsageException($"--max-iterations: must be at least 1 (was '{n}')."))
                : FitOptions.Default;
            var path = parse.GetValue(outputPath);
            var messages = CsvOutput.IsStandardOutput(path) ? error : output;
            OutputPaths.Check([("SUMMARY", parse.GetValue(summary))], [("--output", path)]);
            var table = SummaryReader.Read(parse.GetValue(summary)!, "SUMMARY");
            var progress = new FitProgressReporter(error, kind.LibraryName());
            var json = kind switch
            {
                ModelKind.BgNbd => Finish(BgNbdModel.Fit(Patterns(table, timeUnit, messages), options, progress), ProbabilisticJson.Serialize, messages),
                ModelKind.MbgNbd => Finish(MbgNbdModel.Fit(Patterns(table, timeUnit, messages), options, progress), ProbabilisticJson.Serialize, messages),
                ModelKind.ParetoNbd => Finish(ParetoNbdModel.Fit(Patterns(table, timeUnit, messages), options, progress), ProbabilisticJson.Serialize, messages),
                _ => Finish(FitSpend(table, options, progress), ProbabilisticJson.Serialize, messages),
            };
            CsvOutput.Write(path, output, writer => writer.WriteLine(json));
            if (!CsvOutput.IsStandardOutput(path))
            {
                messages.WriteLine($"model written to {path}");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The count models fit on customers with T &gt; 0 (T = 0 carries no information); the others are counted in a message.</summary>
    private static RfmPatterns Patterns(SummaryTable table, TimeUnit unit, TextWriter messages)
    {
        var keep = Enumerable.Range(0, table.Count).Where(i => table.Age[i] > 0).ToArray();
        if (keep.Length == 0)
        {
            throw new InvalidDataException($"{table.File}: no customer with T greater than 0 to fit on ({table.Count} rows).");
        }

        if (keep.Length < table.Count)
        {
            messages.WriteLine(string.Create(CultureInfo.InvariantCulture, $"left out {table.Count - keep.Length} customers with T = 0 (acquired at the calibration end)"));
        }

        return RfmPatterns.Compress(
            keep.Select(i => table.Frequency[i]).ToArray(),
            keep.Select(i => table.Recency[i]).ToArray(),
            keep.Select(i => table.Age[i]).ToArray(),
            unit);
    }

    /// <summary>Gamma-Gamma fits on the repeat customers (frequency &gt; 0), whose mean spend must be positive.</summary>
    private static FitResult<GammaGammaModel> FitSpend(SummaryTable table, FitOptions options, IProgress<FitProgress> progress)
    {
        var repeaters = 0;
        for (var i = 0; i < table.Count; i++)
        {
            if (table.Frequency[i] > 0)
            {
                repeaters++;
                if (table.Monetary[i] <= 0)
                {
                    throw table.Error(i, "monetary_value", "the Gamma-Gamma fit needs a mean repeat spend greater than 0 for every customer with frequency greater than 0");
                }
            }
        }

        return repeaters > 0
            ? GammaGammaModel.Fit(table.Frequency, table.Monetary, options, progress)
            : throw new InvalidDataException($"{table.File}: the Gamma-Gamma fit needs customers with frequency greater than 0 (none of {table.Count} rows).");
    }

    private static string Finish<TModel>(FitResult<TModel> fit, Func<FitResult<TModel>, string> serialize, TextWriter messages)
        where TModel : class
    {
        var summary = fit.Summary();
        messages.Write(summary);
        if (!summary.EndsWith('\n'))
        {
            messages.WriteLine();
        }

        try
        {
            fit.EnsureConverged();
        }
        catch (ModelNotConvergedException ex)
        {
            throw new InvalidDataException($"{ex.Message} Nothing was written.", ex);
        }

        return serialize(fit);
    }
}
