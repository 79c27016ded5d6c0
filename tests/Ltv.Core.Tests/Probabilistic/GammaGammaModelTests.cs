using Ltv.Core.Probabilistic.Models;

namespace Ltv.Core.Tests.Probabilistic;

public class GammaGammaModelTests
{
    [Fact]
    public void Fit_on_the_cdnow_repeaters_reproduces_the_published_estimates()
    {
        var fit = CdnowFits.GammaGamma.EnsureConverged();
        Assert.Equal(946, fit.CustomerCount);
        Assert.Equal(6.25, fit.Model.P, 0.005);
        Assert.Equal(3.74, fit.Model.Q, 0.005);
        Assert.Equal(15.44, fit.Model.Gamma, 0.005);
    }

    [Fact]
    public void Fit_on_the_published_rounded_summary_moves_gamma_by_its_rounding()
    {
        // zbar rounded to cents shifts gamma to 15.45 (what lifetimes prints for this file); p and q keep their published values.
        var published = Ltv.Core.Datasets.CdnowDatasets.LoadPublishedSampleSummary();
        var fit = GammaGammaModel.Fit(published.Frequency.Select(x => (double)x).ToArray(), published.MeanRepeatSpend.Select(z => (double)z).ToArray()).EnsureConverged();
        Assert.Equal(6.25, fit.Model.P, 0.005);
        Assert.Equal(3.74, fit.Model.Q, 0.005);
        Assert.Equal(15.45, fit.Model.Gamma, 0.005);
        Assert.NotEqual(Math.Round(CdnowFits.GammaGamma.Model.Gamma, 2), Math.Round(fit.Model.Gamma, 2));
    }

    [Theory]
    [InlineData(1.0, 11.77)]
    [InlineData(2.0, 22.35)]
    [InlineData(20.0, 75.0)]
    public void Conditional_expected_spend_matches_an_independent_posterior_integration(double x, double m)
    {
        // nu | data ~ Gamma(px + q, gamma + m x); E[Z | data] = p E[1/nu].
        var model = CdnowFits.GammaGamma.Model;
        var expected = model.P * TestQuadrature.GammaExpectation((model.P * x) + model.Q, model.Gamma + (m * x), nu => 1 / nu);
        Assert.Equal(expected, model.ConditionalExpectedSpend(x, m), expected * 1e-6);
    }

    [Fact]
    public void Customers_without_repeat_purchases_get_the_population_mean()
    {
        var model = CdnowFits.GammaGamma.Model;
        Assert.Equal(model.P * model.Gamma / (model.Q - 1), model.ConditionalExpectedSpend(0, 0), 1e-12);
        Assert.Equal(model.MeanSpend, model.ConditionalExpectedSpend(0, 123), 1e-12);
    }

    [Fact]
    public void Log_likelihood_matches_the_fit_and_skips_zero_frequencies()
    {
        var sample = CdnowSampleFixture.Sample;
        Assert.Equal(CdnowFits.GammaGamma.LogLikelihood, CdnowFits.GammaGamma.Model.LogLikelihood(sample.X, sample.Zbar), 1e-6);
    }

    [Fact]
    public void No_repeaters_means_no_fit_and_says_so()
    {
        var error = Assert.Throws<ArgumentException>(() => GammaGammaModel.Fit([0.0, 0.0, 0.0], [0.0, 0.0, 0.0]));
        Assert.Equal("frequency", error.ParamName);
        Assert.Contains("no repeat customer", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => GammaGammaModel.Fit([], []));
    }

    [Fact]
    public void Bad_rows_throw_naming_the_row_and_the_value()
    {
        var spend = Assert.Throws<ArgumentOutOfRangeException>(() => GammaGammaModel.Fit([1.0, 2.0], [10.0, 0.0]));
        Assert.Equal("averageSpend at row 1", spend.ParamName);
        Assert.Contains("(was '0')", spend.Message, StringComparison.Ordinal);
        Assert.Equal("frequency at row 0", Assert.Throws<ArgumentOutOfRangeException>(() => GammaGammaModel.Fit([-1.0], [10.0])).ParamName);
        Assert.Equal("frequency at row 0", Assert.Throws<ArgumentOutOfRangeException>(() => GammaGammaModel.Fit([1.5], [10.0])).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => GammaGammaModel.Fit([2.0], [double.NaN]));
        Assert.Throws<ArgumentException>(() => GammaGammaModel.Fit([1.0, 2.0], [10.0]));
        Assert.Equal("q", Assert.Throws<ArgumentOutOfRangeException>(() => new GammaGammaModel(1, 0, 1)).ParamName);
    }

    [Fact]
    public void Infinite_mean_spend_is_refused_not_returned()
    {
        var model = new GammaGammaModel(2, 0.8, 10);
        var error = Assert.Throws<InvalidOperationException>(() => model.MeanSpend);
        Assert.Contains("q must be greater than 1 (was '0.8')", error.Message, StringComparison.Ordinal);
        Assert.True(double.IsFinite(model.ConditionalExpectedSpend(3, 20)));
    }
}
