using System.Text.Json.Serialization.Metadata;

using Ltv.Core.Domain;
using Ltv.Core.History;
using Ltv.Core.Probabilistic.Catalog;
using Ltv.Core.Probabilistic.Fitting;
using Ltv.Core.Probabilistic.Serialization;

namespace Ltv.Core.Probabilistic.Models;

/// <summary>The declaration of BG/NBD (<c>bgnbd</c>) for the <see cref="ModelCatalog"/>: names, parameters, fit, JSON and predictions.</summary>
public sealed class BgNbdDefinition : CountModelDefinition<BgNbdModel>
{
    private static readonly string[] Names = ["r", "alpha", "a", "b"];

    private BgNbdDefinition()
    {
    }

    /// <summary>The one instance.</summary>
    public static BgNbdDefinition Instance { get; } = new();

    /// <inheritdoc />
    public override string Key => "bgnbd";

    /// <inheritdoc />
    public override string Name => "BG/NBD";

    /// <inheritdoc />
    public override string Description => "BG/NBD purchase counts (Fader, Hardie & Lee 2005)";

    /// <inheritdoc />
    public override IReadOnlyList<string> ParameterNames => Names;

    /// <inheritdoc />
    protected override JsonTypeInfo<FitResult<BgNbdModel>> JsonTypeInfo => ProbabilisticJsonContext.Default.FitResultBgNbdModel;

    /// <inheritdoc />
    public override IReadOnlyList<double> Values(BgNbdModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return [model.R, model.Alpha, model.A, model.B];
    }

    /// <inheritdoc />
    protected override BgNbdModel Build(IReadOnlyList<double> parameters, TimeUnit unit)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return new BgNbdModel(parameters[0], parameters[1], parameters[2], parameters[3], unit);
    }

    /// <inheritdoc />
    protected override FitResult<BgNbdModel> FitPatterns(RfmPatterns patterns, FitOptions? options, IProgress<FitProgress>? progress, CancellationToken cancellationToken) =>
        BgNbdModel.Fit(patterns, options, progress, cancellationToken);
}
