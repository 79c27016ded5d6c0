using Ltv.Core.Probabilistic.Numerics;
using MathNet.Numerics.Integration;

namespace Ltv.Core.Probabilistic.Models;

/// <summary>
/// DERT of the Pareto/NBD model given alive (Fader, Hardie &amp; Lee 2005, "RFM and CLV", with continuous discounting at
/// rate δ): (r+x)/(α+T) · ∫₀^∞ e^(-δu) ((β+T)/(β+T+u))^s du = (r+x)/(α+T) · (β+T) · e^z E_s(z), z = δ(β+T), which is the
/// paper's δ^(s-1) (β+T)^s Ψ(s, s; δ(β+T)) written with the scaled exponential integral. The quadrature it replaced is
/// kept as <see cref="ResidualIntegralByQuadrature"/>, the tests' and benchmarks' reference.
/// </summary>
internal static class ParetoNbdDert
{
    /// <summary>E[discounted residual transactions | alive at T] for a customer with x repeat purchases and age T.</summary>
    public static double GivenAlive(double r, double alpha, double s, double beta, double delta, double x, double age) =>
        (r + x) / (alpha + age) * ResidualIntegral(s, beta + age, delta);

    /// <summary>∫₀^∞ e^(-δu) (1 + u/B)^(-s) du = B e^(δB) E_s(δB), closed form.</summary>
    public static double ResidualIntegral(double s, double scale, double delta) => scale * ExponentialIntegral.Scaled(s, delta * scale);

    /// <summary>The same integral by adaptive Gauss-Kronrod quadrature (u = v / (1 - v)), as computed before the closed form.</summary>
    public static double ResidualIntegralByQuadrature(double s, double scale, double delta) =>
        GaussKronrodRule.Integrate(
            v =>
            {
                if (v >= 1)
                {
                    return 0;
                }

                var u = v / (1 - v);
                return Math.Exp((-delta * u) - (s * SpecialFunctions.LogOnePlus(u / scale))) / ((1 - v) * (1 - v));
            },
            0,
            1,
            out _,
            out _,
            1e-10,
            25,
            15);
}
