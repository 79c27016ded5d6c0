using Ltv.Core.Probabilistic.Numerics;

using MathNet.Numerics.Integration;

namespace Ltv.Core.Probabilistic.Models;

/// <summary>
/// Shared formulas of BG/NBD (Fader, Hardie &amp; Lee 2005) and MBG/NBD (Batislam, Denizel &amp; Filiztekin 2007).
/// Both mix Poisson purchasing with rate λ ~ Gamma(r, α) and a geometric dropout with probability
/// p ~ Beta(a, b) at each death opportunity: after every repeat purchase (BG/NBD), and also right after
/// the first purchase at time 0 (MBG/NBD).
/// </summary>
internal static class BetaGeometric
{
    /// <summary>The largest horizon, as a multiple of α, for which the closed forms keep their accuracy (1 - t/(α + t) loses digits in double beyond it).</summary>
    public const double HorizonLimit = 1e9;

    /// <summary>A horizon t: finite, zero or more and at most <see cref="HorizonLimit"/> · α.</summary>
    public static double Horizon(double t, double alpha)
    {
        HistoryGuard.Horizon(t);
        if (t > HorizonLimit * alpha)
        {
            throw Validation.Guard.OutOfRange(nameof(t), $"at most 1e9 x alpha = {Validation.Guard.Show(HorizonLimit * alpha)} (the accuracy limit of the BG/NBD and MBG/NBD closed forms)", Validation.Guard.Show(t));
        }

        return t;
    }

    /// <summary>The second shape of the posterior Beta of p for a customer alive at T with x repeat purchases.</summary>
    public static double PosteriorB(double b, double x, bool modified) => modified ? b + x + 1 : b + x;

    /// <summary>ln of the odds "died after the last purchase" : "alive", times 1 (x &gt; 0 or modified), else -∞.</summary>
    public static double LogDeathOdds(double r, double alpha, double a, double b, double x, double recency, double age, bool modified)
    {
        if (!modified && x == 0)
        {
            return double.NegativeInfinity;
        }

        var denominator = modified ? b + x : b + x - 1;
        return Math.Log(a / denominator) + ((r + x) * (Math.Log(alpha + age) - Math.Log(alpha + recency)));
    }

    /// <summary>P(alive at T) = 1 / (1 + odds).</summary>
    public static double ProbabilityAlive(double r, double alpha, double a, double b, double x, double recency, double age, bool modified)
    {
        var k = LogDeathOdds(r, alpha, a, b, x, recency, age, modified);
        if (double.IsNegativeInfinity(k))
        {
            return 1;
        }

        return k > 0 ? Math.Exp(-k) / (1 + Math.Exp(-k)) : 1 / (1 + Math.Exp(k));
    }

    /// <summary>
    /// E[purchases in (0, t] | alive now] for posterior λ ~ Gamma(rr, aa) and p ~ Beta(a, bb):
    /// (a + bb - 1)/(a - 1) [1 - (aa/(aa + t))^rr ₂F₁(rr, bb; a + bb - 1; t/(aa + t))], the FHL closed form;
    /// where that form is singular (a near 1) or outside the ₂F₁ domain it is evaluated as the equivalent
    /// Beta expectation E[(1 - (1 + p t / aa)^(-rr)) / p] by quadrature.
    /// </summary>
    public static double ExpectedGivenAlive(double rr, double aa, double a, double bb, double t)
    {
        if (t == 0)
        {
            return 0;
        }

        var c = a + bb - 1;
        var z = t / (aa + t);
        var closedFormOk = Math.Abs(a - 1) > 1e-4 && c > 0 && (z <= 0.9 || c > rr || c > bb);
        if (closedFormOk)
        {
            var log = (rr * SpecialFunctions.LogOnePlus(-z)) + Hypergeometric.LogHyp2F1Unchecked(rr, bb, c, z);
            var value = c / (a - 1) * -SpecialFunctions.ExpMinusOne(log);
            if (double.IsFinite(value) && value >= 0)
            {
                return value;
            }
        }

        return ExpectedGivenAliveByQuadrature(rr, aa, a, bb, t);
    }

    /// <summary>The Beta expectation of (1 - (1 + p t / aa)^(-rr)) / p by adaptive quadrature (also the tests' independent check).</summary>
    public static double ExpectedGivenAliveByQuadrature(double rr, double aa, double a, double bb, double t)
    {
        var k = t / aa;
        double F(double p) => p * k < 1e-8 ? rr * k * (1 - ((rr + 1) * p * k / 2)) : -SpecialFunctions.ExpMinusOne(-rr * SpecialFunctions.LogOnePlus(p * k)) / p;
        return BetaExpectation(a, bb, F);
    }

    /// <summary>E[f(p)] for p ~ Beta(a, b), by Gauss-Kronrod quadrature with the endpoint singularities removed.</summary>
    public static double BetaExpectation(double a, double b, Func<double, double> f)
    {
        var logBeta = SpecialFunctions.LogBetaUnchecked(a, b);

        // ∫_0^(1/2) p^(a-1) g(p) dp with p = u^(1/a): (1/a) ∫_0^(2^-a) g(u^(1/a)) du, g(p) = (1-p)^(b-1) f(p) / B(a, b).
        var left = GaussKronrodRule.Integrate(
            u =>
            {
                var p = Math.Pow(u, 1 / a);
                return p <= 0 ? f(0) * Math.Exp(-logBeta) : Math.Exp(((b - 1) * SpecialFunctions.LogOnePlus(-p)) - logBeta) * f(p);
            },
            0,
            Math.Pow(0.5, a),
            out _,
            out _,
            1e-11,
            20,
            15) / a;

        // ∫_(1/2)^1 (1-p)^(b-1) h(p) dp with 1 - p = v^(1/b): (1/b) ∫_0^(2^-b) h(1 - v^(1/b)) dv, h(p) = p^(a-1) f(p) / B(a, b).
        var right = GaussKronrodRule.Integrate(
            v =>
            {
                var p = 1 - Math.Pow(v, 1 / b);
                return Math.Exp(((a - 1) * Math.Log(p)) - logBeta) * f(p);
            },
            0,
            Math.Pow(0.5, b),
            out _,
            out _,
            1e-11,
            20,
            15) / b;
        return left + right;
    }

    /// <summary>
    /// P(X(t) = n) for a new customer: (1-p)^n NB(n) [BG] or (1-p)^(n+1) NB(n) [MBG] for "alive with exactly n",
    /// plus p (1-p)^(n-1) P(NB ≥ n) [BG, n ≥ 1] or p (1-p)^n P(NB ≥ n) [MBG] for "died right after the n-th death opportunity";
    /// NB is the negative binomial count of a Gamma(r, α)-Poisson process in (0, t].
    /// </summary>
    public static double ProbabilityOfCount(double r, double alpha, double a, double b, int n, double t, bool modified)
    {
        if (t == 0)
        {
            return n == 0 ? 1 : 0;
        }

        var z = t / (alpha + t);
        var logNb = SpecialFunctions.LogGammaRatioUnchecked(r, n) - MathNet.Numerics.SpecialFunctions.GammaLn(n + 1.0)
            + (r * SpecialFunctions.LogOnePlus(-z)) + (n == 0 ? 0 : n * Math.Log(z));
        var survive = modified ? n + 1.0 : n;
        var logAlive = SpecialFunctions.LogBetaUnchecked(a, b + survive) - SpecialFunctions.LogBetaUnchecked(a, b);
        var probability = Math.Exp(logAlive + logNb);
        if (modified || n > 0)
        {
            var deathsBefore = modified ? n : n - 1.0;
            var logDied = SpecialFunctions.LogBetaUnchecked(a + 1, b + deathsBefore) - SpecialFunctions.LogBetaUnchecked(a, b);
            var tail = n == 0 ? 1 : MathNet.Numerics.SpecialFunctions.BetaRegularized(n, r, z);
            probability += Math.Exp(logDied) * tail;
        }

        return Math.Clamp(probability, 0, 1);
    }

    /// <summary>
    /// E[Y(t) | x, t_x, T] for many customers: P(alive) per customer times the "given alive" expectation, which
    /// depends on (x, T) only and is computed once per distinct pair.
    /// </summary>
    public static void ConditionalBulk(double r, double alpha, double a, double b, bool modified, double t, ReadOnlySpan<double> frequency, ReadOnlySpan<double> recency, ReadOnlySpan<double> age, Span<double> destination)
    {
        Horizon(t, alpha);
        var cache = new Dictionary<(double X, double T), double>();
        for (var i = 0; i < frequency.Length; i++)
        {
            double x = frequency[i], tx = recency[i], T = age[i];
            HistoryGuard.Check(x, tx, T);
            if (!cache.TryGetValue((x, T), out var given))
            {
                given = ExpectedGivenAlive(r + x, alpha + T, a, PosteriorB(b, x, modified), t);
                cache.Add((x, T), given);
            }

            destination[i] = ProbabilityAlive(r, alpha, a, b, x, tx, T, modified) * given;
        }
    }

    /// <summary>P(alive) for many customers.</summary>
    public static void AliveBulk(double r, double alpha, double a, double b, bool modified, ReadOnlySpan<double> frequency, ReadOnlySpan<double> recency, ReadOnlySpan<double> age, Span<double> destination)
    {
        for (var i = 0; i < frequency.Length; i++)
        {
            HistoryGuard.Check(frequency[i], recency[i], age[i]);
            destination[i] = ProbabilityAlive(r, alpha, a, b, frequency[i], recency[i], age[i], modified);
        }
    }
}
