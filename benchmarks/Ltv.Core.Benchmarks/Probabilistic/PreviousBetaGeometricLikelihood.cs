using Ltv.Core.Probabilistic.Fitting;
using Ltv.Core.Probabilistic.Models;
using Ltv.Core.Probabilistic.Numerics;

namespace Ltv.Core.Benchmarks.Probabilistic;

/// <summary>
/// The BG/NBD or MBG/NBD log-likelihood as it was before issue 14 (scalar loop over every distinct row), kept as the baseline of
/// <see cref="BgNbdFitBenchmarks"/>.
/// ln L = ln Γ(r+x) - ln Γ(r) + r ln α + ln B(a, b+x+m) - ln B(a, b)
///        + ln[(α+T)^-(r+x) + [x &gt; 0 or m = 1] a/(b+x-1+m) (α+t_x)^-(r+x)], with m = 1 for MBG/NBD.
/// </summary>
internal sealed class PreviousBetaGeometricLikelihood(PatternData data, bool modified) : ILogLikelihoodFunction
{
    private readonly double[] _lgr = new double[data.DistinctFrequencies.Length];
    private readonly double[] _dgr = new double[data.DistinctFrequencies.Length];
    private readonly double[] _beta = new double[data.DistinctFrequencies.Length];
    private readonly double[] _betaA = new double[data.DistinctFrequencies.Length];
    private readonly double[] _betaB = new double[data.DistinctFrequencies.Length];
    private readonly double[] _logDenominator = new double[data.DistinctFrequencies.Length];
    private readonly double[] _logAge = new double[data.DistinctAges.Length];
    private readonly double[] _inverseAge = new double[data.DistinctAges.Length];
    private readonly double[] _logRecency = new double[data.DistinctRecencies.Length];
    private readonly double[] _inverseRecency = new double[data.DistinctRecencies.Length];

    public int Dimension => 4;

    public bool HasGradient => true;

    public double Evaluate(ReadOnlySpan<double> parameters, Span<double> logGradient)
    {
        double r = parameters[0], alpha = parameters[1], a = parameters[2], b = parameters[3];
        var shift = modified ? 1.0 : 0.0;
        var distinct = data.DistinctFrequencies;
        var psiAb = MathNet.Numerics.SpecialFunctions.DiGamma(a + b);
        var psiB = MathNet.Numerics.SpecialFunctions.DiGamma(b);
        for (var k = 0; k < distinct.Length; k++)
        {
            var x = distinct[k];
            var survived = x + shift;
            _lgr[k] = SpecialFunctions.LogGammaRatioUnchecked(r, x);
            _dgr[k] = SpecialFunctions.DiGammaDifference(r, x);

            // ln B(a, b + s) - ln B(a, b) = [ln Γ(b+s) - ln Γ(b)] - [ln Γ(a+b+s) - ln Γ(a+b)].
            _beta[k] = SpecialFunctions.LogGammaRatioUnchecked(b, survived) - SpecialFunctions.LogGammaRatioUnchecked(a + b, survived);
            var dAb = survived == 0 ? 0 : MathNet.Numerics.SpecialFunctions.DiGamma(a + b + survived) - psiAb;
            var dB = survived == 0 ? 0 : MathNet.Numerics.SpecialFunctions.DiGamma(b + survived) - psiB;
            _betaA[k] = -dAb;
            _betaB[k] = dB - dAb;
            _logDenominator[k] = x > 0 || modified ? Math.Log(b + x - 1 + shift) : 0;
        }

        for (var k = 0; k < _logAge.Length; k++)
        {
            _logAge[k] = Math.Log(alpha + data.DistinctAges[k]);
            _inverseAge[k] = 1 / (alpha + data.DistinctAges[k]);
        }

        for (var k = 0; k < _logRecency.Length; k++)
        {
            _logRecency[k] = Math.Log(alpha + data.DistinctRecencies[k]);
            _inverseRecency[k] = 1 / (alpha + data.DistinctRecencies[k]);
        }

        var logAlpha = Math.Log(alpha);
        var ageIndex = data.AgeIndex;
        var recencyIndex = data.RecencyIndex;
        double total = 0, gr = 0, gAlpha = 0, ga = 0, gb = 0;
        var xs = data.X;
        var weight = data.Weight;
        var index = data.FrequencyIndex;
        var logA = Math.Log(a);
        for (var i = 0; i < xs.Length; i++)
        {
            var x = xs[i];
            var k = index[i];
            var w = weight[i];
            var rx = r + x;
            var logAge = _logAge[ageIndex[i]];
            var inverseAge = _inverseAge[ageIndex[i]];
            var u = -rx * logAge;
            var common = _lgr[k] + (r * logAlpha) + _beta[k];
            if (x > 0 || modified)
            {
                var denominator = b + x - 1 + shift;
                var logRecency = _logRecency[recencyIndex[i]];
                var v = logA - _logDenominator[k] - (rx * logRecency);

                // Weights of the two terms: w4 = e^v / (e^u + e^v), computed as a logistic of v - u.
                var d = v - u;
                double w4, logSum;
                if (d > 0)
                {
                    var e = Math.Exp(-d);
                    w4 = 1 / (1 + e);
                    logSum = v + Math.Log(1 + e);
                }
                else
                {
                    var e = Math.Exp(d);
                    w4 = e / (1 + e);
                    logSum = u + Math.Log(1 + e);
                }

                var w3 = 1 - w4;
                total += w * (common + logSum);
                gr += w * (_dgr[k] + logAlpha - (w3 * logAge) - (w4 * logRecency));
                gAlpha += w * ((r / alpha) - (rx * ((w3 * inverseAge) + (w4 * _inverseRecency[recencyIndex[i]]))));
                ga += w * (_betaA[k] + (w4 / a));
                gb += w * (_betaB[k] - (w4 / denominator));
            }
            else
            {
                total += w * (common + u);
                gr += w * (_dgr[k] + logAlpha - logAge);
                gAlpha += w * ((r / alpha) - (rx * inverseAge));
                ga += w * _betaA[k];
                gb += w * _betaB[k];
            }
        }

        if (logGradient.Length == 4)
        {
            logGradient[0] = gr * r;
            logGradient[1] = gAlpha * alpha;
            logGradient[2] = ga * a;
            logGradient[3] = gb * b;
        }

        return total;
    }
}
