using System.CommandLine;
using Ltv.Cli.Input;
using Ltv.Core.History;
using Ltv.Core.IO;
using Ltv.Core.Probabilistic.Catalog;
using Ltv.Core.Probabilistic.Comparison;
using Ltv.Core.Probabilistic.Models;

namespace Ltv.Cli.Commands;

/// <summary><c>ltv compare M1.json M2.json ... SUMMARY</c>: log-likelihood, parameters, AIC, BIC and nesting of count models on one summary.</summary>
internal static class CompareCommand
{
    public static Command Create(ModelCatalog catalog, TextWriter output)
    {
        var files = new Argument<string[]>("FILES") { Description = "two or more count-model JSON files written by 'ltv fit' (bgnbd, mbgnbd, pnbd), then the summary CSV they were fitted on", Arity = new ArgumentArity(3, 64) };
        var command = new Command("compare", "Compare count models on one summary: log-likelihood, parameters, AIC, BIC, and whether a likelihood-ratio test applies.")
        {
            files,
        };
        command.SetAction(parse =>
        {
            var paths = parse.GetValue(files)!;
            var summaryPath = paths[^1];
            var models = new List<(string Path, ICountModel Model)>();
            foreach (var path in paths[..^1])
            {
                var loaded = InputFile.LoadModel(catalog, path, "FILES");
                var count = loaded.Model as ICountModel
                    ?? throw new InvalidDataException($"{InputFile.DisplayName(path)}: holds a {loaded.Definition.Name} model, but compare needs a purchase-count model such as BG/NBD, MBG/NBD or Pareto/NBD (column ModelName, was '{loaded.Definition.Name}').");
                models.Add((path, count));
            }

            var unit = models[0].Model.Unit;
            foreach (var (path, model) in models)
            {
                if (model.Unit != unit)
                {
                    throw new InvalidDataException($"{path}: the model was fitted on data in {CommonOptions.Plural(model.Unit)}, but {models[0].Path} on data in {CommonOptions.Plural(unit)}; compare models of the same summary.");
                }
            }

            var duplicate = models.GroupBy(m => m.Model.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null)
            {
                throw new UsageException($"FILES: {string.Join(" and ", duplicate.Select(m => m.Path))} both hold a {duplicate.Key} model; compare different models.");
            }

            var table = InputFile.ReadSummary(summaryPath, "SUMMARY", [CustomerSummaries.FrequencyColumn, CustomerSummaries.RecencyColumn, CustomerSummaries.AgeColumn]);
            if (table.Unit is { } recorded && recorded != unit)
            {
                throw new InvalidDataException($"{models[0].Path}: the model was fitted on data in {CommonOptions.Plural(unit)}, but the summary {table.Source} is in {CommonOptions.Plural(recorded)} (column {SummaryCsvReader.UnitColumn}); compare models fitted on this summary.");
            }

            var patterns = table.ToPatterns(unit);
            var comparison = ModelComparison.Compare(models.Select(m => ModelFit.Evaluate(m.Model, patterns)));
            output.Write(comparison.ToText());
            return ExitCodes.Success;
        });
        return command;
    }
}
