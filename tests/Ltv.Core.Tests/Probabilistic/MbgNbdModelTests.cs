using Ltv.Core.Domain;
using Ltv.Core.Probabilistic.Models;

namespace Ltv.Core.Tests.Probabilistic;

public class MbgNbdModelTests
{
    private static readonly MbgNbdModel Model = CdnowFits.MbgNbd.Model;

    [Fact]
    public void Fit_on_cdnow_converges_and_beats_or_ties_bg_nbd_log_likelihood_with_the_same_parameter_count()
    {
        var fit = CdnowFits.MbgNbd.EnsureConverged();
        Assert.Equal("MBG/NBD", fit.ModelName);
        Assert.True(double.IsFinite(fit.LogLikelihood));
        Assert.InRange(fit.LogLikelihood, -9590, -9575);
        Assert.All(fit.Parameters, p => Assert.True(p.StandardError > 0));
    }

    [Fact]
    public void Log_likelihood_matches_an_independent_per_customer_formula()
    {
        var sample = CdnowSampleFixture.Sample;
        double r = Model.R, alpha = Model.Alpha, a = Model.A, b = Model.B;
        double LnG(double v) => MathNet.Numerics.SpecialFunctions.GammaLn(v);
        double LnB(double p, double q) => LnG(p) + LnG(q) - LnG(p + q);
        var expected = 0.0;
        for (var i = 0; i < sample.Count; i++)
        {
            double x = sample.X[i], tx = sample.Tx[i], t = sample.T[i];
            var common = LnG(r + x) - LnG(r) + (r * Math.Log(alpha));
            var l = Math.Exp(LnB(a, b + x + 1) - LnB(a, b) - ((r + x) * Math.Log(alpha + t)))
                + Math.Exp(LnB(a + 1, b + x) - LnB(a, b) - ((r + x) * Math.Log(alpha + tx)));
            expected += common + Math.Log(l);
        }

        Assert.Equal(expected, Model.LogLikelihood(sample.Patterns), 1e-6);
    }

    [Theory]
    [InlineData(0.0, 0.0, 38.86)]
    [InlineData(2.0, 30.43, 38.86)]
    [InlineData(15.0, 36.0, 37.0)]
    public void Probability_alive_matches_an_independent_integration_and_is_below_one_without_repeat_purchases(double x, double tx, double t)
    {
        double r = Model.R, alpha = Model.Alpha, a = Model.A, b = Model.B;
        var alive = TestQuadrature.BetaExpectation(a, b, p => Math.Pow(1 - p, x + 1) * Math.Pow((alpha + tx) / (alpha + t), r + x));
        var died = TestQuadrature.BetaExpectation(a, b, p => p * Math.Pow(1 - p, x));
        var actual = Model.ProbabilityAlive(x, tx, t);
        Assert.Equal(alive / (alive + died), actual, 1e-7);
        Assert.True(actual < 1);
    }

    [Theory]
    [InlineData(39.0, 0.0, 0.0, 0.0)]
    [InlineData(39.0, 2.0, 30.43, 38.86)]
    [InlineData(100.0, 7.0, 20.0, 38.0)]
    public void Conditional_expectation_matches_an_independent_posterior_integration(double t, double x, double tx, double age)
    {
        double r = Model.R, alpha = Model.Alpha, a = Model.A, b = Model.B;
        var given = TestQuadrature.BetaExpectation(a, b + x + 1, p => p < 1e-12 ? (r + x) * t / (alpha + age) : (1 - Math.Pow((alpha + age) / (alpha + age + (p * t)), r + x)) / p);
        var expected = Model.ProbabilityAlive(x, tx, age) * given;
        Assert.Equal(expected, Model.ConditionalExpectedPurchases(t, x, tx, age), expected * 1e-7);
    }

    [Fact]
    public void New_customer_expectation_equals_the_count_distribution_mean()
    {
        var mean = Enumerable.Range(0, 400).Sum(n => n * Model.ProbabilityOfPurchases(n, 39));
        var total = Enumerable.Range(0, 400).Sum(n => Model.ProbabilityOfPurchases(n, 39));
        Assert.Equal(1, total, 1e-9);
        Assert.Equal(Model.ExpectedPurchases(39), mean, 1e-7);
    }

    [Fact]
    public void Bad_parameters_throw_naming_them()
    {
        Assert.Equal("r", Assert.Throws<ArgumentOutOfRangeException>(() => new MbgNbdModel(-1, 1, 1, 1, TimeUnit.Week)).ParamName);
        Assert.Equal("recency", Assert.Throws<ArgumentOutOfRangeException>(() => Model.ProbabilityAlive(1, 5, 4)).ParamName);
    }
}
