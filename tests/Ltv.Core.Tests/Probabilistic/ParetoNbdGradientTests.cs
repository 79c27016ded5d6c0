using Ltv.Core.Probabilistic.Models;

namespace Ltv.Core.Tests.Probabilistic;

public class ParetoNbdGradientTests
{
    [Theory]
    [InlineData(0.553, 10.578, 0.606, 11.669)]
    [InlineData(1.0, 5.0, 0.3, 7.5)]
    [InlineData(0.2, 20.0, 2.0, 13.0)]
    [InlineData(3.0, 8.0, 1.0, 8.0)]
    [InlineData(0.5, 10.0, 5.0, 11.0)]
    public void Analytic_gradient_matches_central_differences_of_the_2F1_likelihood(double r, double alpha, double s, double beta)
    {
        var likelihood = new ParetoNbdLikelihood(new PatternData(CdnowSampleFixture.Sample.Patterns));
        double[] p = [r, alpha, s, beta];
        var gradient = new double[4];
        var value = likelihood.Evaluate(p, gradient);
        Assert.False(double.IsNaN(gradient[0]));
        Assert.Equal(value, likelihood.Evaluate(p, []), Math.Abs(value) * 1e-12);
        for (var i = 0; i < 4; i++)
        {
            var numeric = LogParameterDifferences.Central(likelihood, p, i);
            Assert.Equal(numeric, gradient[i], Math.Abs(numeric) * 1e-5 + 1e-4);
        }
    }

    [Theory]
    [InlineData(0.5, 30.0, 0.6, 3.0)]
    [InlineData(0.5, 10.0, 15.0, 15.5)]
    public void Where_the_series_would_be_slow_or_cancel_the_likelihood_declines_the_analytic_gradient(double r, double alpha, double s, double beta)
    {
        var likelihood = new ParetoNbdLikelihood(new PatternData(CdnowSampleFixture.Sample.Patterns));
        var gradient = new double[4];
        double[] p = [r, alpha, s, beta];
        var value = likelihood.Evaluate(p, gradient);
        Assert.True(double.IsNaN(gradient[0]));
        Assert.Equal(value, likelihood.Evaluate(p, []));
    }
}
