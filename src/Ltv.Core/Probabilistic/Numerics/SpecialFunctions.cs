using Ltv.Core.Validation;

namespace Ltv.Core.Probabilistic.Numerics;

/// <summary>
/// Log-gamma, log-beta and digamma functions in the forms the probabilistic models need: differences
/// of log-gamma values computed without cancellation when the arguments are large (a customer with a
/// million purchases must not lose digits).
/// </summary>
/// <remarks>
/// <para><see cref="LogGamma"/> and <see cref="DiGamma"/> delegate to MathNet.Numerics (Lanczos
/// approximation, about 14 correct digits). <see cref="LogGammaRatio"/> switches to the Stirling series
/// of both arguments (5 correction terms) when both are at least 10, so
/// ln Γ(x + d) - ln Γ(x) keeps about 14 significant digits even for x = 1e9; <see cref="LogBeta"/> is
/// built on it (unlike ln Γ(a) + ln Γ(b) - ln Γ(a + b), which loses digits when b is large).</para>
/// <para>All functions are pure and thread safe.</para>
/// </remarks>
public static class SpecialFunctions
{
    private const double HalfLogTwoPi = 0.91893853320467274178032973640562;

    /// <summary>ln Γ(x) for x &gt; 0.</summary>
    /// <param name="x">The argument, finite and positive.</param>
    /// <returns>ln Γ(x).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="x"/> is not finite and positive.</exception>
    public static double LogGamma(double x)
    {
        Guard.FinitePositive(x);
        return MathNet.Numerics.SpecialFunctions.GammaLn(x);
    }

    /// <summary>The digamma function ψ(x) = d ln Γ(x) / dx for x &gt; 0.</summary>
    /// <param name="x">The argument, finite and positive.</param>
    /// <returns>ψ(x).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="x"/> is not finite and positive.</exception>
    public static double DiGamma(double x)
    {
        Guard.FinitePositive(x);
        return MathNet.Numerics.SpecialFunctions.DiGamma(x);
    }

    /// <summary>ln Γ(x + d) - ln Γ(x) for x &gt; 0 and x + d &gt; 0, without cancellation for large arguments.</summary>
    /// <param name="x">The base argument, finite and positive.</param>
    /// <param name="d">The shift; x + d must be positive.</param>
    /// <returns>ln(Γ(x + d) / Γ(x)).</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is not finite, or x or x + d is not positive.</exception>
    public static double LogGammaRatio(double x, double d)
    {
        Guard.FinitePositive(x);
        Guard.Finite(d);
        var y = x + d;
        if (!(y > 0))
        {
            throw Guard.OutOfRange("x + d", "positive", Guard.Show(y));
        }

        return LogGammaRatioUnchecked(x, d);
    }

    /// <summary>ln B(a, b) = ln Γ(a) + ln Γ(b) - ln Γ(a + b), accurate when a or b is large.</summary>
    /// <param name="a">First argument, finite and positive.</param>
    /// <param name="b">Second argument, finite and positive.</param>
    /// <returns>ln B(a, b).</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is not finite and positive.</exception>
    public static double LogBeta(double a, double b)
    {
        Guard.FinitePositive(a);
        Guard.FinitePositive(b);
        return LogBetaUnchecked(a, b);
    }

    internal static double LogBetaUnchecked(double a, double b)
    {
        var small = Math.Min(a, b);
        var large = Math.Max(a, b);
        return MathNet.Numerics.SpecialFunctions.GammaLn(small) - LogGammaRatioUnchecked(large, small);
    }

    internal static double LogGammaRatioUnchecked(double x, double d)
    {
        if (d == 0)
        {
            return 0;
        }

        var y = x + d;
        if (x < 10 || y < 10)
        {
            return MathNet.Numerics.SpecialFunctions.GammaLn(y) - MathNet.Numerics.SpecialFunctions.GammaLn(x);
        }

        // Stirling: ln Γ(z) = (z - 1/2) ln z - z + ln(2π)/2 + δ(z). The difference of the leading terms is
        // (y - 1/2) ln y - (x - 1/2) ln x - d = d ln y + (x - 1/2) ln(y / x) - d, with ln(y / x) = log1p(d / x).
        var leading = (d * Math.Log(y)) + ((x - 0.5) * LogOnePlus(d / x)) - d;
        return leading + StirlingCorrection(y) - StirlingCorrection(x);
    }

    /// <summary>ln(1 + u), accurate for small u.</summary>
    internal static double LogOnePlus(double u)
    {
        // Goldberg's trick: with w = 1 + u rounded, ln(w) * u / (w - 1) is accurate to a few ulps.
        var w = 1 + u;
        return w == 1 ? u : Math.Log(w) * u / (w - 1);
    }

    /// <summary>e^u - 1, accurate for small u (Kahan's trick).</summary>
    internal static double ExpMinusOne(double u)
    {
        var e = Math.Exp(u);
        if (e == 1)
        {
            return u;
        }

        var em1 = e - 1;
        return em1 == -1 || double.IsInfinity(e) ? em1 : em1 * u / Math.Log(e);
    }

    /// <summary>Digamma difference ψ(x + d) - ψ(x) for whole d: an exact sum when d is small, else two digamma calls.</summary>
    internal static double DiGammaDifference(double x, double d)
    {
        if (d == 0)
        {
            return 0;
        }

        if (d <= 32 && d == Math.Floor(d))
        {
            var sum = 0.0;
            for (var k = 0; k < d; k++)
            {
                sum += 1 / (x + k);
            }

            return sum;
        }

        return MathNet.Numerics.SpecialFunctions.DiGamma(x + d) - MathNet.Numerics.SpecialFunctions.DiGamma(x);
    }

    /// <summary>ln(e^u + e^v) without overflow.</summary>
    internal static double LogAddExp(double u, double v)
    {
        if (double.IsNegativeInfinity(u))
        {
            return v;
        }

        if (double.IsNegativeInfinity(v))
        {
            return u;
        }

        return u > v ? u + LogOnePlus(Math.Exp(v - u)) : v + LogOnePlus(Math.Exp(u - v));
    }

    /// <summary>δ(z) = ln Γ(z) - [(z - 1/2) ln z - z + ln(2π)/2] for z ≥ 10 (Stirling series, error below 1e-16 there).</summary>
    private static double StirlingCorrection(double z)
    {
        var inv = 1 / z;
        var inv2 = inv * inv;
        return inv * ((1.0 / 12) - (inv2 * ((1.0 / 360) - (inv2 * ((1.0 / 1260) - (inv2 * ((1.0 / 1680) - (inv2 / 1188))))))));
    }

    /// <summary>ln Γ(z) through the Stirling series, for z ≥ 10 (tests compare it with the Lanczos value).</summary>
    internal static double LogGammaStirling(double z) => ((z - 0.5) * Math.Log(z)) - z + HalfLogTwoPi + StirlingCorrection(z);
}
