using Ltv.Core.Probabilistic.Fitting;
using Ltv.Core.Probabilistic.Models;

namespace Ltv.Core.Tests.Probabilistic;

public class MaximumLikelihoodTests
{
    [Fact]
    public void An_exhausted_iteration_budget_is_flagged_and_EnsureConverged_throws()
    {
        var fit = BgNbdModel.Fit(CdnowSampleFixture.Sample.Patterns, new FitOptions { MaximumIterations = 1, Start = [3, 1, 3, 3] });
        Assert.False(fit.Converged);
        Assert.Equal(FitExitReason.MaximumIterations, fit.ExitReason);
        Assert.True(double.IsFinite(fit.LogLikelihood));
        var error = Assert.Throws<ModelNotConvergedException>(() => fit.EnsureConverged());
        Assert.Equal(FitExitReason.MaximumIterations, error.Reason);
        Assert.Equal("BG/NBD", error.Model);
        Assert.Contains("did not converge (exit reason MaximumIterations", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_converged_fit_states_how_it_ended()
    {
        var fit = CdnowFits.BgNbd;
        Assert.True(fit.Converged);
        Assert.Same(fit, fit.EnsureConverged());
        Assert.True(fit.GradientNorm <= FitOptions.Default.GradientTolerance);
        Assert.True(fit.Iterations > 0 && fit.Evaluations >= fit.Iterations);
        Assert.Equal(CdnowSampleFixture.Sample.Patterns.Count, fit.RowCount);
        Assert.NotNull(fit.Covariance);
        Assert.Equal(fit.Parameters[1].StandardError!.Value * fit.Parameters[1].StandardError!.Value, fit.Covariance![1][1], 1e-12);
    }

    [Fact]
    public void Cancellation_stops_the_fit()
    {
        using var source = new CancellationTokenSource();
        source.Cancel();
        Assert.Throws<OperationCanceledException>(() => ParetoNbdModel.Fit(CdnowSampleFixture.Sample.Patterns, cancellationToken: source.Token));
    }

    [Fact]
    public void Progress_is_reported_with_a_non_decreasing_best_log_likelihood()
    {
        var reports = new List<FitProgress>();
        BgNbdModel.Fit(CdnowSampleFixture.Sample.Patterns, progress: new SynchronousProgress(reports.Add));
        Assert.NotEmpty(reports);
        Assert.Equal(Enumerable.Range(1, reports.Count), reports.Select(r => r.Evaluations));
        for (var i = 1; i < reports.Count; i++)
        {
            Assert.True(reports[i].BestLogLikelihood >= reports[i - 1].BestLogLikelihood);
        }
    }

    [Fact]
    public void Options_are_validated_at_construction()
    {
        Assert.Equal("maximumIterations", Assert.Throws<ArgumentOutOfRangeException>(() => new FitOptions { MaximumIterations = 0 }).ParamName);
        Assert.Equal("gradientTolerance", Assert.Throws<ArgumentOutOfRangeException>(() => new FitOptions { GradientTolerance = double.NaN }).ParamName);
        Assert.Equal("start", Assert.Throws<ArgumentOutOfRangeException>(() => new FitOptions { Start = [1, -1] }).ParamName);
        Assert.Throws<ArgumentException>(() => BgNbdModel.Fit(CdnowSampleFixture.Sample.Patterns, new FitOptions { Start = [1, 1] }));
        var error = Assert.Throws<ArgumentException>(() => BgNbdModel.Fit(CdnowSampleFixture.Sample.Patterns, new FitOptions { Start = [1e308, 1e-308, 1e308, 1e-308] }));
        Assert.Contains("log-likelihood is not finite at the start values", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Summary_shows_parameters_standard_errors_log_likelihood_and_n()
    {
        var text = CdnowFits.ParetoNbd.Summary();
        Assert.Contains("Pareto/NBD fitted by maximum likelihood", text, StringComparison.Ordinal);
        Assert.Contains("customers (n) = 2357", text, StringComparison.Ordinal);
        Assert.Contains("log-likelihood = -9594.97", text, StringComparison.Ordinal);
        Assert.Contains("converged = yes", text, StringComparison.Ordinal);
        Assert.Matches(@"r\s+0\.553\d+\s+0\.04\d+", text);
        Assert.Matches(@"beta\s+11\.66\d+\s+6\.\d+", text);
        Assert.Equal(text, CdnowFits.ParetoNbd.ToString());
    }

    private sealed class SynchronousProgress(Action<FitProgress> report) : IProgress<FitProgress>
    {
        public void Report(FitProgress value) => report(value);
    }
}
