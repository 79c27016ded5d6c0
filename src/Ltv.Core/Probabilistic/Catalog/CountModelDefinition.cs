using System.Text.Json.Serialization.Metadata;

using Ltv.Core.Domain;
using Ltv.Core.History;
using Ltv.Core.Probabilistic.Fitting;
using Ltv.Core.Probabilistic.Models;

namespace Ltv.Core.Probabilistic.Catalog;

/// <summary>
/// The shared declaration of a "buy till you die" count model (BG/NBD, MBG/NBD, Pareto/NBD): it reads
/// <c>frequency</c>, <c>recency</c> and <c>T</c>, fits on the customers with T &gt; 0 and predicts
/// <c>expected_purchases</c> over a horizon and <c>p_alive</c>.
/// </summary>
/// <typeparam name="TModel">The count model.</typeparam>
public abstract class CountModelDefinition<TModel> : ModelDefinition<TModel>
    where TModel : class, ICountModel
{
    private static readonly string[] Inputs = [CustomerSummaries.FrequencyColumn, CustomerSummaries.RecencyColumn, CustomerSummaries.AgeColumn];
    private static readonly string[] Outputs = ["expected_purchases", "p_alive"];

    private readonly Func<RfmPatterns, FitOptions?, IProgress<FitProgress>?, CancellationToken, FitResult<TModel>> _fit;

    /// <summary>Declares a count model by what sets it apart; the columns, the fit on a summary and the predictions come from here.</summary>
    /// <param name="key">The command-line name, e.g. <c>bgnbd</c>.</param>
    /// <param name="name">The JSON <c>ModelName</c>, e.g. <c>BG/NBD</c>.</param>
    /// <param name="description">One help line.</param>
    /// <param name="parameterNames">The parameters in constructor order.</param>
    /// <param name="jsonTypeInfo">The source-generated JSON metadata of the fit.</param>
    /// <param name="values">The parameter values of a (non-null) model, in <paramref name="parameterNames"/> order.</param>
    /// <param name="build">The model from values in <paramref name="parameterNames"/> order (count already checked) and a unit.</param>
    /// <param name="fit">The fit on patterns, e.g. <c>BgNbdModel.Fit</c>.</param>
    /// <exception cref="ArgumentException">A text or a list is empty.</exception>
    protected CountModelDefinition(
        string key,
        string name,
        string description,
        IReadOnlyList<string> parameterNames,
        JsonTypeInfo<FitResult<TModel>> jsonTypeInfo,
        Func<TModel, IReadOnlyList<double>> values,
        Func<IReadOnlyList<double>, TimeUnit, TModel> build,
        Func<RfmPatterns, FitOptions?, IProgress<FitProgress>?, CancellationToken, FitResult<TModel>> fit)
        : base(key, name, description, parameterNames, Inputs, Outputs, predictionNeedsHorizon: true, hasTimeUnit: true, jsonTypeInfo, values, build)
    {
        ArgumentNullException.ThrowIfNull(fit);
        _fit = fit;
    }

    /// <inheritdoc />
    public override TimeUnit? UnitOf(TModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.Unit;
    }

    /// <inheritdoc />
    public override FitResult<TModel> FitTyped(CustomerSummaries summary, TimeUnit unit, FitOptions? options, IProgress<FitProgress>? progress, ICollection<string> notes, CancellationToken cancellationToken)
    {
        var patterns = CalibrationPatterns.Of(summary, unit, notes, "acquired at the calibration end");
        return _fit(patterns, options, progress, cancellationToken);
    }

    /// <inheritdoc />
    protected override void Predict(TModel model, CustomerSummaries summary, double? horizon, double[][] destination)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(destination);
        var frequency = summary.Column(CustomerSummaries.FrequencyColumn);
        model.ConditionalExpectedPurchases(horizon ?? 0, frequency, summary.Recency, summary.Age, destination[0]);
        model.ProbabilityAlive(frequency, summary.Recency, summary.Age, destination[1]);
    }
}
