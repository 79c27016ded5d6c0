using Ltv.Core.Probabilistic.Catalog;
using Ltv.Core.Probabilistic.Serialization;

namespace Ltv.Core.Probabilistic.Models;

/// <summary>The declaration of MBG/NBD (<c>mbgnbd</c>) for the <see cref="ModelCatalog"/>: names, parameters, fit, JSON and predictions.</summary>
public sealed class MbgNbdDefinition : CountModelDefinition<MbgNbdModel>
{
    private MbgNbdDefinition()
        : base(
            "mbgnbd",
            "MBG/NBD",
            "MBG/NBD purchase counts (Batislam et al. 2007)",
            ["r", "alpha", "a", "b"],
            ProbabilisticJsonContext.Default.FitResultMbgNbdModel,
            m => [m.R, m.Alpha, m.A, m.B],
            (p, unit) => new MbgNbdModel(p[0], p[1], p[2], p[3], unit),
            MbgNbdModel.Fit)
    {
    }

    /// <summary>The one instance.</summary>
    public static MbgNbdDefinition Instance { get; } = new();
}
