using System.Text.Json.Serialization.Metadata;

using Ltv.Core.Domain;
using Ltv.Core.History;
using Ltv.Core.Probabilistic.Catalog;
using Ltv.Core.Probabilistic.Fitting;
using Ltv.Core.Probabilistic.Serialization;

namespace Ltv.Core.Probabilistic.Models;

/// <summary>The declaration of Pareto/NBD (<c>pnbd</c>) for the <see cref="ModelCatalog"/>: names, parameters, fit, JSON and predictions.</summary>
public sealed class ParetoNbdDefinition : CountModelDefinition<ParetoNbdModel>
{
    private static readonly string[] Names = ["r", "alpha", "s", "beta"];

    private ParetoNbdDefinition()
    {
    }

    /// <summary>The one instance.</summary>
    public static ParetoNbdDefinition Instance { get; } = new();

    /// <inheritdoc />
    public override string Key => "pnbd";

    /// <inheritdoc />
    public override string Name => "Pareto/NBD";

    /// <inheritdoc />
    public override string Description => "Pareto/NBD purchase counts (Schmittlein, Morrison & Colombo 1987)";

    /// <inheritdoc />
    public override IReadOnlyList<string> ParameterNames => Names;

    /// <inheritdoc />
    protected override JsonTypeInfo<FitResult<ParetoNbdModel>> JsonTypeInfo => ProbabilisticJsonContext.Default.FitResultParetoNbdModel;

    /// <inheritdoc />
    public override IReadOnlyList<double> Values(ParetoNbdModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return [model.R, model.Alpha, model.S, model.Beta];
    }

    /// <inheritdoc />
    protected override ParetoNbdModel Build(IReadOnlyList<double> parameters, TimeUnit unit)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return new ParetoNbdModel(parameters[0], parameters[1], parameters[2], parameters[3], unit);
    }

    /// <inheritdoc />
    protected override FitResult<ParetoNbdModel> FitPatterns(RfmPatterns patterns, FitOptions? options, IProgress<FitProgress>? progress, CancellationToken cancellationToken) =>
        ParetoNbdModel.Fit(patterns, options, progress, cancellationToken);
}
