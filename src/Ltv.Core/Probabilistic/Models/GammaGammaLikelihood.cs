using Ltv.Core.Probabilistic.Fitting;
using Ltv.Core.Probabilistic.Numerics;

namespace Ltv.Core.Probabilistic.Models;

/// <summary>
/// The Gamma-Gamma log-likelihood of repeaters' average spend m over x repeat purchases (Fader, Hardie &amp; Lee,
/// note 025): ln L = ln Γ(px+q) - ln Γ(px) - ln Γ(q) + q ln γ + (px-1) ln m + px ln x - (px+q) ln(γ + m x),
/// with its analytic gradient; terms in x alone are computed once per distinct x.
/// </summary>
internal sealed class GammaGammaLikelihood : ILogLikelihoodFunction
{
    private readonly double[] _x;
    private readonly double[] _logM;
    private readonly double[] _logX;
    private readonly double[] _m;
    private readonly double[] _weight;
    private readonly int[] _index;
    private readonly double[] _distinct;
    private readonly double[] _lg;
    private readonly double[] _dgPx;
    private readonly double[] _dgPxq;

    public GammaGammaLikelihood(double[] frequency, double[] spend, double[] weight)
    {
        _x = frequency;
        _m = spend;
        _weight = weight;
        _logM = spend.Select(v => Math.Log(v)).ToArray();
        _logX = frequency.Select(v => Math.Log(v)).ToArray();
        _index = new int[frequency.Length];
        var map = new Dictionary<double, int>();
        var values = new List<double>();
        for (var i = 0; i < frequency.Length; i++)
        {
            if (!map.TryGetValue(frequency[i], out var k))
            {
                k = values.Count;
                map.Add(frequency[i], k);
                values.Add(frequency[i]);
            }

            _index[i] = k;
        }

        _distinct = [.. values];
        _lg = new double[_distinct.Length];
        _dgPx = new double[_distinct.Length];
        _dgPxq = new double[_distinct.Length];
        CustomerCount = weight.Sum();
    }

    public double CustomerCount { get; }

    public int Count => _x.Length;

    public int Dimension => 3;

    public bool HasGradient => true;

    public double Evaluate(ReadOnlySpan<double> parameters, Span<double> logGradient)
    {
        double p = parameters[0], q = parameters[1], gamma = parameters[2];
        for (var k = 0; k < _distinct.Length; k++)
        {
            var px = p * _distinct[k];
            _lg[k] = SpecialFunctions.LogGammaRatioUnchecked(px, q);
            _dgPx[k] = MathNet.Numerics.SpecialFunctions.DiGamma(px);
            _dgPxq[k] = MathNet.Numerics.SpecialFunctions.DiGamma(px + q);
        }

        var lgQ = MathNet.Numerics.SpecialFunctions.GammaLn(q);
        var dgQ = MathNet.Numerics.SpecialFunctions.DiGamma(q);
        var logGamma = Math.Log(gamma);
        double total = 0, gp = 0, gq = 0, gg = 0;
        for (var i = 0; i < _x.Length; i++)
        {
            var k = _index[i];
            var x = _x[i];
            var px = p * x;
            var denominator = gamma + (_m[i] * x);
            var logDenominator = Math.Log(denominator);
            var w = _weight[i];
            total += w * (_lg[k] - lgQ + (q * logGamma) + ((px - 1) * _logM[i]) + (px * _logX[i]) - ((px + q) * logDenominator));
            gp += w * x * (_dgPxq[k] - _dgPx[k] + _logM[i] + _logX[i] - logDenominator);
            gq += w * (_dgPxq[k] - dgQ + logGamma - logDenominator);
            gg += w * ((q / gamma) - ((px + q) / denominator));
        }

        if (logGradient.Length == 3)
        {
            logGradient[0] = gp * p;
            logGradient[1] = gq * q;
            logGradient[2] = gg * gamma;
        }

        return total;
    }
}
