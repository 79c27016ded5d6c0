using Ltv.Core.Probabilistic.Fitting;
using Ltv.Core.Probabilistic.Numerics;

namespace Ltv.Core.Probabilistic.Models;

/// <summary>
/// The Pareto/NBD likelihood (Schmittlein, Morrison &amp; Colombo 1987, in the form of Fader &amp; Hardie's 2005 note):
/// L = Γ(r+x) α^r β^s / Γ(r) · [ (α+T)^-(r+x) (β+T)^-s + s/(r+s+x) (G(t_x) - G(T)) ],
/// G(y) = ₂F₁(r+s+x, s+1; r+s+x+1; (α-β)/(α+y)) / (α+y)^(r+s+x), all in log space. G(y) · s/(r+s+x) equals
/// s ∫_y^∞ (α+τ)^-(r+x) (β+τ)^-(s+1) dτ, so the bracket is the probability of the data given "alive at T" plus
/// "died at some τ in (t_x, T]". The argument (α-β)/(α+y) is negative when α &lt; β; <see cref="Hypergeometric"/>
/// then applies Pfaff's transformation, so one formula serves both orderings. Where every |z| ≤ 0.6 (the region the
/// optimum of real data lies in) the gradient is analytic; elsewhere the engine falls back to finite differences.
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
    private readonly double[] _dgr;
    private readonly double[][] _dLogJ;
    private readonly double _minimumY;

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
        _dgr = new double[data.DistinctFrequencies.Length];
        _dLogJ = [new double[_termX.Length], new double[_termX.Length], new double[_termX.Length], new double[_termX.Length]];
        _minimumY = _termY.Min();
    }

    public int Dimension => 4;

    public bool HasGradient => true;

    /// <summary>The largest |z| = |α - β| / (α + y) for which the analytic gradient is used (its series then converges geometrically).</summary>
    private const double AnalyticLimit = 0.6;

    public double Evaluate(ReadOnlySpan<double> parameters, Span<double> logGradient)
    {
        double r = parameters[0], alpha = parameters[1], s = parameters[2], beta = parameters[3];
        var largestZ = Math.Abs(alpha - beta) / (alpha + _minimumY);

        // For z < 0 the series alternates; its terms reach about ((1+|z|)/(1-|z|))^(s+1) times the sum, so the
        // analytic path is used only while that loses at most 4 digits.
        var cancellation = alpha < beta ? (s + 1) * Math.Log((1 + largestZ) / (1 - largestZ)) : 0;
        if (logGradient.Length == 4 && largestZ <= AnalyticLimit && cancellation <= 9.2)
        {
            return EvaluateWithGradient(r, alpha, s, beta, logGradient);
        }

        if (logGradient.Length == 4)
        {
            logGradient[0] = double.NaN;
        }

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

    /// <summary>
    /// Value and analytic gradient where every |z| ≤ 0.6. With J(y) = ∫_y^∞ (α+τ)^-(r+x) (β+τ)^-(s+1) dτ
    /// = H(a, b, z) / (a (α+y)^a), a = r+s+x, b = s+1, z = (α-β)/(α+y) and H(a, b, z) = ₂F₁(a, b; a+1; z)
    /// = Σ (b)_n / n! · a / (a+n) · z^n, the series gives H and its derivatives in a, b and z term by term:
    /// ∂H/∂a = Σ (b)_n / n! · n / (a+n)² z^n, ∂H/∂b = Σ (b)_n / n! · a / (a+n) · (ψ(b+n) - ψ(b)) z^n,
    /// ∂H/∂z = Σ n (b)_n / n! · a / (a+n) · z^(n-1). Then ln L = ... + ln(A + s (J(t_x) - J(T))).
    /// </summary>
    private double EvaluateWithGradient(double r, double alpha, double s, double beta, Span<double> logGradient)
    {
        for (var k = 0; k < _termX.Length; k++)
        {
            var y = _termY[k];
            var a = r + s + _termX[k];
            var b = s + 1;
            var z = (alpha - beta) / (alpha + y);
            double h = 1, ha = 0, hb = 0, hz = 0;
            double e = b;
            double harmonic = 0;
            for (var n = 1; n < 100_000; n++)
            {
                harmonic += 1 / (b + n - 1);
                var weight = a / (a + n);
                var c = e * z;
                h += c * weight;
                ha += c * n / ((a + n) * (a + n));
                hb += c * weight * harmonic;
                hz += e * n * weight;
                if (n > b + 2 && Math.Abs(e) * (n + harmonic + 1) < 1e-17 * h)
                {
                    break;
                }

                e *= (b + n) / (n + 1) * z;
            }

            var logAlphaY = Math.Log(alpha + y);
            _logG[k] = Math.Log(h) - (a * logAlphaY);
            var inverseA = 1 / a;
            _dLogJ[0][k] = (ha / h) - logAlphaY - inverseA;
            _dLogJ[1][k] = (hz / h * (beta + y) / ((alpha + y) * (alpha + y))) - (a / (alpha + y));
            _dLogJ[2][k] = (ha / h) + (hb / h) - logAlphaY - inverseA;
            _dLogJ[3][k] = -(hz / h) / (alpha + y);
        }

        for (var k = 0; k < _lgr.Length; k++)
        {
            _lgr[k] = SpecialFunctions.LogGammaRatioUnchecked(r, _data.DistinctFrequencies[k]);
            _dgr[k] = SpecialFunctions.DiGammaDifference(r, _data.DistinctFrequencies[k]);
            _logRsx[k] = Math.Log(r + s + _data.DistinctFrequencies[k]);
        }

        for (var k = 0; k < _logAlphaAge.Length; k++)
        {
            _logAlphaAge[k] = Math.Log(alpha + _data.DistinctAges[k]);
            _logBetaAge[k] = Math.Log(beta + _data.DistinctAges[k]);
        }

        double logAlpha = Math.Log(alpha), logBeta = Math.Log(beta), logS = Math.Log(s);
        var constant = (r * logAlpha) + (s * logBeta);
        double total = 0, gr = 0, gAlpha = 0, gs = 0, gBeta = 0;
        for (var i = 0; i < _data.Count; i++)
        {
            var x = _data.X[i];
            var k = _data.FrequencyIndex[i];
            var ageIndex = _data.AgeIndex[i];
            var age = _data.Age[i];
            var w = _data.Weight[i];
            var logAlive = (-(r + x) * _logAlphaAge[ageIndex]) - (s * _logBetaAge[ageIndex]);

            // d ln A / d(r, alpha, s, beta).
            double ar = -_logAlphaAge[ageIndex], aAlpha = -(r + x) / (alpha + age), aS = -_logBetaAge[ageIndex], aBeta = -s / (beta + age);
            double bracket = logAlive, dr = ar, dAlpha = aAlpha, dS = aS, dBeta = aBeta;
            if (_data.Recency[i] < age)
            {
                int one = _recencyTerm[i], two = _ageTerm[i];
                var d = _logG[two] - _logG[one];
                var rho = Math.Exp(d);
                var logDied = logS + _logG[one] + (d > -0.1 ? Math.Log(-SpecialFunctions.ExpMinusOne(d)) : Math.Log(1 - rho)) - _logRsx[k];
                double wDied, logSum;
                if (logDied > logAlive)
                {
                    var q = Math.Exp(logAlive - logDied);
                    wDied = 1 / (1 + q);
                    logSum = logDied + Math.Log(1 + q);
                }
                else
                {
                    var q = Math.Exp(logDied - logAlive);
                    wDied = q / (1 + q);
                    logSum = logAlive + Math.Log(1 + q);
                }

                var wAlive = 1 - wDied;
                var scale = 1 / (1 - rho);
                bracket = logSum;
                dr = (wAlive * ar) + (wDied * (_dLogJ[0][one] - (rho * _dLogJ[0][two])) * scale);
                dAlpha = (wAlive * aAlpha) + (wDied * (_dLogJ[1][one] - (rho * _dLogJ[1][two])) * scale);
                dS = (wAlive * aS) + (wDied * ((1 / s) + ((_dLogJ[2][one] - (rho * _dLogJ[2][two])) * scale)));
                dBeta = (wAlive * aBeta) + (wDied * (_dLogJ[3][one] - (rho * _dLogJ[3][two])) * scale);
            }

            total += w * (_lgr[k] + constant + bracket);
            gr += w * (_dgr[k] + logAlpha + dr);
            gAlpha += w * ((r / alpha) + dAlpha);
            gs += w * (logBeta + dS);
            gBeta += w * ((s / beta) + dBeta);
        }

        logGradient[0] = gr * r;
        logGradient[1] = gAlpha * alpha;
        logGradient[2] = gs * s;
        logGradient[3] = gBeta * beta;
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
