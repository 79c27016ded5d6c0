using System.Text.Json.Serialization.Metadata;

using Ltv.Core.Domain;
using Ltv.Core.History;
using Ltv.Core.Probabilistic.Catalog;
using Ltv.Core.Probabilistic.Fitting;
using Ltv.Core.Probabilistic.Serialization;

namespace Ltv.Core.Probabilistic.Models;

/// <summary>The declaration of MBG/NBD (<c>mbgnbd</c>) for the <see cref="ModelCatalog"/>: names, parameters, fit, JSON and predictions.</summary>
public sealed class MbgNbdDefinition : CountModelDefinition<MbgNbdModel>
{
    private static readonly string[] Names = ["r", "alpha", "a", "b"];

    private MbgNbdDefinition()
    {
    }

    /// <summary>The one instance.</summary>
    public static MbgNbdDefinition Instance { get; } = new();

    /// <inheritdoc />
    public override string Key => "mbgnbd";

    /// <inheritdoc />
    public override string Name => "MBG/NBD";

    /// <inheritdoc />
    public override string Description => "MBG/NBD purchase counts (Batislam et al. 2007)";

    /// <inheritdoc />
    public override IReadOnlyList<string> ParameterNames => Names;

    /// <inheritdoc />
    protected override JsonTypeInfo<FitResult<MbgNbdModel>> JsonTypeInfo => ProbabilisticJsonContext.Default.FitResultMbgNbdModel;

    /// <inheritdoc />
    public override IReadOnlyList<double> Values(MbgNbdModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return [model.R, model.Alpha, model.A, model.B];
    }

    /// <inheritdoc />
    protected override MbgNbdModel Build(IReadOnlyList<double> parameters, TimeUnit unit)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return new MbgNbdModel(parameters[0], parameters[1], parameters[2], parameters[3], unit);
    }

    /// <inheritdoc />
    protected override FitResult<MbgNbdModel> FitPatterns(RfmPatterns patterns, FitOptions? options, IProgress<FitProgress>? progress, CancellationToken cancellationToken) =>
        MbgNbdModel.Fit(patterns, options, progress, cancellationToken);
}
