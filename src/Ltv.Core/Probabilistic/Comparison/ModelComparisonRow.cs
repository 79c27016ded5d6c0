namespace Ltv.Core.Probabilistic.Comparison;

/// <summary>One row of a <see cref="ModelComparison"/>: a model's fit with its information criteria and their distance to the best.</summary>
/// <param name="Rank">1 for the smallest AIC.</param>
/// <param name="Fit">The fit.</param>
/// <param name="DeltaAic">AIC - the smallest AIC (0 for the best).</param>
/// <param name="DeltaBic">BIC - the smallest BIC.</param>
public sealed record ModelComparisonRow(int Rank, ModelFit Fit, double DeltaAic, double DeltaBic)
{
    /// <summary>The model's name.</summary>
    public string Name => Fit.Name;

    /// <summary>Parameters k.</summary>
    public int ParameterCount => Fit.ParameterCount;

    /// <summary>The log-likelihood.</summary>
    public double LogLikelihood => Fit.LogLikelihood;

    /// <summary>AIC.</summary>
    public double Aic => Fit.Aic;

    /// <summary>BIC.</summary>
    public double Bic => Fit.Bic;
}
