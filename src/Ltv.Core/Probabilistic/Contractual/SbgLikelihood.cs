using Ltv.Core.Probabilistic.Fitting;
using Ltv.Core.Probabilistic.Numerics;

namespace Ltv.Core.Probabilistic.Contractual;

/// <summary>
/// The sBG log-likelihood over weighted contract durations with its analytic gradient:
/// churned after t periods: ln P(T = t) = ln α + ln Γ(β+t-1) - ln Γ(β) - ln Γ(α+β+t) + ln Γ(α+β);
/// active in period t: ln S(t-1) = ln Γ(β+t-1) - ln Γ(β) - ln Γ(α+β+t-1) + ln Γ(α+β).
/// </summary>
internal sealed class SbgLikelihood(ContractDurations data) : ILogLikelihoodFunction
{
    public int Dimension => 2;

    public bool HasGradient => true;

    public double Evaluate(ReadOnlySpan<double> parameters, Span<double> logGradient)
    {
        double alpha = parameters[0], beta = parameters[1];
        var ab = alpha + beta;
        var logAlpha = Math.Log(alpha);
        double total = 0, ga = 0, gb = 0;
        var periods = data.Periods;
        var churned = data.Churned;
        var weight = data.Weight;
        for (var i = 0; i < periods.Length; i++)
        {
            var t = periods[i];
            var w = weight[i];
            var survivedBeta = SpecialFunctions.LogGammaRatioUnchecked(beta, t - 1);
            var dBeta = SpecialFunctions.DiGammaDifference(beta, t - 1);
            if (churned[i])
            {
                total += w * (logAlpha + survivedBeta - SpecialFunctions.LogGammaRatioUnchecked(ab, t));
                var dAb = SpecialFunctions.DiGammaDifference(ab, t);
                ga += w * ((1 / alpha) - dAb);
                gb += w * (dBeta - dAb);
            }
            else
            {
                total += w * (survivedBeta - SpecialFunctions.LogGammaRatioUnchecked(ab, t - 1));
                var dAb = SpecialFunctions.DiGammaDifference(ab, t - 1);
                ga -= w * dAb;
                gb += w * (dBeta - dAb);
            }
        }

        if (logGradient.Length == 2)
        {
            logGradient[0] = ga * alpha;
            logGradient[1] = gb * beta;
        }

        return total;
    }
}
