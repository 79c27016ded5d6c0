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
    private static readonly string[] Inputs = [SummaryTable.FrequencyColumn, SummaryTable.RecencyColumn, SummaryTable.AgeColumn];
    private static readonly string[] Outputs = ["expected_purchases", "p_alive"];

    /// <inheritdoc />
    public override IReadOnlyList<string> InputColumns => Inputs;

    /// <inheritdoc />
    public override IReadOnlyList<string> PredictionColumns => Outputs;

    /// <inheritdoc />
    public override bool PredictionNeedsHorizon => true;

    /// <inheritdoc />
    public override bool HasTimeUnit => true;

    /// <inheritdoc />
    public override TimeUnit? UnitOf(TModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.Unit;
    }

    /// <summary>Fits the model on patterns.</summary>
    /// <param name="patterns">The calibration patterns.</param>
    /// <param name="options">Fit settings.</param>
    /// <param name="progress">Progress, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the fit.</param>
    /// <returns>The fit.</returns>
    protected abstract FitResult<TModel> FitPatterns(RfmPatterns patterns, FitOptions? options, IProgress<FitProgress>? progress, CancellationToken cancellationToken);

    /// <inheritdoc />
    public override FitResult<TModel> FitTyped(SummaryTable summary, TimeUnit unit, FitOptions? options, IProgress<FitProgress>? progress, ICollection<string> notes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(notes);
        var (patterns, leftOut) = summary.ToPatterns(unit);
        if (leftOut > 0)
        {
            notes.Add($"left out {leftOut} customers with T = 0 (acquired at the calibration end)");
        }

        return FitPatterns(patterns, options, progress, cancellationToken);
    }

    /// <inheritdoc />
    protected override void Predict(TModel model, SummaryTable summary, double? horizon, double[][] destination)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(destination);
        model.ConditionalExpectedPurchases(horizon ?? 0, summary.Frequency, summary.Recency, summary.Age, destination[0]);
        model.ProbabilityAlive(summary.Frequency, summary.Recency, summary.Age, destination[1]);
    }
}
