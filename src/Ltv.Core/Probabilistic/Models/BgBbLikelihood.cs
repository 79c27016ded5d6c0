using Ltv.Core.Probabilistic.Fitting;
using Ltv.Core.Probabilistic.Numerics;

namespace Ltv.Core.Probabilistic.Models;

/// <summary>
/// The BG/BB log-likelihood over weighted (x, t_x, n) patterns (Fader, Hardie and Shang 2010, equation 5):
/// L = B(α+x, β+n-x)/B(α, β) · B(γ, δ+n)/B(γ, δ)
///   + sum over i = 0..n-t_x-1 of B(α+x, β+t_x-x+i)/B(α, β) · B(γ+1, δ+t_x+i)/B(γ, δ),
/// summed in log space. No analytic gradient: the patterns are few (one per distinct (x, t_x, n)), so finite
/// differences cost little.
/// </summary>
internal sealed class BgBbLikelihood(int[] x, int[] recency, int[] n, double[] weight) : ILogLikelihoodFunction
{
    public int Dimension => 4;

    public bool HasGradient => false;

    public double Evaluate(ReadOnlySpan<double> parameters, Span<double> logGradient)
    {
        double total = 0;
        for (var i = 0; i < x.Length; i++)
        {
            total += weight[i] * LogLikelihood(parameters[0], parameters[1], parameters[2], parameters[3], x[i], recency[i], n[i]);
        }

        return total;
    }

    /// <summary>ln L(α, β, γ, δ | x, t_x, n) of one pattern.</summary>
    public static double LogLikelihood(double alpha, double beta, double gamma, double delta, int x, int recency, int n)
    {
        var baseAb = SpecialFunctions.LogBetaUnchecked(alpha, beta);
        var baseGd = SpecialFunctions.LogBetaUnchecked(gamma, delta);
        var value = SpecialFunctions.LogBetaUnchecked(alpha + x, beta + n - x) - baseAb
            + SpecialFunctions.LogBetaUnchecked(gamma, delta + n) - baseGd;
        for (var i = 0; i < n - recency; i++)
        {
            var term = SpecialFunctions.LogBetaUnchecked(alpha + x, beta + recency - x + i) - baseAb
                + SpecialFunctions.LogBetaUnchecked(gamma + 1, delta + recency + i) - baseGd;
            value = SpecialFunctions.LogAddExp(value, term);
        }

        return value;
    }
}
