using System.Globalization;

using Ltv.Core.Domain;
using Ltv.Core.History;
using Ltv.Core.Probabilistic.Catalog;
using Ltv.Core.Probabilistic.Fitting;
using Ltv.Core.Probabilistic.Serialization;

namespace Ltv.Core.Probabilistic.Contractual;

/// <summary>
/// The declaration of the sBG contractual model (<c>sbg</c>) for the <see cref="ModelCatalog"/>: it reads one row per
/// subscriber with <c>periods</c> (contract periods paid for, the current one included, whole, at least 1) and
/// <c>churned</c> (1 when they cancelled after their last paid period, 0 when still subscribed), and predicts
/// <c>p_renew</c> (the probability of renewing at the end of the current period; 0 for churned rows) and
/// <c>expected_periods</c> (expected further periods paid within the horizon, undiscounted; 0 for churned rows).
/// </summary>
public sealed class SbgDefinition : ModelDefinition<SbgModel>
{
    /// <summary>The column of periods paid for.</summary>
    public const string PeriodsColumn = "periods";

    /// <summary>The 0/1 churn column.</summary>
    public const string ChurnedColumn = "churned";

    private SbgDefinition()
        : base(
            "sbg",
            "sBG",
            "shifted-beta-geometric contractual churn (Fader & Hardie 2007)",
            ["alpha", "beta"],
            [PeriodsColumn, ChurnedColumn],
            ["p_renew", "expected_periods"],
            predictionNeedsHorizon: true,
            hasTimeUnit: true,
            ProbabilisticJsonContext.Default.FitResultSbgModel,
            m => [m.Alpha, m.Beta],
            (p, unit) => new SbgModel(p[0], p[1], unit))
    {
    }

    /// <summary>The one instance.</summary>
    public static SbgDefinition Instance { get; } = new();

    /// <inheritdoc />
    public override TimeUnit? UnitOf(SbgModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.Unit;
    }

    /// <inheritdoc />
    public override FitResult<SbgModel> FitTyped(CustomerSummaries summary, TimeUnit unit, FitOptions? options, IProgress<FitProgress>? progress, ICollection<string> notes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var periods = new int[summary.Count];
        var churned = new bool[summary.Count];
        for (var i = 0; i < summary.Count; i++)
        {
            (periods[i], churned[i]) = Row(summary, i);
        }

        return SbgModel.Fit(ContractDurations.FromCustomers(periods, churned, unit), options, progress, cancellationToken);
    }

    /// <inheritdoc />
    protected override void Predict(SbgModel model, CustomerSummaries summary, double? horizon, double[][] destination)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(destination);
        var h = horizon ?? 0;
        if (h != Math.Floor(h) || h < 0 || h > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(horizon), $"horizon must be a whole number of contract periods, zero or more, for sBG (was {h.ToString("R", CultureInfo.InvariantCulture)}).");
        }

        for (var i = 0; i < summary.Count; i++)
        {
            var (periods, churned) = Row(summary, i);
            destination[0][i] = churned ? 0 : model.Retention(periods);
            destination[1][i] = churned ? 0 : model.DiscountedExpectedResidualLifetime(0, periods - 1, (int)h);
        }
    }

    private static (int Periods, bool Churned) Row(CustomerSummaries summary, int i)
    {
        var p = summary.Column(PeriodsColumn)[i];
        if (p != Math.Floor(p) || p < 1 || p > int.MaxValue)
        {
            throw summary.Error(i, PeriodsColumn, "sBG needs periods as a whole number of contract periods paid for, at least 1");
        }

        var c = summary.Column(ChurnedColumn)[i];
        if (c is not (0 or 1))
        {
            throw summary.Error(i, ChurnedColumn, "sBG needs churned as 0 (still subscribed) or 1 (cancelled)");
        }

        return ((int)p, c == 1);
    }
}
