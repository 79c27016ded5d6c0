using Ltv.Core.Validation;

using MathNet.Numerics.Integration;

namespace Ltv.Core.Probabilistic.Numerics;

/// <summary>
/// The Gauss hypergeometric function ₂F₁(a, b; c; z) for positive real parameters and real z &lt; 1,
/// evaluated in log space so that values far beyond the range of <see cref="double"/> (large
/// purchase counts and ages in Pareto/NBD) stay finite.
/// </summary>
/// <remarks>
/// <para>Domain: a, b, c finite and positive, z finite and below 1. For z in [0, 0.97] every parameter
/// combination works whose series converges within 200,000 terms, and every one with c &gt; a or c &gt; b (a slower
/// series is replaced by Euler's integral; otherwise <see cref="ArithmeticException"/>); for z &lt; 0 and for z in (0.97, 1) the function also needs c &gt; a or c &gt; b (the
/// function is symmetric in a and b; the larger-than-one swap is done for you), which always holds for
/// the Pareto/NBD and BG/NBD arguments. Outside it an <see cref="ArgumentOutOfRangeException"/> names c.</para>
/// <para>Regimes: (0) 0 &lt; z &lt; 1 with |c - a| + |c - b| &lt; a + b: Euler's transformation
/// (1 - z)^(c-a-b) ₂F₁(c - a, c - b; c; z), used when its series converges quickly (z ≤ 0.97, or c (1 - z) ≥
/// 4 |(c - a)(c - b)|) and its terms do not cancel (a negative c - a or c - b makes them alternate: the sum is
/// used only when no term exceeds 1e3 times it), which keeps BG/NBD predictions for customers with millions of purchases cheap.
/// (1) 0 ≤ z ≤ 0.97: the Gauss series; all terms are positive, so it is summed with
/// rescaling (no overflow, no cancellation) until the bounded tail is below 1e-16 of the sum.
/// (2) z &lt; 0: Pfaff's transformation ₂F₁(a, b; c; z) = (1 - z)^(-b) ₂F₁(c - a, b; c; z / (z - 1)) with
/// c &gt; a, which maps z to (0, 1) with positive terms. (3) 0.97 &lt; z &lt; 1 (near the singular point
/// z = 1, where the series converges slowly): Euler's integral
/// ₂F₁ = Γ(c) / (Γ(a) Γ(c - a)) ∫₀¹ t^(a-1) (1 - t)^(c-a-1) (1 - z t)^(-b) dt, split at t = 1/2: the left half
/// in t (with t = u^(1/a) when a &lt; 1), the right half in q = ln(1 - z t), which spreads the peak at t = 1
/// (with (q - q0)^(c-a) as variable when c - a &lt; 1), each scaled by its maximum and evaluated by adaptive
/// Gauss-Kronrod quadrature (MathNet.Numerics, relative error 1e-11). Tested against closed forms
/// ((1 - z)^(-a), -ln(1 - z)/z, arcsin, artanh), an independent Euler integral and regime borders: 1e-10
/// relative in the series regimes, 1e-9 in the integral regime, including log values above 2,000.</para>
/// </remarks>
public static class Hypergeometric
{
    private const double SeriesLimit = 0.97;
    /// <summary>
    /// The most terms a series may take (about 0.3 ms). Beyond it the series is slow because a numerator parameter is huge (its terms
    /// grow until n is near a b z / c); the function then uses Euler's integral, whose cost does not grow with the parameters. The
    /// previous limit, 50 million terms, let one far-out optimizer trial cost a second (2F1(5, 1e6; 6; 0.5) took 38 ms).
    /// </summary>
    private const int MaximumTerms = 200_000;

    /// <summary>
    /// ln of the largest accepted ratio of the largest term to the sum in the Euler-transformed series (1e3: at
    /// most three of the sixteen digits lost to cancellation); beyond it the direct series or the integral is used.
    /// </summary>
    private static readonly double MaximumLogCancellation = Math.Log(1e3);

    /// <summary>ln ₂F₁(a, b; c; z); the function is positive on the documented domain.</summary>
    /// <param name="a">First numerator parameter, finite and positive.</param>
    /// <param name="b">Second numerator parameter, finite and positive.</param>
    /// <param name="c">Denominator parameter, finite and positive (and above a or b when z &lt; 0 or z &gt; 0.97).</param>
    /// <param name="z">The argument, finite and below 1.</param>
    /// <returns>The natural logarithm of ₂F₁(a, b; c; z).</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside the domain; the message names it and its value.</exception>
    /// <exception cref="ArithmeticException">0 &lt; z ≤ 0.97, c ≤ a, c ≤ b and the series needs more than 200,000 terms (parameters in the millions).</exception>
    public static double LogHyp2F1(double a, double b, double c, double z)
    {
        Guard.FinitePositive(a);
        Guard.FinitePositive(b);
        Guard.FinitePositive(c);
        if (!double.IsFinite(z) || z >= 1)
        {
            throw Guard.OutOfRange(nameof(z), "finite and below 1", Guard.Show(z));
        }

        if ((z < 0 || z > SeriesLimit) && !(c > a) && !(c > b))
        {
            throw Guard.OutOfRange(nameof(c), $"greater than a = {Guard.Show(a)} or b = {Guard.Show(b)} when z = {Guard.Show(z)} is below 0 or above {Guard.Show(SeriesLimit)}", Guard.Show(c));
        }

        return LogHyp2F1Unchecked(a, b, c, z);
    }

    /// <summary>₂F₁(a, b; c; z) itself; +∞ when the value exceeds <see cref="double.MaxValue"/> (use <see cref="LogHyp2F1"/> then).</summary>
    /// <param name="a">First numerator parameter, finite and positive.</param>
    /// <param name="b">Second numerator parameter, finite and positive.</param>
    /// <param name="c">Denominator parameter, finite and positive.</param>
    /// <param name="z">The argument, finite and below 1.</param>
    /// <returns>₂F₁(a, b; c; z).</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside the domain of <see cref="LogHyp2F1"/>.</exception>
    public static double Hyp2F1(double a, double b, double c, double z) => Math.Exp(LogHyp2F1(a, b, c, z));

    internal static double LogHyp2F1Unchecked(double a, double b, double c, double z)
    {
        if (z == 0)
        {
            return 0;
        }

        if (z > 0)
        {
            // Euler's transformation 2F1(a, b; c; z) = (1 - z)^(c-a-b) 2F1(c-a, c-b; c; z) when it shrinks the
            // numerator parameters (BG/NBD conditional expectations: a = r+x, b = b+x, c = a+b+x-1 with x large),
            // and the transformed series then converges fast even near z = 1.
            var ca = c - a;
            var cb = c - b;
            if (Math.Abs(ca) + Math.Abs(cb) < a + b && (z <= SeriesLimit || c * (1 - z) >= 4 * Math.Abs(ca * cb)))
            {
                var transformed = LogSeries(ca, cb, c, z, out var sign, out var logCancellation);
                if (sign > 0 && logCancellation <= MaximumLogCancellation)
                {
                    return ((c - a - b) * SpecialFunctions.LogOnePlus(-z)) + transformed;
                }
            }

            if (z <= SeriesLimit)
            {
                var direct = LogSeries(a, b, c, z, out var directSign, out _);
                if (directSign != 0 || !(c > a || c > b))
                {
                    return directSign != 0 ? direct : throw new ArithmeticException($"The hypergeometric series 2F1({Guard.Show(a)}, {Guard.Show(b)}; {Guard.Show(c)}; {Guard.Show(z)}) did not converge in {MaximumTerms} terms.");
                }

                // Too slow a series: Euler's integral below (it needs c > a, after the swap).
            }
        }

        // From here c > a after an optional swap (the function is symmetric in a and b).
        if (!(c > a))
        {
            (a, b) = (b, a);
        }

        if (z < 0)
        {
            // Pfaff: (1 - z)^(-b) 2F1(c - a, b; c; z / (z - 1)); c > c - a > 0, so the domain is kept.
            var w = z / (z - 1);
            return (-b * SpecialFunctions.LogOnePlus(-z)) + LogHyp2F1Unchecked(c - a, b, c, w);
        }

        return LogEulerIntegral(a, b, c, z);
    }

    /// <summary>
    /// The Gauss series for 0 &lt; z ≤ 0.97 (or faster-converging transformed arguments), summed with rescaling;
    /// returns ln |sum|, its sign and ln(largest |term| / |sum|), or sign 0 when it did not converge within MaximumTerms terms. Terms are positive when a, b, c are; after
    /// Euler's transformation a numerator may be negative, which makes the first terms change sign and can
    /// cancel catastrophically: 2F1(33.914, -57.429; 34.949; 0.338) sums terms near 1e8 to about 0.02, which
    /// once gave ln 2F1(1.035, 92.378; 34.949; 0.337849) = -0.5308 instead of 1.8855. The caller refuses the
    /// transformed sum when that ratio shows more than three digits lost.
    /// </summary>
    private static double LogSeries(double a, double b, double c, double z, out int sign, out double logCancellation)
    {
        double sum = 1;
        double term = 1;
        double largest = 1;
        double logScale = 0;
        var ratio = a * b / c * z;
        for (var n = 0; n < MaximumTerms; n++)
        {
            term *= ratio;
            sum += term;
            largest = Math.Max(largest, Math.Abs(term));
            if (Math.Abs(sum) > 1e250 || largest > 1e250)
            {
                sum *= 1e-250;
                term *= 1e-250;
                largest *= 1e-250;
                logScale += 250 * Math.Log(10);
            }

            // The term ratio tends to z; once the next ratio is below 1 in size the tail is bounded by a geometric
            // series with ratio max(|next|, z) (the ratio is a ratio of quadratics in n, monotone from there on).
            ratio = (a + n + 1) * (b + n + 1) / ((c + n + 1) * (n + 2)) * z;
            var bound = Math.Max(Math.Abs(ratio), z);
            if (term == 0 || (bound < 1 && Math.Abs(term) * bound <= 1e-16 * (1 - bound) * Math.Abs(sum)))
            {
                sign = Math.Sign(sum);
                logCancellation = sum == 0 ? double.PositiveInfinity : Math.Log(largest) - Math.Log(Math.Abs(sum));
                return logScale + Math.Log(Math.Abs(sum));
            }
        }

        // Not converged within MaximumTerms: sign 0 tells the caller to use another representation.
        sign = 0;
        logCancellation = double.PositiveInfinity;
        return double.NaN;
    }

    /// <summary>Euler's integral for 0.97 &lt; z &lt; 1 and c &gt; a &gt; 0, in log space.</summary>
    private static double LogEulerIntegral(double a, double b, double c, double z)
    {
        var m = c - a;
        var logPrefactor = SpecialFunctions.LogGammaRatioUnchecked(a, m) - MathNet.Numerics.SpecialFunctions.GammaLn(m);
        double Power(double exponent, double logBase) => exponent == 0 ? 0 : exponent * logBase;
        double LogF(double t) => Power(a - 1, Math.Log(t)) + Power(m - 1, SpecialFunctions.LogOnePlus(-t)) - (b * SpecialFunctions.LogOnePlus(-z * t));

        // Left half: directly when a ≥ 1; else t = u^(1/a), which turns t^(a-1) dt into du / a.
        var left = a >= 1
            ? LogIntegral(LogF, 0, 0.5)
            : LogIntegral(u => Power(m - 1, SpecialFunctions.LogOnePlus(-Math.Pow(u, 1 / a))) - (b * SpecialFunctions.LogOnePlus(-z * Math.Pow(u, 1 / a))), 0, Math.Pow(0.5, a)) - Math.Log(a);

        // Right half in q = ln(1 - z t), which spreads the peak of (1 - z t)^(-b) at t = 1 (width (1 - z)/z in t) over
        // an O(1/b) range in q: t = -expm1(q)/z, 1 - t = (1 - z) expm1(q - q0)/z, dt = -e^q dq / z.
        var q0 = SpecialFunctions.LogOnePlus(-z);
        var q1 = SpecialFunctions.LogOnePlus(-z / 2);
        var logRatio = Math.Log((1 - z) / z);
        var logZ = Math.Log(z);
        double LogT(double q) => Math.Log(-SpecialFunctions.ExpMinusOne(q)) - logZ;
        double LogExcess(double d) => d < 1e-8 ? d / 2 : Math.Log(SpecialFunctions.ExpMinusOne(d) / d);
        var right = m >= 1
            ? LogIntegral(q => Power(a - 1, LogT(q)) + Power(m - 1, logRatio + Math.Log(SpecialFunctions.ExpMinusOne(q - q0))) + ((1 - b) * q) - logZ, q0, q1)

            // m < 1: (q - q0)^(m-1) is singular at q0; with w = (q - q0)^m, (q - q0)^(m-1) dq = dw / m.
            : LogIntegral(
                w =>
                {
                    var d = Math.Pow(w, 1 / m);
                    var q = q0 + d;
                    return Power(a - 1, LogT(q)) + ((m - 1) * (logRatio + LogExcess(d))) + ((1 - b) * q) - logZ;
                },
                0,
                Math.Pow(q1 - q0, m)) - Math.Log(m);
        return logPrefactor + SpecialFunctions.LogAddExp(left, right);
    }

    /// <summary>ln ∫ exp(g) over [from, to], scaled by the largest value of g on a grid so the integrand stays near 1 at its peak.</summary>
    private static double LogIntegral(Func<double, double> logIntegrand, double from, double to)
    {
        if (!(to > from))
        {
            return double.NegativeInfinity;
        }

        var scale = double.NegativeInfinity;
        for (var i = 0; i <= 256; i++)
        {
            var value = logIntegrand(from + ((to - from) * i / 256));
            if (double.IsFinite(value))
            {
                scale = Math.Max(scale, value);
            }
        }

        if (double.IsNegativeInfinity(scale))
        {
            return double.NegativeInfinity;
        }

        var integral = GaussKronrodRule.Integrate(
            s =>
            {
                var value = logIntegrand(s);
                return double.IsFinite(value) ? Math.Exp(value - scale) : 0;
            },
            from,
            to,
            out _,
            out _,
            1e-11,
            15,
            15);
        return scale + Math.Log(integral);
    }
}
