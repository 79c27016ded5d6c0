using Ltv.Core.Probabilistic.Models;

using static MathNet.Numerics.SpecialFunctions;

namespace Ltv.Core.Tests.Probabilistic;

public class BetaGeometricGradientTests
{
    [Theory]
    [InlineData(false, 0.243, 4.414, 0.793, 2.426)]
    [InlineData(false, 1.0, 30.0, 1.0, 1.0)]
    [InlineData(false, 0.05, 0.5, 5.0, 0.3)]
    [InlineData(false, 8.0, 200.0, 0.1, 40.0)]
    [InlineData(true, 0.525, 6.183, 0.891, 1.614)]
    [InlineData(true, 1.0, 30.0, 1.0, 1.0)]
    [InlineData(true, 0.05, 0.5, 5.0, 0.3)]
    [InlineData(true, 8.0, 200.0, 0.1, 40.0)]
    public void Analytic_log_parameter_gradient_matches_central_differences(bool modified, double r, double alpha, double a, double b)
    {
        var likelihood = new BetaGeometricLikelihood(new PatternData(CdnowSampleFixture.Sample.Patterns), modified);
        double[] p = [r, alpha, a, b];
        var gradient = new double[4];
        var value = likelihood.Evaluate(p, gradient);
        Assert.Equal(value, likelihood.Evaluate(p, []));
        for (var i = 0; i < 4; i++)
        {
            var numeric = LogParameterDifferences.Central(likelihood, p, i);
            Assert.Equal(numeric, gradient[i], (Math.Abs(numeric) * 1e-6) + 1e-5);
        }
    }

    [Theory]
    [InlineData(false, 0.243, 4.414, 0.793, 2.426)]
    [InlineData(false, 3.0, 0.7, 0.2, 9.0)]
    [InlineData(true, 0.525, 6.183, 0.891, 1.614)]
    [InlineData(true, 3.0, 0.7, 0.2, 9.0)]
    public void Pattern_likelihood_equals_the_per_customer_formula_of_the_paper(bool modified, double r, double alpha, double a, double b)
    {
        // Fader, Hardie & Lee (2005), equation 6, one customer at a time (MBG/NBD: Batislam et al. 2007, dropout also at time 0).
        var sample = CdnowSampleFixture.Sample;
        var m = modified ? 1.0 : 0.0;
        var expected = 0.0;
        for (var i = 0; i < sample.Count; i++)
        {
            double x = sample.X[i], tx = sample.Tx[i], t = sample.T[i];
            var common = GammaLn(r + x) - GammaLn(r) + (r * Math.Log(alpha)) + BetaLn(a, b + x + m) - BetaLn(a, b);
            var stay = Math.Pow(alpha + t, -(r + x));
            var left = x > 0 || modified ? a / (b + x - 1 + m) * Math.Pow(alpha + tx, -(r + x)) : 0;
            expected += common + Math.Log(stay + left);
        }

        var actual = new BetaGeometricLikelihood(new PatternData(sample.Patterns), modified).Evaluate([r, alpha, a, b], []);
        Assert.Equal(expected, actual, Math.Abs(expected) * 1e-11);
    }
}
