using Ltv.Core.Domain;
using Ltv.Core.History;
using Ltv.Core.Probabilistic.Models;

namespace Ltv.Core.Tests.Probabilistic;

public class BgNbdModelTests
{
    private static readonly BgNbdModel Model = CdnowFits.BgNbd.Model;

    [Fact]
    public void Fit_on_cdnow_reproduces_the_published_estimates()
    {
        var fit = CdnowFits.BgNbd.EnsureConverged();
        Assert.Equal(0.243, fit.Model.R, 0.0005);
        Assert.Equal(4.414, fit.Model.Alpha, 0.0005);
        Assert.Equal(0.793, fit.Model.A, 0.0005);
        Assert.Equal(2.426, fit.Model.B, 0.0005);
        Assert.Equal(-9582.4, fit.LogLikelihood, 0.05);
        Assert.Equal(2357, fit.CustomerCount);
        Assert.Equal(TimeUnit.Week, fit.Model.Unit);
        Assert.Equal(["r", "alpha", "a", "b"], fit.Parameters.Select(p => p.Name));
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
            var l = Math.Exp(LnB(a, b + x) - LnB(a, b) - ((r + x) * Math.Log(alpha + t)));
            if (x > 0)
            {
                l += Math.Exp(LnB(a + 1, b + x - 1) - LnB(a, b) - ((r + x) * Math.Log(alpha + tx)));
            }

            expected += common + Math.Log(l);
        }

        Assert.Equal(expected, Model.LogLikelihood(sample.Patterns), 1e-6);
    }

    [Theory]
    [InlineData(0.0, 0.0, 38.86)]
    [InlineData(2.0, 30.43, 38.86)]
    [InlineData(1.0, 1.71, 38.86)]
    [InlineData(15.0, 36.0, 37.0)]
    [InlineData(40.0, 10.0, 38.0)]
    public void Probability_alive_matches_an_independent_integration_over_the_dropout_probability(double x, double tx, double t)
    {
        double r = Model.R, alpha = Model.Alpha, a = Model.A, b = Model.B;

        // Given p: alive term (1-p)^x (alpha+T)^-(r+x); died term p (1-p)^(x-1) (alpha+t_x)^-(r+x) when x > 0.
        var alive = TestQuadrature.BetaExpectation(a, b, p => Math.Pow(1 - p, x) * Math.Pow((alpha + tx) / (alpha + t), r + x));
        var died = x > 0 ? TestQuadrature.BetaExpectation(a, b, p => p * Math.Pow(1 - p, x - 1)) : 0;
        Assert.Equal(alive / (alive + died), Model.ProbabilityAlive(x, tx, t), 1e-7);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(39.0)]
    [InlineData(520.0)]
    public void Expected_purchases_of_a_new_customer_match_an_independent_integration(double t)
    {
        double r = Model.R, alpha = Model.Alpha, a = Model.A, b = Model.B;

        // E[X(t) | p] after integrating lambda: (1 - (alpha / (alpha + p t))^r) / p.
        var expected = TestQuadrature.BetaExpectation(a, b, p => p < 1e-12 ? r * t / alpha : (1 - Math.Pow(alpha / (alpha + (p * t)), r)) / p);
        Assert.Equal(expected, Model.ExpectedPurchases(t), expected * 1e-7);
    }

    [Theory]
    [InlineData(39.0, 2.0, 30.43, 38.86)]
    [InlineData(39.0, 0.0, 0.0, 30.0)]
    [InlineData(10.0, 20.0, 37.0, 38.0)]
    [InlineData(1000.0, 3.0, 10.0, 38.0)]
    public void Conditional_expectation_matches_an_independent_posterior_integration(double t, double x, double tx, double age)
    {
        double r = Model.R, alpha = Model.Alpha, a = Model.A, b = Model.B;

        // Alive now: lambda ~ Gamma(r+x, alpha+T), p ~ Beta(a, b+x); E[Y(t)] = P(alive) E[(1 - ((alpha+T)/(alpha+T+p t))^(r+x)) / p].
        var given = TestQuadrature.BetaExpectation(a, b + x, p => p < 1e-12 ? (r + x) * t / (alpha + age) : (1 - Math.Pow((alpha + age) / (alpha + age + (p * t)), r + x)) / p);
        var expected = Model.ProbabilityAlive(x, tx, age) * given;
        Assert.Equal(expected, Model.ConditionalExpectedPurchases(t, x, tx, age), expected * 1e-7);
    }

    [Theory]
    [InlineData(5.0)]
    [InlineData(39.0)]
    public void Count_distribution_sums_to_one_and_has_the_expected_mean(double t)
    {
        var total = 0.0;
        var mean = 0.0;
        for (var n = 0; n < 400; n++)
        {
            var p = Model.ProbabilityOfPurchases(n, t);
            total += p;
            mean += n * p;
        }

        Assert.Equal(1, total, 1e-9);
        Assert.Equal(Model.ExpectedPurchases(t), mean, 1e-7);
    }

    [Fact]
    public void Expected_calibration_histogram_is_close_to_the_actual_one_and_sums_to_the_customers()
    {
        var patterns = CdnowSampleFixture.Sample.Patterns;
        var expected = Model.ExpectedCalibrationHistogram(patterns, 7);
        var actual = CountModelExtensions.ActualCalibrationHistogram(patterns, 7);
        Assert.Equal(8, expected.Count);
        Assert.Equal(2357, expected.Sum(), 1e-6);
        Assert.Equal(2357, actual.Sum());
        Assert.Equal(1411, actual[0]);

        // The published model-vs-actual plot: the model tracks the zero class within a few percent.
        Assert.InRange(expected[0], 1411 * 0.97, 1411 * 1.03);
    }

    [Fact]
    public void Ten_times_the_weights_gives_the_same_estimates_and_ten_times_the_log_likelihood()
    {
        var patterns = CdnowSampleFixture.Sample.Patterns;
        var heavy = RfmPatterns.FromWeightedRows(patterns.Frequency, patterns.Recency, patterns.Age, patterns.Weight.ToArray().Select(w => w * 10).ToArray(), TimeUnit.Week);
        var fit = BgNbdModel.Fit(heavy);
        Assert.Equal(Model.R, fit.Model.R, 1e-5);
        Assert.Equal(Model.B, fit.Model.B, 1e-4);
        Assert.Equal(CdnowFits.BgNbd.LogLikelihood * 10, fit.LogLikelihood, 1e-4);

        // Standard errors shrink by sqrt(10).
        Assert.Equal(CdnowFits.BgNbd.Parameters[0].StandardError!.Value / Math.Sqrt(10), fit.Parameters[0].StandardError!.Value, 1e-5);
    }

    [Fact]
    public void Standard_errors_match_an_independent_finite_difference_hessian()
    {
        var patterns = CdnowSampleFixture.Sample.Patterns;
        var se = IndependentStandardErrors.Compute(p => new BgNbdModel(p[0], p[1], p[2], p[3], TimeUnit.Week).LogLikelihood(patterns), [Model.R, Model.Alpha, Model.A, Model.B]);
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(se[i], CdnowFits.BgNbd.Parameters[i].StandardError!.Value, se[i] * 0.01);
        }
    }

    [Fact]
    public void No_repeat_purchase_means_alive_and_the_customer_just_acquired_is_valid()
    {
        Assert.Equal(1, Model.ProbabilityAlive(0, 0, 30));
        Assert.Equal(1, Model.ProbabilityAlive(0, 0, 0));
        Assert.Equal(Model.ExpectedPurchases(10), Model.ConditionalExpectedPurchases(10, 0, 0, 0), 1e-12);
        Assert.Equal(0, Model.ConditionalExpectedPurchases(0, 3, 5, 10));
    }

    [Fact]
    public void A_million_purchases_stay_finite()
    {
        // A gap of 0.1 week is damning for someone buying 26,000 times a week: P(alive) underflows to 0, not NaN.
        Assert.Equal(0, Model.ProbabilityAlive(1e6, 37.9, 38));
        var alive = Model.ProbabilityAlive(1e6, 38, 38);
        var expected = Model.ConditionalExpectedPurchases(39, 1e6, 38, 38);
        Assert.InRange(alive, 0.999, 1);
        Assert.True(double.IsFinite(expected) && expected > 0);

        // Buying ~26,000 times a week, the customer keeps buying at about that rate while alive.
        Assert.InRange(expected / 39 / (1e6 / 38), 0.01, 1.01);
    }

    [Theory]
    [InlineData(-1.0, 0.0, 10.0, "frequency")]
    [InlineData(1.5, 2.0, 10.0, "frequency")]
    [InlineData(double.NaN, 0.0, 10.0, "frequency")]
    [InlineData(2.0, 12.0, 10.0, "recency")]
    [InlineData(2.0, 0.0, 10.0, "recency")]
    [InlineData(0.0, 1.0, 10.0, "recency")]
    [InlineData(2.0, 1.0, -10.0, "age")]
    [InlineData(2.0, 1.0, double.PositiveInfinity, "age")]
    public void Bad_histories_throw_naming_the_field(double x, double tx, double t, string field)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Model.ProbabilityAlive(x, tx, t));
        Assert.Equal(field, error.ParamName);
        Assert.Contains("(was '", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => Model.ConditionalExpectedPurchases(1, x, tx, t));
    }

    [Fact]
    public void Empty_data_cannot_reach_a_fit()
    {
        var error = Assert.Throws<ArgumentException>(() => RfmPatterns.Compress([], [], [], TimeUnit.Week));
        Assert.Contains("was empty", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => BgNbdModel.Fit(null!));
        Assert.Throws<ArgumentNullException>(() => ParetoNbdModel.Fit(null!));
    }

    [Fact]
    public void Bad_parameters_and_horizons_throw_naming_them()
    {
        Assert.Equal("alpha", Assert.Throws<ArgumentOutOfRangeException>(() => new BgNbdModel(1, 0, 1, 1, TimeUnit.Week)).ParamName);
        Assert.Equal("b", Assert.Throws<ArgumentOutOfRangeException>(() => new BgNbdModel(1, 1, 1, double.NaN, TimeUnit.Week)).ParamName);
        Assert.Equal("t", Assert.Throws<ArgumentOutOfRangeException>(() => Model.ExpectedPurchases(-1)).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => Model.ProbabilityOfPurchases(-1, 3));
        Assert.Throws<UnitMismatchException>(() => Model.LogLikelihood(RfmPatterns.Compress([1.0], [1.0], [2.0], TimeUnit.Day)));
    }
}
