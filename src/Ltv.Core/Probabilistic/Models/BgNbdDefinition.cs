using Ltv.Core.Probabilistic.Catalog;
using Ltv.Core.Probabilistic.Serialization;

namespace Ltv.Core.Probabilistic.Models;

/// <summary>The declaration of BG/NBD (<c>bgnbd</c>) for the <see cref="ModelCatalog"/>: names, parameters, fit, JSON and predictions.</summary>
public sealed class BgNbdDefinition : CountModelDefinition<BgNbdModel>
{
    private BgNbdDefinition()
        : base(
            "bgnbd",
            "BG/NBD",
            "BG/NBD purchase counts (Fader, Hardie & Lee 2005)",
            ["r", "alpha", "a", "b"],
            ProbabilisticJsonContext.Default.FitResultBgNbdModel,
            m => [m.R, m.Alpha, m.A, m.B],
            (p, unit) => new BgNbdModel(p[0], p[1], p[2], p[3], unit),
            BgNbdModel.Fit)
    {
    }

    /// <summary>The one instance.</summary>
    public static BgNbdDefinition Instance { get; } = new();
}
