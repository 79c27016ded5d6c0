using Ltv.Core.Probabilistic.Numerics;

namespace Ltv.Core.Probabilistic.Models;

/// <summary>
/// DERT of BG/NBD and MBG/NBD with continuous discounting at rate δ. No closed form is published (CLVTools lists BG/NBD
/// DERT as an open issue); this one is derived here. Given alive at T with posterior λ ~ Gamma(r+x, α+T) and
/// p ~ Beta(a, b') (b' = b+x for BG/NBD, b+x+1 for MBG/NBD), a customer buys at rate λ and is still alive after a
/// further time u with probability e^(-λpu) (a geometric death chance at each purchase), so
/// E[∫₀^∞ e^(-δu) dN(u) | λ, p] = λ / (δ + λp). Over λ: E[λ e^(-λpu)] = (r'/α')(1 + pu/α')^-(r'+1), whose discounted
/// integral is (r'/p) e^z E_(r'+1)(z) with z = δα'/p (the same scaled exponential integral as the Pareto/NBD DERT);
/// the remaining expectation over the Beta posterior is one adaptive Gauss-Kronrod integral. Its limit at p = 0 is r'/(δα').
/// </summary>
internal static class BetaGeometricDert
{
    /// <summary>E[discounted residual transactions | alive] for posterior Gamma(rr, aa) and Beta(a, bb).</summary>
    public static double GivenAlive(double rr, double aa, double a, double bb, double delta)
    {
        var limit = rr / (delta * aa);
        return BetaGeometric.BetaExpectation(a, bb, p =>
        {
            if (p < 1e-280)
            {
                return limit;
            }

            var z = delta * aa / p;
            return rr / p * ExponentialIntegral.Scaled(rr + 1, z);
        });
    }

    /// <summary>DERT of one customer (history already checked): P(alive) times the "given alive" value.</summary>
    public static double Value(double r, double alpha, double a, double b, bool modified, double delta, double x, double recency, double age) =>
        BetaGeometric.ProbabilityAlive(r, alpha, a, b, x, recency, age, modified)
        * GivenAlive(r + x, alpha + age, a, BetaGeometric.PosteriorB(b, x, modified), delta);

    /// <summary>Per pattern: P(alive), and when not empty E[Y(t) | x, t_x, T] and DERT; the "given alive" terms once per distinct (x, T).</summary>
    public static void Compute(double r, double alpha, double a, double b, bool modified, PatternIndex patterns, double t, double delta, Span<double> alive, Span<double> expected, Span<double> dert)
    {
        var given = new Dictionary<(double X, double T), (double Expected, double Dert)>();
        for (var k = 0; k < patterns.Count; k++)
        {
            double x = patterns.X[k], tx = patterns.Recency[k], T = patterns.Age[k];
            var p = BetaGeometric.ProbabilityAlive(r, alpha, a, b, x, tx, T, modified);
            alive[k] = p;
            if (expected.IsEmpty && dert.IsEmpty)
            {
                continue;
            }

            if (!given.TryGetValue((x, T), out var g))
            {
                var bb = BetaGeometric.PosteriorB(b, x, modified);
                g = (expected.IsEmpty ? 0 : BetaGeometric.ExpectedGivenAlive(r + x, alpha + T, a, bb, t), dert.IsEmpty ? 0 : GivenAlive(r + x, alpha + T, a, bb, delta));
                given.Add((x, T), g);
            }

            if (!expected.IsEmpty)
            {
                expected[k] = p * g.Expected;
            }

            if (!dert.IsEmpty)
            {
                dert[k] = p * g.Dert;
            }
        }
    }
}
