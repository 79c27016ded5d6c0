using Ltv.Core.Domain;
using Ltv.Core.History;
using Ltv.Core.Probabilistic.Fitting;
using Ltv.Core.Probabilistic.Models;

namespace Ltv.Core.Tests.Probabilistic;

public class BgBbModelTests
{
    private static readonly Lazy<FitResult<BgBbModel>> Donations = new(() => BgBbModel.Fit(Ltv.Core.Datasets.Donations.Load()).EnsureConverged());

    [Fact]
    public void Fit_on_donations_reproduces_the_published_estimates_and_log_likelihood()
    {
        var fit = Donations.Value;
        Assert.Equal("BG/BB", fit.ModelName);
        Assert.Equal(11_104, fit.CustomerCount);
        Assert.Equal(1.204, Math.Round(fit.Model.Alpha, 3));
        Assert.Equal(0.750, Math.Round(fit.Model.Beta, 3));
        Assert.Equal(0.657, Math.Round(fit.Model.Gamma, 3));
        Assert.Equal(2.783, Math.Round(fit.Model.Delta, 3));
        Assert.Equal(-33_225.6, Math.Round(fit.LogLikelihood, 1));
        Assert.All(fit.Parameters, p => Assert.True(p.StandardError > 0));
    }

    [Fact]
    public void Expected_repeat_donor_histogram_matches_the_published_in_sample_fit()
    {
        // Hardie's BG/BB spreadsheet ("In-Sample Fit", as tested by lifetimes): 3,454.9 donors with no repeat gift
        // and 1,253.1 with six in 1996-2001.
        var model = Donations.Value.Model;
        Assert.Equal(3454.9, Math.Round(11_104 * model.ProbabilityOfTransactions(0, 6), 1));
        Assert.Equal(1253.1, Math.Round(11_104 * model.ProbabilityOfTransactions(6, 6), 1));
        var total = Enumerable.Range(0, 7).Sum(x => model.ProbabilityOfTransactions(x, 6));
        Assert.Equal(1, total, 12);
        var mean = Enumerable.Range(0, 7).Sum(x => x * model.ProbabilityOfTransactions(x, 6));
        Assert.Equal(mean, model.ExpectedTransactions(6), 10);
    }

    [Fact]
    public void Conditional_expectations_for_2002_2006_match_the_published_total_and_alive_probabilities()
    {
        // Hardie's spreadsheet "Conditional Expectations (II)": 12,884.2 expected gifts in the five years 2002-2006;
        // P(alive in 2002) 0.11 for no repeat gift, 0.59 for (x, t_x) = (2, 4) and 0.93 for (6, 6).
        var model = Donations.Value.Model;
        var data = Ltv.Core.Datasets.Donations.Load();
        var total = 0.0;
        for (var i = 0; i < data.Count; i++)
        {
            total += data.Weight[i] * model.ConditionalExpectedTransactions(5, (int)data.Frequency[i], (int)data.Recency[i], (int)data.Age[i]);
        }

        Assert.Equal(12_884.2, total, 0.5);
        Assert.Equal(0.11, Math.Round(model.ProbabilityAlive(0, 0, 6), 2));
        Assert.Equal(0.59, Math.Round(model.ProbabilityAlive(2, 4, 6), 2));
        Assert.Equal(0.93, Math.Round(model.ProbabilityAlive(6, 6, 6), 2));
    }

    [Theory]
    [InlineData(1.204, 0.750, 0.657, 2.783)]
    [InlineData(0.8, 1.5, 1.0000001, 3)]
    [InlineData(2, 2, 1.7, 0.4)]
    public void Sums_over_future_opportunities_match_term_by_term_sums_of_posterior_alive_probabilities(double a, double b, double g, double d)
    {
        var model = new BgBbModel(a, b, g, d, TimeUnit.Year);
        double LnB(double p, double q) => MathNet.Numerics.SpecialFunctions.BetaLn(p, q);
        foreach (var (x, tx, n) in new[] { (0, 0, 6), (2, 4, 6), (6, 6, 6), (3, 10, 20) })
        {
            var l = Math.Exp(LnB(a + x, b + n - x) - LnB(a, b) + LnB(g, d + n) - LnB(g, d))
                + Enumerable.Range(0, n - tx).Sum(i => Math.Exp(LnB(a + x, b + tx - x + i) - LnB(a, b) + LnB(g + 1, d + tx + i) - LnB(g, d)));
            double Transaction(int t) => Math.Exp(LnB(a + x + 1, b + n - x) - LnB(a, b) + LnB(g, d + t) - LnB(g, d)) / l;
            var expected = Enumerable.Range(n + 1, 7).Sum(Transaction);
            Assert.Equal(expected, model.ConditionalExpectedTransactions(7, x, tx, n), 9);
            var discounted = Enumerable.Range(n + 1, 3000).Sum(t => Transaction(t) / Math.Pow(1.1, t - n));
            Assert.Equal(discounted, model.DiscountedExpectedResidualTransactions(0.1, x, tx, n), 8);
            Assert.Equal(Math.Exp(LnB(a + x, b + n - x) - LnB(a, b) + LnB(g, d + n + 1) - LnB(g, d)) / l, model.ProbabilityAlive(x, tx, n), 12);
        }

        var newCustomer = Enumerable.Range(1, 9).Sum(t => a / (a + b) * Math.Exp(LnB(g, d + t) - LnB(g, d)));
        Assert.Equal(newCustomer, model.ExpectedTransactions(9), 10);
    }

    [Fact]
    public void Log_likelihood_is_the_fit_value_and_bad_patterns_are_named()
    {
        var fit = Donations.Value;
        Assert.Equal(fit.LogLikelihood, fit.Model.LogLikelihood(Ltv.Core.Datasets.Donations.Load()), 6);
        var bad = RfmPatterns.FromWeightedRows([3], [2], [6], [1], TimeUnit.Year);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => BgBbModel.Fit(bad));
        Assert.Contains("frequency (transactions x) at row 0", e.Message, StringComparison.Ordinal);
        var fractional = RfmPatterns.FromWeightedRows([1], [1.5], [6], [1], TimeUnit.Year);
        e = Assert.Throws<ArgumentOutOfRangeException>(() => BgBbModel.Fit(fractional));
        Assert.Contains("recency", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => fit.Model.ProbabilityAlive(1, 0, 6));
        Assert.Throws<ArgumentOutOfRangeException>(() => fit.Model.DiscountedExpectedResidualTransactions(0, 1, 1, 6));
        Assert.Throws<UnitMismatchException>(() => fit.Model.LogLikelihood(RfmPatterns.FromWeightedRows([1], [1], [6], [1], TimeUnit.Month)));
    }

    [Fact]
    public void Fit_round_trips_through_json()
    {
        var fit = Donations.Value;
        var json = Ltv.Core.Probabilistic.Serialization.ProbabilisticJson.Serialize(fit);
        Assert.Contains("\"ModelName\": \"BG/BB\"", json, StringComparison.Ordinal);
        var back = Ltv.Core.Probabilistic.Serialization.ProbabilisticJson.DeserializeBgBb(json);
        Assert.Equal(fit.Model, back.Model);
        Assert.Equal(fit.Summary(), back.Summary());
    }

    [Theory]
    [InlineData(1e11, 1d, "alpha")]
    [InlineData(1d, 1e-11, "beta")]
    public void Parameters_outside_the_computable_range_are_refused_by_name(double alpha, double beta, string name)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new BgBbModel(alpha, beta, 1d, 1d, TimeUnit.Year));
        Assert.Equal(name, e.ParamName);
        Assert.Contains("within the computable range [1e-10, 1e10]", e.Message, StringComparison.Ordinal);
        var sbg = Assert.Throws<ArgumentOutOfRangeException>(() => new Ltv.Core.Probabilistic.Contractual.SbgModel(alpha, beta, TimeUnit.Year));
        Assert.Equal(name, sbg.ParamName);
    }
}
