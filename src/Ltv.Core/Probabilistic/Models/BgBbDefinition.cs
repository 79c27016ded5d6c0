using System.Globalization;

using Ltv.Core.Domain;
using Ltv.Core.History;
using Ltv.Core.Probabilistic.Catalog;
using Ltv.Core.Probabilistic.Fitting;
using Ltv.Core.Probabilistic.Serialization;

namespace Ltv.Core.Probabilistic.Models;

/// <summary>
/// The declaration of the BG/BB discrete-opportunity model (<c>bgbb</c>) for the <see cref="ModelCatalog"/>: it reads
/// <c>frequency</c> (x, transactions), <c>recency</c> (t_x, the opportunity of the last one) and <c>T</c> (n, opportunities
/// after the first), whole numbers in opportunities, and predicts <c>expected_transactions</c> in the next n* opportunities
/// (the horizon, whole) and <c>p_alive</c> at the next opportunity.
/// </summary>
public sealed class BgBbDefinition : ModelDefinition<BgBbModel>
{
    private BgBbDefinition()
        : base(
            "bgbb",
            "BG/BB",
            "BG/BB transactions at discrete opportunities (Fader, Hardie & Shang 2010)",
            ["alpha", "beta", "gamma", "delta"],
            [CustomerSummaries.FrequencyColumn, CustomerSummaries.RecencyColumn, CustomerSummaries.AgeColumn],
            ["expected_transactions", "p_alive"],
            predictionNeedsHorizon: true,
            hasTimeUnit: true,
            ProbabilisticJsonContext.Default.FitResultBgBbModel,
            m => [m.Alpha, m.Beta, m.Gamma, m.Delta],
            (p, unit) => new BgBbModel(p[0], p[1], p[2], p[3], unit))
    {
    }

    /// <summary>The one instance.</summary>
    public static BgBbDefinition Instance { get; } = new();

    /// <inheritdoc />
    public override TimeUnit? UnitOf(BgBbModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.Unit;
    }

    /// <inheritdoc />
    public override FitResult<BgBbModel> FitTyped(CustomerSummaries summary, TimeUnit unit, FitOptions? options, IProgress<FitProgress>? progress, ICollection<string> notes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(notes);
        for (var i = 0; i < summary.Count; i++)
        {
            Row(summary, i);
        }

        var patterns = CalibrationPatterns.Of(summary, unit, notes, "no opportunity after the first yet");
        return BgBbModel.Fit(patterns, options, progress, cancellationToken);
    }

    /// <inheritdoc />
    protected override void Predict(BgBbModel model, CustomerSummaries summary, double? horizon, double[][] destination)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(destination);
        var h = horizon ?? 0;
        if (h != Math.Floor(h) || h < 0 || h > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(horizon), $"horizon must be a whole number of opportunities, zero or more, for BG/BB (was {h.ToString("R", CultureInfo.InvariantCulture)}).");
        }

        for (var i = 0; i < summary.Count; i++)
        {
            var (x, tx, n) = Row(summary, i);
            destination[0][i] = model.ConditionalExpectedTransactions((int)h, x, tx, n);
            destination[1][i] = model.ProbabilityAlive(x, tx, n);
        }
    }

    private static (int X, int Recency, int N) Row(CustomerSummaries summary, int i)
    {
        var x = summary.Column(CustomerSummaries.FrequencyColumn)[i];
        var tx = summary.Recency[i];
        var n = summary.Age[i];
        if (n != Math.Floor(n) || n < 0 || n > int.MaxValue)
        {
            throw summary.Error(i, CustomerSummaries.AgeColumn, "BG/BB needs T as a whole number of opportunities, zero or more");
        }

        if (tx != Math.Floor(tx) || tx < 0 || tx > n)
        {
            throw summary.Error(i, CustomerSummaries.RecencyColumn, "BG/BB needs recency as a whole number of opportunities between 0 and T");
        }

        if (x != Math.Floor(x) || x < 0 || x > tx || (x == 0) != (tx == 0))
        {
            throw summary.Error(i, CustomerSummaries.FrequencyColumn, "BG/BB needs frequency as a whole number between 1 and recency (one transaction per opportunity), 0 exactly when recency is 0");
        }

        return ((int)x, (int)tx, (int)n);
    }
}
