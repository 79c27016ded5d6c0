using System.CommandLine;
using Ltv.Cli.Input;
using Ltv.Cli.Output;
using Ltv.Cli.Parsing;
using Ltv.Core.IO;
using Ltv.Core.Probabilistic.Catalog;
using Ltv.Core.Probabilistic.Fitting;

namespace Ltv.Cli.Commands;

/// <summary>
/// <c>ltv fit MODEL SUMMARY</c>: fits a model of the <see cref="ModelCatalog"/> by maximum likelihood, prints the
/// summary table and writes the fitted model as JSON. A fit that does not converge (its verdict: not identifiable,
/// budget exhausted, a boundary, ...) writes nothing and fails with exit code 1 and one line giving the reason.
/// </summary>
internal static class FitCommand
{
    public static Command Create(ModelCatalog catalog, TextWriter output, TextWriter error)
    {
        var model = new Argument<string>("MODEL") { Description = string.Join(" | ", catalog.Keys) + ": " + string.Join("; ", catalog.Definitions.Select(d => $"{d.Key} = {d.Description}, reads {string.Join(", ", d.InputColumns)}")) };
        Choices.Restrict(model, [.. catalog.Keys]);
        var summary = new Argument<string>("SUMMARY") { Description = "the summary (CSV, or Parquet ending in .parquet) written by 'ltv summarize', or - for standard input" };
        var unit = CommonOptions.Unit("time unit of the summary's recency and T when the file does not record it (a time_unit column): day | week (default) | month | year; must match the file's; recorded in the model");
        var maxIterations = new Option<int?>("--max-iterations") { Description = "optimizer iteration budget (default 1000)" };
        var maxSeconds = new Option<string?>("--max-seconds") { Description = "wall-clock budget of the fit in seconds (default 60)" };
        var outputPath = CommonOptions.Output("where to write the model JSON (- or none: standard output); the table goes to standard error when the JSON goes to standard output, else to standard output");

        var command = new Command("fit", "Fit a model to a summary by maximum likelihood; print the estimates and write the model as JSON.")
        {
            model, summary, unit, maxIterations, maxSeconds, outputPath,
        };
        command.SetAction(parse =>
        {
            catalog.TryFind(parse.GetValue(model), out var definition);
            var options = FitOptions.Default;
            if (parse.GetValue(maxIterations) is { } n)
            {
                options = n >= 1 ? options with { MaximumIterations = n } : throw new UsageException($"--max-iterations: must be at least 1 (was '{n}').");
            }

            if (parse.GetValue(maxSeconds) is { } secondsText)
            {
                var seconds = CommonOptions.Double(secondsText, "--max-seconds", s => s is > 0 and <= 86_400, "a number of seconds greater than 0, at most 86400");
                options = options with { TimeLimit = TimeSpan.FromSeconds(seconds) };
            }

            var path = parse.GetValue(outputPath);
            var messages = CsvOutput.IsStandardOutput(path) ? error : output;
            OutputPaths.Check([("SUMMARY", parse.GetValue(summary))], [("--output", path)]);
            var table = InputFile.ReadSummary(parse.GetValue(summary)!, "SUMMARY", definition!.InputColumns);
            var timeUnit = CommonOptions.SummaryUnit(parse, unit, table);
            var progress = new FitProgressReporter(error, definition.Name);
            var fit = definition.Fit(table, timeUnit, options, progress);
            foreach (var note in fit.Notes)
            {
                messages.WriteLine(note);
            }

            if (fit.ExitReason != FitExitReason.NotIdentifiable || fit.Reason is null)
            {
                // The table ends its last line, so an error line after it starts a line of its own.
                var estimates = fit.Summary();
                messages.Write(estimates);
                if (!estimates.EndsWith('\n'))
                {
                    messages.WriteLine();
                }
            }

            if (fit.ExitReason != FitExitReason.Converged)
            {
                throw new InvalidDataException(fit.ExitReason == FitExitReason.NotIdentifiable
                    ? $"{table.Source}: the {definition.Name} model cannot be fitted: {fit.Reason} Nothing was written."
                    : $"{table.Source}: the {definition.Name} fit did not converge ({fit.ExitReason}{(fit.Reason is null ? string.Empty : $": {fit.Reason}")}). Nothing was written.");
            }

            var json = fit.ToJson();
            CsvOutput.Write(path, output, writer => writer.WriteLine(json));
            if (!CsvOutput.IsStandardOutput(path))
            {
                messages.WriteLine($"model written to {path}");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
