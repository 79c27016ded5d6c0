using Ltv.Core.Probabilistic.Numerics;

using static MathNet.Numerics.SpecialFunctions;

namespace Ltv.Core.Benchmarks.Probabilistic;

/// <summary>Per-customer log-likelihoods written straight from the papers, for the naive baselines.</summary>
internal static class NaiveLikelihoods
{
    public static double BgNbd(double[] p, double[] x, double[] tx, double[] t)
    {
        double r = p[0], alpha = p[1], a = p[2], b = p[3];
        var total = 0.0;
        for (var i = 0; i < x.Length; i++)
        {
            var lnB = GammaLn(a) + GammaLn(b + x[i]) - GammaLn(a + b + x[i]) - (GammaLn(a) + GammaLn(b) - GammaLn(a + b));
            var l = Math.Exp(-(r + x[i]) * Math.Log(alpha + t[i]));
            if (x[i] > 0)
            {
                l += Math.Exp(Math.Log(a) - Math.Log(b + x[i] - 1) - ((r + x[i]) * Math.Log(alpha + tx[i])));
            }

            total += GammaLn(r + x[i]) - GammaLn(r) + (r * Math.Log(alpha)) + lnB + Math.Log(l);
        }

        return total;
    }

    public static double ParetoNbd(double[] p, double[] x, double[] tx, double[] t)
    {
        double r = p[0], alpha = p[1], s = p[2], beta = p[3];
        var total = 0.0;
        for (var i = 0; i < x.Length; i++)
        {
            var c = r + s + x[i];
            var g1 = Hypergeometric.LogHyp2F1(c, s + 1, c + 1, (alpha - beta) / (alpha + tx[i])) - (c * Math.Log(alpha + tx[i]));
            var g2 = Hypergeometric.LogHyp2F1(c, s + 1, c + 1, (alpha - beta) / (alpha + t[i])) - (c * Math.Log(alpha + t[i]));
            var alive = Math.Exp((-(r + x[i]) * Math.Log(alpha + t[i])) - (s * Math.Log(beta + t[i])));
            var died = s / c * (Math.Exp(g1) - Math.Exp(g2));
            total += GammaLn(r + x[i]) - GammaLn(r) + (r * Math.Log(alpha)) + (s * Math.Log(beta)) + Math.Log(alive + died);
        }

        return total;
    }

    public static double GammaGamma(double[] p, double[] x, double[] m)
    {
        double pp = p[0], q = p[1], g = p[2];
        var total = 0.0;
        for (var i = 0; i < x.Length; i++)
        {
            if (x[i] == 0)
            {
                continue;
            }

            var px = pp * x[i];
            total += GammaLn(px + q) - GammaLn(px) - GammaLn(q) + (q * Math.Log(g)) + ((px - 1) * Math.Log(m[i])) + (px * Math.Log(x[i])) - ((px + q) * Math.Log(g + (m[i] * x[i])));
        }

        return total;
    }
}
