using Ltv.Core.Domain;
using Ltv.Core.History;
using Ltv.Core.Probabilistic.Catalog;
using Ltv.Core.Probabilistic.Fitting;
using Ltv.Core.Probabilistic.Serialization;

namespace Ltv.Core.Probabilistic.Models;

/// <summary>
/// The declaration of the Gamma-Gamma spend model (<c>gg</c>) for the <see cref="ModelCatalog"/>: it reads
/// <c>frequency</c> and <c>monetary_value</c>, fits on the repeat customers and predicts <c>expected_avg_spend</c>.
/// </summary>
public sealed class GammaGammaDefinition : ModelDefinition<GammaGammaModel>
{
    private GammaGammaDefinition()
        : base(
            "gg",
            "Gamma-Gamma",
            "Gamma-Gamma spend per purchase (Fader, Hardie & Lee 2005)",
            ["p", "q", "gamma"],
            [CustomerSummaries.FrequencyColumn, CustomerSummaries.MonetaryColumn],
            ["expected_avg_spend"],
            predictionNeedsHorizon: false,
            hasTimeUnit: false,
            ProbabilisticJsonContext.Default.FitResultGammaGammaModel,
            m => [m.P, m.Q, m.Gamma],
            (p, _) => new GammaGammaModel(p[0], p[1], p[2]))
    {
    }

    /// <summary>The one instance.</summary>
    public static GammaGammaDefinition Instance { get; } = new();

    /// <inheritdoc />
    public override TimeUnit? UnitOf(GammaGammaModel model) => null;

    /// <inheritdoc />
    public override FitResult<GammaGammaModel> FitTyped(CustomerSummaries summary, TimeUnit unit, FitOptions? options, IProgress<FitProgress>? progress, ICollection<string> notes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var frequency = summary.Column(CustomerSummaries.FrequencyColumn);
        var monetary = summary.Monetary;
        var repeaters = 0;
        for (var i = 0; i < summary.Count; i++)
        {
            if (frequency[i] > 0)
            {
                repeaters++;
                if (monetary[i] <= 0)
                {
                    throw summary.Error(i, CustomerSummaries.MonetaryColumn, "the Gamma-Gamma fit needs a mean repeat spend greater than 0 for every customer with frequency greater than 0");
                }
            }
        }

        return repeaters > 0
            ? GammaGammaModel.Fit(frequency, monetary, options, progress, cancellationToken)
            : throw new InvalidDataException($"{summary.Source}: the Gamma-Gamma fit needs customers with frequency greater than 0 (none of {summary.Count} rows).");
    }

    /// <inheritdoc />
    protected override void Predict(GammaGammaModel model, CustomerSummaries summary, double? horizon, double[][] destination)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(destination);
        var frequency = summary.Column(CustomerSummaries.FrequencyColumn);
        var monetary = summary.Monetary;
        for (var i = 0; i < summary.Count; i++)
        {
            try
            {
                destination[0][i] = model.ConditionalExpectedSpend(frequency[i], monetary[i]);
            }
            catch (InvalidOperationException ex)
            {
                throw new InvalidDataException($"the Gamma-Gamma model cannot predict the spend of {summary.Source}, line {summary.LineOf(i)} ({ex.Message})", ex);
            }
        }
    }
}
