using System.Globalization;
using System.Numerics;

using Ltv.Core.Probabilistic.Numerics;

namespace Ltv.Core.Tests.Probabilistic;

/// <summary>
/// ln ₂F₁ against references computed here, independently of the product: the defining Gauss series summed in
/// 512-bit fixed point with exact rational coefficients (every double is an exact binary fraction), so neither
/// cancellation (negative z) nor rounding can spoil the reference. The grid covers c &lt; max(a, b), where the
/// Euler-transformed series once cancelled catastrophically.
/// </summary>
public class HypergeometricReferenceTests
{
    private const int FractionBits = 512;

    private static readonly double[] Parameters = [0.3, 1.035, 7.5, 40, 92.378];

    private static readonly double[] Denominators = [0.5, 3.2, 34.949, 150];

    private static readonly double[] Arguments = [-0.9, -0.5, 0.05, 0.337849, 0.6, 0.9, 0.97, 0.99];

    [Fact]
    public void The_reported_point_is_right()
    {
        // mpmath (50 digits): ln 2F1(1.035, 92.378; 34.949; 0.337849) = 1.88546697367128...; it was -0.5308.
        Assert.Equal(1.88546697367128, Hypergeometric.LogHyp2F1(1.035, 92.378, 34.949, 0.337849), 1e-12);
        Assert.Equal(1.88546697367128, LogReference(1.035, 92.378, 34.949, 0.337849), 1e-12);
    }

    [Fact]
    public void Matches_an_exact_series_on_a_grid_covering_c_below_max_a_b()
    {
        var failures = new List<string>();
        var checkedBelow = 0;
        foreach (var a in Parameters)
        {
            foreach (var b in Parameters)
            {
                foreach (var c in Denominators)
                {
                    foreach (var z in Arguments)
                    {
                        var inDomain = (z >= 0 && z <= 0.97) || c > a || c > b;
                        if (!inDomain)
                        {
                            Assert.Throws<ArgumentOutOfRangeException>(() => Hypergeometric.LogHyp2F1(a, b, c, z));
                            continue;
                        }

                        var expected = LogReference(a, b, c, z);
                        var actual = Hypergeometric.LogHyp2F1(a, b, c, z);
                        checkedBelow += c < Math.Max(a, b) ? 1 : 0;
                        if (!(Math.Abs(actual - expected) <= 1e-9 * Math.Max(1, Math.Abs(expected))))
                        {
                            failures.Add(string.Create(CultureInfo.InvariantCulture, $"2F1({a}, {b}; {c}; {z}): ln = {actual}, reference {expected}"));
                        }
                    }
                }
            }
        }

        Assert.True(checkedBelow > 300, $"only {checkedBelow} points with c < max(a, b)");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Theory]
    [InlineData(1.035, 92.378, 34.949, 0.337849)]
    [InlineData(0.3, 40.0, 3.2, 0.9)]
    [InlineData(7.5, 0.5, 0.6, -0.9)]
    public void The_reference_itself_agrees_with_mpmath(double a, double b, double c, double z)
    {
        // Values from mpmath.hyp2f1 at 50 digits, to check the test's own series.
        var mpmath = (a, b, c, z) switch
        {
            (1.035, 92.378, 34.949, 0.337849) => 1.88546697367128,
            (0.3, 40.0, 3.2, 0.9) => 74.9751595141502,
            _ => -2.56624330969923,
        };
        Assert.Equal(mpmath, LogReference(a, b, c, z), 1e-11);
    }

    /// <summary>
    /// ln ₂F₁(a, b; c; z) for |z| &lt; 1 by the Gauss series in fixed point: term(n+1) = term(n) (a+n)(b+n) z / ((c+n)(n+1)),
    /// each factor an exact rational, truncated to 512 fraction bits; stops once the ratio is below 1 and the geometric
    /// bound of the tail is below 2^-200 of the sum.
    /// </summary>
    internal static double LogReference(double a, double b, double c, double z)
    {
        var (pa, qa) = Exact(a);
        var (pb, qb) = Exact(b);
        var (pc, qc) = Exact(c);
        var (pz, qz) = Exact(z);
        var one = BigInteger.One << FractionBits;
        var term = one;
        var sum = one;
        for (var n = 0; n < 2_000_000; n++)
        {
            var numerator = (pa + (n * qa)) * (pb + (n * qb)) * pz * qc;
            var denominator = qa * qb * qz * (pc + (n * qc)) * (n + 1);
            term = term * numerator / denominator;
            sum += term;
            var ratio = Math.Abs((a + n + 1) * (b + n + 1) / ((c + n + 1) * (n + 2)) * z);
            var bound = Math.Max(ratio, Math.Abs(z));
            if (term.IsZero || (bound < 1 && BigInteger.Abs(term) * 1_000_000 < BigInteger.Abs(sum) >> 200 && ratio < 1))
            {
                return BigInteger.Log(sum) - (FractionBits * Math.Log(2));
            }
        }

        throw new InvalidOperationException($"the reference series did not converge for 2F1({a}, {b}; {c}; {z})");
    }

    /// <summary>A double as an exact fraction p / q with q a power of two.</summary>
    private static (BigInteger P, BigInteger Q) Exact(double value)
    {
        var bits = BitConverter.DoubleToInt64Bits(value);
        var exponent = (int)((bits >> 52) & 0x7FF);
        var mantissa = bits & 0xF_FFFF_FFFF_FFFFL;
        if (exponent == 0)
        {
            exponent = 1;
        }
        else
        {
            mantissa |= 1L << 52;
        }

        var power = exponent - 1075;
        var p = new BigInteger(mantissa) * (value < 0 ? -1 : 1);
        return power >= 0 ? (p << power, BigInteger.One) : (p, BigInteger.One << -power);
    }
}
