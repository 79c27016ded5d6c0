using Ltv.Core.Domain;
using Ltv.Core.Probabilistic.Models;

namespace Ltv.Core.Tests.Probabilistic;

public class ParetoNbdModelTests
{
    private static readonly ParetoNbdModel Model = CdnowFits.ParetoNbd.Model;

    [Fact]
    public void Fit_on_cdnow_reproduces_the_published_estimates()
    {
        var fit = CdnowFits.ParetoNbd.EnsureConverged();
        Assert.Equal(0.553, fit.Model.R, 0.0005);
        Assert.Equal(10.578, fit.Model.Alpha, 0.0005);
        Assert.Equal(-9595.0, fit.LogLikelihood, 0.05);

        // The likelihood is flat along (s, beta): compare those to 1e-3 relative.
        Assert.Equal(0.606, fit.Model.S, 0.606 * 1e-3);
        Assert.Equal(11.669, fit.Model.Beta, 11.669 * 1e-3);
    }

    [Fact]
    public void Standard_errors_match_an_independent_finite_difference_hessian()
    {
        var patterns = CdnowSampleFixture.Sample.Patterns;
        var se = IndependentStandardErrors.Compute(p => new ParetoNbdModel(p[0], p[1], p[2], p[3], TimeUnit.Week).LogLikelihood(patterns), [Model.R, Model.Alpha, Model.S, Model.Beta]);
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(se[i], CdnowFits.ParetoNbd.Parameters[i].StandardError!.Value, se[i] * 0.01);
        }
    }

    /// <summary>Test-side likelihood: the integral over the death time τ by Simpson instead of ₂F₁.</summary>
    private static double IndependentLogLikelihood(ParetoNbdModel m, double x, double tx, double t)
    {
        double r = m.R, alpha = m.Alpha, s = m.S, beta = m.Beta;
        var common = MathNet.Numerics.SpecialFunctions.GammaLn(r + x) - MathNet.Numerics.SpecialFunctions.GammaLn(r) + (r * Math.Log(alpha)) + (s * Math.Log(beta));
        var alive = Math.Exp((-(r + x) * Math.Log(alpha + t)) - (s * Math.Log(beta + t)) + ((r + x) * Math.Log(alpha + tx)));
        var died = s * TestQuadrature.Simpson(tau => Math.Exp((-(r + x) * (Math.Log(alpha + tau) - Math.Log(alpha + tx))) - ((s + 1) * Math.Log(beta + tau))), tx, t);
        return common - ((r + x) * Math.Log(alpha + tx)) + Math.Log(alive + died);
    }

    [Theory]
    [InlineData(0.0, 0.0, 38.86)]
    [InlineData(2.0, 30.43, 38.86)]
    [InlineData(1.0, 1.71, 27.0)]
    [InlineData(29.0, 37.0, 38.0)]
    [InlineData(300.0, 37.5, 38.0)]
    [InlineData(5000.0, 37.99, 38.0)]
    [InlineData(100000.0, 4999.0, 5000.0)]
    [InlineData(1000000.0, 9999.9, 10000.0)]
    public void Log_likelihood_matches_an_independent_integration_over_the_death_time(double x, double tx, double t)
    {
        var patterns = Ltv.Core.History.RfmPatterns.Compress([x], [tx], [t], TimeUnit.Week);
        var expected = IndependentLogLikelihood(Model, x, tx, t);
        Assert.Equal(expected, Model.LogLikelihood(patterns), Math.Abs(expected) * 1e-8);
    }

    [Fact]
    public void Log_likelihood_is_right_when_alpha_is_much_larger_than_beta_near_z_one()
    {
        // (alpha - beta)/(alpha + y) close to 1 sends 2F1 through its integral regime.
        var m = new ParetoNbdModel(0.8, 500, 0.4, 0.2, TimeUnit.Week);
        foreach (var (x, tx, t) in new[] { (0.0, 0.0, 30.0), (3.0, 2.0, 30.0), (50.0, 29.0, 30.0) })
        {
            var patterns = Ltv.Core.History.RfmPatterns.Compress([x], [tx], [t], TimeUnit.Week);
            var expected = IndependentLogLikelihood(m, x, tx, t);
            Assert.Equal(expected, m.LogLikelihood(patterns), Math.Abs(expected) * 1e-7);
        }
    }

    [Theory]
    [InlineData(0.0, 0.0, 38.86)]
    [InlineData(2.0, 30.43, 38.86)]
    [InlineData(29.0, 37.0, 38.0)]
    public void Probability_alive_matches_the_independent_likelihood_split(double x, double tx, double t)
    {
        double r = Model.R, alpha = Model.Alpha, s = Model.S, beta = Model.Beta;
        var alive = Math.Exp((-(r + x) * Math.Log((alpha + t) / (alpha + tx))) - (s * Math.Log(beta + t)));
        var died = s * TestQuadrature.Simpson(tau => Math.Exp((-(r + x) * Math.Log((alpha + tau) / (alpha + tx))) - ((s + 1) * Math.Log(beta + tau))), tx, t);
        Assert.Equal(alive / (alive + died), Model.ProbabilityAlive(x, tx, t), 1e-8);
    }

    [Theory]
    [InlineData(39.0, 2.0, 30.43, 38.86)]
    [InlineData(39.0, 0.0, 0.0, 30.0)]
    [InlineData(500.0, 10.0, 35.0, 38.0)]
    public void Conditional_expectation_matches_an_independent_posterior_integration(double t, double x, double tx, double age)
    {
        // Alive now: lambda ~ Gamma(r+x, alpha+T), mu ~ Gamma(s, beta+T); E[Y(t)] = P(alive) E[lambda] E[(1 - e^(-mu t)) / mu].
        var rate = Model.Beta + age;
        var perDropout = TestQuadrature.GammaExpectation(Model.S, rate, mu => mu < 1e-12 ? t : (1 - Math.Exp(-mu * t)) / mu);
        var expected = Model.ProbabilityAlive(x, tx, age) * (Model.R + x) / (Model.Alpha + age) * perDropout;
        Assert.Equal(expected, Model.ConditionalExpectedPurchases(t, x, tx, age), expected * 1e-5);
    }

    [Theory]
    [InlineData(5.0)]
    [InlineData(39.0)]
    public void Count_distribution_sums_to_one_and_has_the_expected_mean(double t)
    {
        var probabilities = Enumerable.Range(0, 300).Select(n => Model.ProbabilityOfPurchases(n, t)).ToArray();
        Assert.Equal(1, probabilities.Sum(), 1e-8);
        Assert.Equal(Model.ExpectedPurchases(t), probabilities.Select((p, n) => n * p).Sum(), 1e-6);
    }

    [Fact]
    public void Expected_purchases_have_the_s_equal_one_limit()
    {
        var near = new ParetoNbdModel(0.5, 10, 1 + 1e-9, 12, TimeUnit.Week);
        var exact = new ParetoNbdModel(0.5, 10, 1, 12, TimeUnit.Week);
        Assert.Equal(near.ExpectedPurchases(39), exact.ExpectedPurchases(39), 1e-8);
        Assert.Equal(0.5 / 10 * 12 * Math.Log(1 + (39 / 12.0)), exact.ExpectedPurchases(39), 1e-12);
    }

    [Theory]
    [InlineData(2.0, 30.43, 38.86)]
    [InlineData(0.0, 0.0, 38.86)]
    public void Dert_matches_the_incomplete_gamma_closed_form(double x, double tx, double t)
    {
        // s < 1: ∫_0^∞ e^(-δu) (1 + u/B)^(-s) du = B e^z z^(s-1) Γ(1-s, z) with z = δB.
        var delta = Math.Log(1.15) / 52;
        var b = Model.Beta + t;
        var z = delta * b;
        var upper = MathNet.Numerics.SpecialFunctions.GammaUpperRegularized(1 - Model.S, z) * MathNet.Numerics.SpecialFunctions.Gamma(1 - Model.S);
        var integral = b * Math.Exp(z) * Math.Pow(z, Model.S - 1) * upper;
        var expected = Model.ProbabilityAlive(x, tx, t) * (Model.R + x) / (Model.Alpha + t) * integral;
        Assert.Equal(expected, Model.DiscountedExpectedResidualTransactions(delta, x, tx, t), expected * 1e-7);
        Assert.Throws<ArgumentOutOfRangeException>(() => Model.DiscountedExpectedResidualTransactions(0, x, tx, t));
    }

    [Fact]
    public void Huge_frequencies_stay_finite_where_other_libraries_overflow()
    {
        foreach (var x in new[] { 300.0, 1e4, 1e6 })
        {
            var patterns = Ltv.Core.History.RfmPatterns.Compress([x], [38.0], [38.5], TimeUnit.Week);
            Assert.True(double.IsFinite(Model.LogLikelihood(patterns)));
            Assert.InRange(Model.ProbabilityAlive(x, 38, 38.5), 0, 1);
            Assert.True(double.IsFinite(Model.ConditionalExpectedPurchases(39, x, 38, 38.5)));
        }
    }

    [Fact]
    public void Bad_input_throws_naming_the_field()
    {
        Assert.Equal("beta", Assert.Throws<ArgumentOutOfRangeException>(() => new ParetoNbdModel(1, 1, 1, double.NaN, TimeUnit.Week)).ParamName);
        Assert.Equal("frequency", Assert.Throws<ArgumentOutOfRangeException>(() => Model.ProbabilityAlive(2.5, 3, 10)).ParamName);
        Assert.Equal("recency", Assert.Throws<ArgumentOutOfRangeException>(() => Model.ProbabilityAlive(3, 0, 10)).ParamName);
        Assert.Equal("t", Assert.Throws<ArgumentOutOfRangeException>(() => Model.ConditionalExpectedPurchases(double.NaN, 3, 1, 10)).ParamName);
    }
}
