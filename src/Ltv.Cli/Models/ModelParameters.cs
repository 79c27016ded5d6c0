using System.Globalization;
using Ltv.Core.Domain;
using Ltv.Core.Probabilistic.Models;

namespace Ltv.Cli.Models;

/// <summary>Builds a model from <c>--param name=value</c> options: every parameter of the model exactly once, nothing else.</summary>
internal static class ModelParameters
{
    public static LoadedModel Build(ModelKind kind, IReadOnlyList<string> assignments, TimeUnit unit)
    {
        var names = kind.ParameterNames();
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
                throw new UsageException($"--param: '{name}' is not a parameter of {kind.CommandName()} (its parameters are {string.Join(", ", names)}).");
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
            throw new UsageException($"--param: {kind.CommandName()} needs {string.Join(", ", names)}; missing {string.Join(", ", missing)} (e.g. --param {missing[0]}=1).");
        }

        var v = values;
        return kind switch
        {
            ModelKind.BgNbd => new LoadedModel(kind, "--param", new BgNbdModel(v[0], v[1], v[2], v[3], unit), null),
            ModelKind.MbgNbd => new LoadedModel(kind, "--param", new MbgNbdModel(v[0], v[1], v[2], v[3], unit), null),
            ModelKind.ParetoNbd => new LoadedModel(kind, "--param", new ParetoNbdModel(v[0], v[1], v[2], v[3], unit), null),
            _ => new LoadedModel(kind, "--param", null, new GammaGammaModel(v[0], v[1], v[2])),
        };
    }
}
