namespace Ltv.Core.Probabilistic.Numerics;

/// <summary>
/// The scaled generalized exponential integral e^z E_s(z) = ∫₀^∞ e^(-zv) (1 + v)^(-s) dv for real s &gt; 0 and z &gt; 0
/// (it equals z^(s-1) U(s, s, z), the confluent hypergeometric function of the second kind in the Pareto/NBD DERT of
/// Fader, Hardie &amp; Lee 2005). For z ≥ 1 the continued fraction of E_s (modified Lentz); for z &lt; 1 the relation
/// E_s(z) = z^(s-1) Γ(1-s, z) with Γ(a, z) = [Γ(1+a) - z^a]/a - z^a Σ_{k≥1} (-z)^k / (k! (a+k)) for a = 1 - s₀ in (-1/2, 1),
/// then the upward recurrence I_(s+1) = (1 - z I_s) / s to reach s = s₀ + n. Relative error about 1e-15.
/// </summary>
internal static class ExponentialIntegral
{
    private const double EulerGamma = 0.57721566490153286061;

    /// <summary>ζ(k) for k = 0..60 (k ≥ 2 used): the lower ones exactly, the rest by direct summation.</summary>
    private static readonly double[] Zeta = BuildZeta();

    /// <summary>e^z E_s(z) = ∫₀^∞ e^(-zv) (1 + v)^(-s) dv; <paramref name="s"/> &gt; 0 and <paramref name="z"/> &gt; 0, finite.</summary>
    public static double Scaled(double s, double z)
    {
        if (z >= 1)
        {
            return ContinuedFraction(s, z);
        }

        var n = s >= 1.5 ? Math.Floor(s - 0.5) : 0;
        var order = s - n;
        var value = SmallArgument(order, z);
        for (var j = 0; j < n; j++)
        {
            value = (1 - (z * value)) / order;
            order += 1;
        }

        return value;
    }

    private static double ContinuedFraction(double s, double z)
    {
        var b = z + s;
        var c = 1e300;
        var d = 1 / b;
        var h = d;
        for (var i = 1; i < 100_000; i++)
        {
            var an = -i * (s - 1 + i);
            b += 2;
            d = 1 / ((an * d) + b);
            c = b + (an / c);
            var delta = c * d;
            h *= delta;
            if (Math.Abs(delta - 1) < 1e-16)
            {
                break;
            }
        }

        return h;
    }

    /// <summary>e^z z^(s-1) Γ(1-s, z) for s in (0, 1.5) and 0 &lt; z &lt; 1.</summary>
    private static double SmallArgument(double s, double z)
    {
        var a = 1 - s;
        var logZ = Math.Log(z);

        // [Γ(1+a) - 1]/a - [z^a - 1]/a, each with its limit at a = 0 (-γ and ln z).
        var y = a * logZ;
        var powerPart = a == 0 ? logZ : SpecialFunctions.ExpMinusOne(y) / a;
        var head = GammaOnePlusMinusOneOver(a) - powerPart;

        // Σ_{k≥1} (-z)^k / (k! (a+k)).
        double sum = 0, term = 1;
        for (var k = 1; k < 200; k++)
        {
            term *= -z / k;
            var add = term / (a + k);
            sum += add;
            if (Math.Abs(add) < 1e-17 * Math.Abs(sum))
            {
                break;
            }
        }

        var za = Math.Exp(y);
        var upper = head - (za * sum);
        return Math.Exp(z - y) * upper;
    }

    /// <summary>(Γ(1+a) - 1) / a for a in (-1/2, 1), accurate near a = 0 (ln Γ(1+a) by its ζ series there).</summary>
    private static double GammaOnePlusMinusOneOver(double a)
    {
        if (a >= 0.5)
        {
            return (MathNet.Numerics.SpecialFunctions.Gamma(1 + a) - 1) / a;
        }

        if (a == 0)
        {
            return -EulerGamma;
        }

        // ln Γ(1+a) = -γ a + Σ_{k≥2} (-1)^k ζ(k) a^k / k, |a| < 1/2.
        double logGammaOverA = -EulerGamma, power = -1;
        for (var k = 2; k < Zeta.Length; k++)
        {
            power *= -a;
            var add = Zeta[k] * power / k;
            logGammaOverA += add;
            if (Math.Abs(add) < 1e-18)
            {
                break;
            }
        }

        var logGamma = logGammaOverA * a;
        return logGamma == 0 ? logGammaOverA : logGammaOverA * (SpecialFunctions.ExpMinusOne(logGamma) / logGamma);
    }

    private static double[] BuildZeta()
    {
        var zeta = new double[61];
        zeta[2] = Math.PI * Math.PI / 6;
        zeta[3] = 1.2020569031595942854;
        zeta[4] = Math.Pow(Math.PI, 4) / 90;
        zeta[5] = 1.0369277551433699263;
        zeta[6] = Math.Pow(Math.PI, 6) / 945;
        zeta[7] = 1.0083492773819228268;
        zeta[8] = Math.Pow(Math.PI, 8) / 9450;
        for (var k = 9; k < zeta.Length; k++)
        {
            // Tail beyond n = 200 is below 200^-8 / 8 ≈ 5e-20.
            var sum = 0.0;
            for (var n = 200; n >= 1; n--)
            {
                sum += Math.Pow(n, -k);
            }

            zeta[k] = sum;
        }

        return zeta;
    }
}
