using Ltv.Core.Probabilistic.Fitting;
using Ltv.Core.Probabilistic.Numerics;

namespace Ltv.Core.Probabilistic.Models;

/// <summary>
/// The Pareto/NBD likelihood (Schmittlein, Morrison &amp; Colombo 1987, in the form of Fader &amp; Hardie's 2005 note):
/// L = Γ(r+x) α^r β^s / Γ(r) · [ (α+T)^-(r+x) (β+T)^-s + s/(r+s+x) (G(t_x) - G(T)) ],
/// G(y) = ₂F₁(r+s+x, s+1; r+s+x+1; (α-β)/(α+y)) / (α+y)^(r+s+x), all in log space. G(y) · s/(r+s+x) equals
/// s ∫_y^∞ (α+τ)^-(r+x) (β+τ)^-(s+1) dτ, so the bracket is the probability of the data given "alive at T" plus
/// "died at some τ in (t_x, T]". The argument (α-β)/(α+y) is negative when α &lt; β; <see cref="Hypergeometric"/>
/// then applies Pfaff's transformation, so one formula serves both orderings.
/// </summary>
internal sealed class ParetoNbdLikelihood : ILogLikelihoodFunction
{
    private readonly PatternData _data;
    private readonly int[] _ageTerm;
    private readonly int[] _recencyTerm;
    private readonly double[] _termX;
    private readonly double[] _termY;
    private readonly double[] _logG;
    private readonly double[] _lgr;
    private readonly double[] _logRsx;
    private readonly double[] _logAlphaAge;
    private readonly double[] _logBetaAge;

    public ParetoNbdLikelihood(PatternData data)
    {
        _data = data;
        var map = new Dictionary<(double, double), int>();
        var xs = new List<double>();
        var ys = new List<double>();
        int Term(double x, double y)
        {
            if (!map.TryGetValue((x, y), out var k))
            {
                k = xs.Count;
                map.Add((x, y), k);
                xs.Add(x);
                ys.Add(y);
            }

            return k;
        }

        _ageTerm = new int[data.Count];
        _recencyTerm = new int[data.Count];
        for (var i = 0; i < data.Count; i++)
        {
            _ageTerm[i] = Term(data.X[i], data.Age[i]);
            _recencyTerm[i] = Term(data.X[i], data.Recency[i]);
        }

        _termX = [.. xs];
        _termY = [.. ys];
        _logG = new double[_termX.Length];
        _lgr = new double[data.DistinctFrequencies.Length];
        _logRsx = new double[data.DistinctFrequencies.Length];
        _logAlphaAge = new double[data.DistinctAges.Length];
        _logBetaAge = new double[data.DistinctAges.Length];
    }

    public int Dimension => 4;

    public bool HasGradient => false;

    public double Evaluate(ReadOnlySpan<double> parameters, Span<double> logGradient)
    {
        double r = parameters[0], alpha = parameters[1], s = parameters[2], beta = parameters[3];
        for (var k = 0; k < _termX.Length; k++)
        {
            _logG[k] = LogG(r, alpha, s, beta, _termX[k], _termY[k]);
        }

        for (var k = 0; k < _lgr.Length; k++)
        {
            _lgr[k] = SpecialFunctions.LogGammaRatioUnchecked(r, _data.DistinctFrequencies[k]);
            _logRsx[k] = Math.Log(r + s + _data.DistinctFrequencies[k]);
        }

        for (var k = 0; k < _logAlphaAge.Length; k++)
        {
            _logAlphaAge[k] = Math.Log(alpha + _data.DistinctAges[k]);
            _logBetaAge[k] = Math.Log(beta + _data.DistinctAges[k]);
        }

        var constant = (r * Math.Log(alpha)) + (s * Math.Log(beta));
        var logS = Math.Log(s);
        double total = 0;
        for (var i = 0; i < _data.Count; i++)
        {
            var x = _data.X[i];
            var k = _data.FrequencyIndex[i];
            var a = _data.AgeIndex[i];
            var logAlive = (-(r + x) * _logAlphaAge[a]) - (s * _logBetaAge[a]);
            var bracket = logAlive;
            if (_data.Recency[i] < _data.Age[i])
            {
                // Same as LogBracket, with the per-distinct logs; absolute precision is all a sum of logs needs.
                var logGRecency = _logG[_recencyTerm[i]];
                var d = _logG[_ageTerm[i]] - logGRecency;
                var logDifference = logGRecency + (d > -0.1 ? Math.Log(-SpecialFunctions.ExpMinusOne(d)) : Math.Log(1 - Math.Exp(d)));
                var logDied = logS + logDifference - _logRsx[k];
                bracket = logAlive > logDied ? logAlive + Math.Log(1 + Math.Exp(logDied - logAlive)) : logDied + Math.Log(1 + Math.Exp(logAlive - logDied));
            }

            total += _data.Weight[i] * (_lgr[k] + constant + bracket);
        }

        return total;
    }

    /// <summary>ln G(y) = ln ₂F₁(r+s+x, s+1; r+s+x+1; (α-β)/(α+y)) - (r+s+x) ln(α+y).</summary>
    public static double LogG(double r, double alpha, double s, double beta, double x, double y)
    {
        var a = r + s + x;
        return Hypergeometric.LogHyp2F1Unchecked(a, s + 1, a + 1, (alpha - beta) / (alpha + y)) - (a * Math.Log(alpha + y));
    }

    /// <summary>ln of the bracket of L; <paramref name="logAlive"/> receives ln of its first ("alive at T") term.</summary>
    public static double LogBracket(double r, double alpha, double s, double beta, double logS, double x, double recency, double age, double logGRecency, double logGAge, out double logAlive)
    {
        logAlive = (-(r + x) * Math.Log(alpha + age)) - (s * Math.Log(beta + age));
        if (!(recency < age))
        {
            return logAlive;
        }

        // ln(G(t_x) - G(T)) with G(T) < G(t_x).
        var d = logGAge - logGRecency;
        var logDifference = logGRecency + (d > -0.6931471805599453 ? Math.Log(-SpecialFunctions.ExpMinusOne(d)) : SpecialFunctions.LogOnePlus(-Math.Exp(d)));
        var logDied = logS + logDifference - Math.Log(r + s + x);
        return SpecialFunctions.LogAddExp(logAlive, logDied);
    }
}