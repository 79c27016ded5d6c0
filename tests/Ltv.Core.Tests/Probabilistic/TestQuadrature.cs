namespace Ltv.Core.Tests.Probabilistic;

/// <summary>Test-side numerical integration, independent of the product's quadrature: composite Simpson.</summary>
internal static class TestQuadrature
{
    public static double Simpson(Func<double, double> f, double from, double to, int intervals = 20_000)
    {
        if (intervals % 2 == 1)
        {
            intervals++;
        }

        var h = (to - from) / intervals;
        var sum = f(from) + f(to);
        for (var i = 1; i < intervals; i++)
        {
            sum += f(from + (i * h)) * (i % 2 == 1 ? 4 : 2);
        }

        return sum * h / 3;
    }

    /// <summary>E[f(p)] for p ~ Beta(a, b), with u = p^a on the left half and v = (1-p)^b on the right half.</summary>
    public static double BetaExpectation(double a, double b, Func<double, double> f)
    {
        var logB = MathNet.Numerics.SpecialFunctions.GammaLn(a) + MathNet.Numerics.SpecialFunctions.GammaLn(b) - MathNet.Numerics.SpecialFunctions.GammaLn(a + b);
        var left = Simpson(u => { var p = Math.Pow(u, 1 / a); return Math.Exp(((b - 1) * Math.Log(1 - p)) - logB) * f(p); }, 0, Math.Pow(0.5, a)) / a;
        var right = Simpson(v => { var p = 1 - Math.Pow(v, 1 / b); return p <= 0 ? 0 : Math.Exp(((a - 1) * Math.Log(p)) - logB) * f(p); }, 0, Math.Pow(0.5, b)) / b;
        return left + right;
    }

    /// <summary>E[f(x)] for x ~ Gamma(shape, rate), by Simpson on the quantile-like map x = -ln(1 - u) / rate... over a wide range.</summary>
    public static double GammaExpectation(double shape, double rate, Func<double, double> f)
    {
        var logNorm = (shape * Math.Log(rate)) - MathNet.Numerics.SpecialFunctions.GammaLn(shape);

        // x = w^(1/shape) removes the x^(shape-1) singularity at 0: x^(shape-1) dx = dw / shape.
        var upper = (shape + (40 * Math.Sqrt(shape)) + 40) / rate;
        return Simpson(w => { var x = Math.Pow(w, 1 / shape); return Math.Exp(logNorm - (rate * x)) * f(x); }, 0, Math.Pow(upper, shape), 200_000) / shape;
    }
}
