using Ltv.Core.Probabilistic.Catalog;
using Ltv.Core.Probabilistic.Serialization;

namespace Ltv.Core.Probabilistic.Models;

/// <summary>The declaration of Pareto/NBD (<c>pnbd</c>) for the <see cref="ModelCatalog"/>: names, parameters, fit, JSON and predictions.</summary>
public sealed class ParetoNbdDefinition : CountModelDefinition<ParetoNbdModel>
{
    private ParetoNbdDefinition()
        : base(
            "pnbd",
            "Pareto/NBD",
            "Pareto/NBD purchase counts (Schmittlein, Morrison & Colombo 1987)",
            ["r", "alpha", "s", "beta"],
            ProbabilisticJsonContext.Default.FitResultParetoNbdModel,
            m => [m.R, m.Alpha, m.S, m.Beta],
            (p, unit) => new ParetoNbdModel(p[0], p[1], p[2], p[3], unit),
            ParetoNbdModel.Fit)
    {
    }

    /// <summary>The one instance.</summary>
    public static ParetoNbdDefinition Instance { get; } = new();
}
