using FsCheck;
using FsCheck.Fluent;

using Ltv.Core.Probabilistic.Numerics;

namespace Ltv.Core.Tests.Probabilistic;

public class HypergeometricTests
{
    /// <summary>A fixed seed: this property once failed on one run and passed on the next, hiding a wrong value.</summary>
    private static readonly Microsoft.FSharp.Core.FSharpOption<Replay> FixedSeed = new Replay(new Rnd(20_261_203UL, 0x9E37_79B9_7F4A_7C15UL), null);

    [Theory]
    [InlineData(0.1)]
    [InlineData(0.5)]
    [InlineData(0.9)]
    [InlineData(0.95)]
    [InlineData(0.999999)]
    [InlineData(-0.5)]
    [InlineData(-5.0)]
    [InlineData(-1e6)]
    public void Logarithm_closed_form(double z)
    {
        // 2F1(1, 1; 2; z) = -ln(1 - z) / z.
        var expected = Math.Log(-Math.Log(1 - z) / z);
        Assert.Equal(expected, Hypergeometric.LogHyp2F1(1, 1, 2, z), 1e-10);
    }

    [Theory]
    [InlineData(3.0, 500.0, 0.99)]
    [InlineData(2000.0, 2500.0, 0.5)]
    [InlineData(1000.0, 1500.0, 0.95)]
    [InlineData(0.25, 0.3, 0.999)]
    [InlineData(7.5, 9.0, -30.0)]
    public void Power_closed_form_in_log_space_including_values_beyond_double_range(double a, double b, double z)
    {
        // 2F1(a, b; b; z) = (1 - z)^(-a).
        var expected = -a * Math.Log(1 - z);
        var actual = Hypergeometric.LogHyp2F1(a, b, b, z);
        Assert.Equal(expected, actual, Math.Abs(expected) * 1e-10 + 1e-12);
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(0.95)]
    [InlineData(0.9999)]
    public void Arcsine_closed_form(double z2)
    {
        // 2F1(1/2, 1/2; 3/2; z^2) = arcsin(z) / z.
        var z = Math.Sqrt(z2);
        Assert.Equal(Math.Asin(z) / z, Hypergeometric.Hyp2F1(0.5, 0.5, 1.5, z2), 1e-10);
    }

    [Theory]
    [InlineData(0.2)]
    [InlineData(0.97)]
    [InlineData(0.999999)]
    public void Inverse_hyperbolic_tangent_closed_form(double z)
    {
        // 2F1(1/2, 1; 3/2; z) = artanh(sqrt z) / sqrt z.
        var root = Math.Sqrt(z);
        Assert.Equal(Math.Atanh(root) / root, Hypergeometric.Hyp2F1(0.5, 1, 1.5, z), Math.Atanh(root) / root * 1e-9);
    }

    [Theory]
    [InlineData(0.553, 0.606, 0.0)]
    [InlineData(0.553, 0.606, 50.0)]
    [InlineData(0.553, 0.606, 1e5)]
    [InlineData(2.0, 0.1, 1e6)]
    public void Series_and_integral_regimes_agree_at_their_border_for_pareto_arguments(double r, double s, double x)
    {
        var a = r + s + x;
        var below = Hypergeometric.LogHyp2F1(a, s + 1, a + 1, 0.97);
        var above = Hypergeometric.LogHyp2F1(a, s + 1, a + 1, 0.97 + 1e-13);
        Assert.Equal(below, above, Math.Abs(below) * 1e-9 + 1e-9);
    }

    [Theory]
    [InlineData(0.553, 0.606, 3.0, 0.35)]
    [InlineData(0.553, 0.606, 3.0, 0.95)]
    [InlineData(0.553, 0.606, 400.0, 0.6)]
    [InlineData(0.553, 0.606, 400.0, 0.97)]
    [InlineData(0.553, 0.606, 3.0, 0.995)]
    [InlineData(0.553, 0.606, 400.0, 0.999)]
    public void Pareto_arguments_match_an_independent_euler_integral(double r, double s, double x, double z)
    {
        // 2F1(a, s+1; a+1; z) = a ∫_0^1 t^(a-1) (1 - z t)^(-(s+1)) dt; with t = e^(-w/a): ∫_0^∞ e^(-w) (1 - z e^(-w/a))^(-(s+1)) dw.
        var a = r + s + x;
        var expected = Math.Log(TestQuadrature.Simpson(w => Math.Exp(-w) * Math.Pow(1 - (z * Math.Exp(-w / a)), -(s + 1)), 0, 60, 200_000));
        Assert.Equal(expected, Hypergeometric.LogHyp2F1(a, s + 1, a + 1, z), Math.Abs(expected) * 1e-7 + 1e-7);
    }

    [Fact]
    public void Huge_bg_nbd_arguments_stay_finite_and_match_the_euler_transformation()
    {
        // 2F1(r+x, b+x; a+b+x-1; z) with x = 1e6: the direct series would need millions of terms.
        double r = 0.243, a = 0.793, b = 2.426, x = 1e6, z = 0.6;
        var value = Hypergeometric.LogHyp2F1(r + x, b + x, a + b + x - 1, z);
        Assert.True(double.IsFinite(value));

        // (1 - z)^(c-a-b) dominates: the transformed series is 1 + O(1/c).
        var leading = (a - 1 - r - x) * Math.Log(1 - z);
        Assert.Equal(leading, value, 1e-4);
    }

    [Theory]
    [InlineData(1.0, 1.0, 2.0, 1.0, "z")]
    [InlineData(1.0, 1.0, 2.0, double.NaN, "z")]
    [InlineData(-1.0, 1.0, 2.0, 0.5, "a")]
    [InlineData(1.0, 0.0, 2.0, 0.5, "b")]
    [InlineData(1.0, 1.0, double.PositiveInfinity, 0.5, "c")]
    [InlineData(3.0, 4.0, 2.0, 0.98, "c")]
    [InlineData(3.0, 4.0, 2.0, -0.5, "c")]
    public void Arguments_outside_the_domain_throw_naming_them(double a, double b, double c, double z, string name)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Hypergeometric.LogHyp2F1(a, b, c, z));
        Assert.Equal(name, error.ParamName);
    }

    [Fact]
    public void Is_finite_symmetric_and_at_least_one_for_non_negative_z_over_wide_ranges()
    {
        var gen =
            from a in Gen.Choose(1, 100_000).Select(v => v / 1000.0)
            from b in Gen.Choose(1, 100_000).Select(v => v / 1000.0)
            from c in Gen.Choose(1, 120_000).Select(v => v / 1000.0)
            from z in Gen.Choose(0, 999_999).Select(v => v / 1e6)
            select (a, b, c, z);
        Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var (a, b, c, z) = t;
            if (z > 0.97 && !(c > a) && !(c > b))
            {
                return true;
            }

            var value = Hypergeometric.LogHyp2F1(a, b, c, z);
            var swapped = Hypergeometric.LogHyp2F1(b, a, c, z);
            var ok = double.IsFinite(value) && value >= -1e-12 && Math.Abs(value - swapped) <= (1e-8 * Math.Abs(value)) + 1e-10;

            // Below z = 0.9 the exact reference series is cheap: check the value itself, not only its shape.
            var reference = z <= 0.9 ? HypergeometricReferenceTests.LogReference(a, b, c, z) : value;
            ok &= Math.Abs(value - reference) <= 1e-9 * Math.Max(1, Math.Abs(reference));
            return ok ? true : throw new InvalidOperationException($"a={a} b={b} c={c} z={z}: {value} vs {swapped}, reference {reference}");
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(1000).WithReplay(FixedSeed));
    }
}
