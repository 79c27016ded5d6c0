using System.Diagnostics;

using Ltv.Core.Domain;
using Ltv.Core.History;
using Ltv.Core.Probabilistic.Fitting;
using Ltv.Core.Probabilistic.Models;

using Xunit.Abstractions;

namespace Ltv.Core.Tests.Probabilistic;

/// <summary>
/// Issue 11 item 4 and issue 15 item 9: every fit ends within its budget with a typed verdict on degenerate data
/// (1-5 customers, all zeros, one huge customer, identical customers); hitting the iteration limit or a boundary is
/// never "converged"; cancellation is honoured.
/// </summary>
public sealed class FitVerdictTests(ITestOutputHelper output)
{
    /// <summary>A budget far above what these small fits need; a fit that hung would hit it and fail the test below.</summary>
    private static readonly FitOptions Budget = new() { TimeLimit = TimeSpan.FromSeconds(3) };

    private static readonly (double X, double Tx, double T)[] Varied = [(2, 5, 10), (0, 0, 10), (5, 8, 12), (1, 3, 9), (3, 9, 11)];

    public static TheoryData<string, string> CountCases()
    {
        var data = new TheoryData<string, string>();
        foreach (var model in new[] { "bgnbd", "mbgnbd", "pnbd" })
        {
            foreach (var shape in new[] { "1", "2", "3", "4", "5", "zeros", "huge", "identical" })
            {
                data.Add(model, shape);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CountCases))]
    public void Count_model_fits_on_degenerate_data_end_within_budget_with_a_typed_verdict(string model, string shape)
    {
        var patterns = Patterns(shape);
        var clock = Stopwatch.StartNew();

        var (reason, why, estimates, converged, evaluations) = FitCount(model, patterns, Budget);

        clock.Stop();
        output.WriteLine($"{model} {shape}: {reason} in {clock.ElapsedMilliseconds} ms, {evaluations} evaluations: {why} [{string.Join(", ", estimates)}]");
        Assert.True(Enum.IsDefined(reason));
        Assert.True(evaluations <= Budget.MaximumEvaluations);
        Assert.True(clock.Elapsed < Budget.TimeLimit + TimeSpan.FromSeconds(10), $"{clock.Elapsed} is beyond the time budget");
        Assert.All(estimates, e => Assert.True(double.IsFinite(e) && e > 0));
        if (shape is "1" or "2" or "3" or "zeros" or "identical")
        {
            Assert.Equal(FitExitReason.NotIdentifiable, reason);
        }

        if (converged)
        {
            Assert.Null(why);
            Assert.All(estimates, e => Assert.InRange(e, 1e-4, 1e5));
        }
        else
        {
            Assert.False(string.IsNullOrWhiteSpace(why));
        }
    }

    [Fact]
    public void Pareto_NBD_on_500_one_time_buyers_is_not_identifiable_never_converged()
    {
        var patterns = RfmPatterns.Compress(new double[500], new double[500], [.. Enumerable.Range(0, 500).Select(i => 10 + (i % 40.0))], TimeUnit.Week);

        var fit = ParetoNbdModel.Fit(patterns);

        Assert.False(fit.Converged);
        Assert.Equal(FitExitReason.NotIdentifiable, fit.ExitReason);
        Assert.Contains("one-time buyers", fit.Reason, StringComparison.Ordinal);
        var ex = Assert.Throws<ModelNotConvergedException>(() => fit.EnsureConverged());
        Assert.Equal(FitExitReason.NotIdentifiable, ex.Reason);
    }

    [Fact]
    public void BG_NBD_on_3_customers_is_not_identifiable_instead_of_a_converged_boundary_estimate()
    {
        var patterns = RfmPatterns.Compress([2, 0, 5], [5, 0, 8], [10, 10, 12], TimeUnit.Week);

        var fit = BgNbdModel.Fit(patterns);

        Assert.Equal(FitExitReason.NotIdentifiable, fit.ExitReason);
        Assert.Contains("3 customers cannot identify the 4 parameters r, alpha, a, b", fit.Reason, StringComparison.Ordinal);
        Assert.All(fit.Parameters, p => Assert.Null(p.StandardError));
    }

    [Fact]
    public void An_estimate_that_runs_to_the_edge_of_the_search_range_is_not_identifiable()
    {
        // Five customers whose repeat purchases leave no sign of dropout: the dropout Beta runs towards p = 0 (a -> 0 or b -> infinity).
        var patterns = RfmPatterns.Compress([4, 5, 6, 5, 4], [9.5, 9.8, 9.9, 9.7, 9.6], [10, 10, 10, 10, 10], TimeUnit.Week);

        var fit = BgNbdModel.Fit(patterns, Budget);

        output.WriteLine(fit.Summary());
        Assert.False(fit.Converged);
        Assert.Equal(FitExitReason.NotIdentifiable, fit.ExitReason);
        Assert.Contains("the edge of the searched range", fit.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Reaching_the_iteration_limit_is_not_convergence_even_when_the_polish_meets_the_tolerance()
    {
        var fit = BgNbdModel.Fit(CdnowSampleFixture.Sample.Patterns, new FitOptions { MaximumIterations = 3 });

        Assert.Equal(FitExitReason.MaximumIterations, fit.ExitReason);
        Assert.False(fit.Converged);
        Assert.Contains("reaching the limit is not convergence", fit.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_evaluation_and_time_budgets_end_a_fit_with_BudgetExhausted()
    {
        var patterns = CdnowSampleFixture.Sample.Patterns;

        var evaluations = ParetoNbdModel.Fit(patterns, new FitOptions { MaximumEvaluations = 10 });
        var time = ParetoNbdModel.Fit(patterns, new FitOptions { TimeLimit = TimeSpan.FromTicks(1) });

        Assert.Equal(FitExitReason.BudgetExhausted, evaluations.ExitReason);
        Assert.Equal(10, evaluations.Evaluations);
        Assert.Contains("FitOptions.MaximumEvaluations", evaluations.Reason, StringComparison.Ordinal);
        Assert.Equal(FitExitReason.BudgetExhausted, time.ExitReason);
        Assert.Contains("FitOptions.TimeLimit", time.Reason, StringComparison.Ordinal);
        Assert.Null(time.Covariance);
        Assert.True(double.IsFinite(evaluations.LogLikelihood) && double.IsFinite(evaluations.GradientNorm));
    }

    [Fact]
    public void The_default_budget_keeps_a_fit_on_10_customers_short()
    {
        var patterns = RfmPatterns.Compress([2, 0, 5, 1, 3, 0, 7, 1, 2, 4], [5, 0, 8, 3, 9, 0, 11, 2, 6, 7], [10, 10, 12, 9, 11, 13, 12, 8, 10, 9], TimeUnit.Week);
        var budget = FitOptions.Default;

        foreach (var model in new[] { "bgnbd", "mbgnbd", "pnbd" })
        {
            var (reason, why, _, _, evaluations) = FitCount(model, patterns, budget);
            output.WriteLine($"{model}: {reason} after {evaluations} evaluations: {why}");
            Assert.True(evaluations <= budget.MaximumEvaluations);
        }
    }

    [Fact]
    public void A_cancelled_fit_throws_OperationCanceledException()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => ParetoNbdModel.Fit(CdnowSampleFixture.Sample.Patterns, cancellationToken: cancelled.Token));
        Assert.ThrowsAny<OperationCanceledException>(() => GammaGammaModel.Fit([1, 2, 3, 4], [10, 20, 15, 12], cancellationToken: cancelled.Token));
    }

    public static TheoryData<string> SpendCases() => ["1", "2", "3", "4", "5", "huge", "identical"];

    [Theory]
    [MemberData(nameof(SpendCases))]
    public void Gamma_Gamma_fits_on_degenerate_data_end_within_budget_with_a_typed_verdict(string shape)
    {
        double[] x = shape switch
        {
            "huge" => [1, 2, 3, 1, 2, 4, 1, 3, 2, 1],
            "identical" => [.. Enumerable.Repeat(2.0, 50)],
            _ => [.. new double[] { 1, 3, 2, 5, 1 }.Take(int.Parse(shape, System.Globalization.CultureInfo.InvariantCulture))],
        };
        double[] m = shape switch
        {
            "huge" => [10, 12, 9, 11, 14, 10, 1e9, 13, 8, 12],
            "identical" => [.. Enumerable.Repeat(20.0, 50)],
            _ => [.. new double[] { 10, 25, 14, 30, 8 }.Take(x.Length)],
        };
        var clock = Stopwatch.StartNew();

        var fit = GammaGammaModel.Fit(x, m, Budget);

        output.WriteLine($"gg {shape}: {fit.ExitReason} in {clock.ElapsedMilliseconds} ms, {fit.Evaluations} evaluations: {fit.Reason}");
        Assert.True(Enum.IsDefined(fit.ExitReason));
        Assert.True(fit.Evaluations <= Budget.MaximumEvaluations);
        if (shape is "1" or "2" or "identical")
        {
            Assert.Equal(FitExitReason.NotIdentifiable, fit.ExitReason);
        }

        Assert.Equal(fit.Converged, fit.Reason is null);
    }

    [Fact]
    public void Gamma_Gamma_with_no_repeat_customer_is_refused_with_a_typed_error()
    {
        var ex = Assert.Throws<ArgumentException>(() => GammaGammaModel.Fit([0, 0, 0], [0, 0, 0]));

        Assert.Contains("no repeat customer", ex.Message, StringComparison.Ordinal);
    }

    private static RfmPatterns Patterns(string shape)
    {
        (double X, double Tx, double T)[] rows = shape switch
        {
            "zeros" => [.. Enumerable.Range(0, 10).Select(i => (0.0, 0.0, 10.0 + i))],
            "huge" => [.. Varied, (1, 2, 8), (0, 0, 9), (2, 4, 7), (1, 6, 10), (100_000, 51.9, 52)],
            "identical" => [.. Enumerable.Repeat((2.0, 5.0, 10.0), 50)],
            _ => Varied[..int.Parse(shape, System.Globalization.CultureInfo.InvariantCulture)],
        };
        return RfmPatterns.Compress([.. rows.Select(r => r.X)], [.. rows.Select(r => r.Tx)], [.. rows.Select(r => r.T)], TimeUnit.Week);
    }

    private static (FitExitReason Reason, string? Why, double[] Estimates, bool Converged, int Evaluations) FitCount(string model, RfmPatterns patterns, FitOptions options) => model switch
    {
        "bgnbd" => Summarize(BgNbdModel.Fit(patterns, options)),
        "mbgnbd" => Summarize(MbgNbdModel.Fit(patterns, options)),
        _ => Summarize(ParetoNbdModel.Fit(patterns, options)),
    };

    private static (FitExitReason, string?, double[], bool, int) Summarize<T>(FitResult<T> fit)
        where T : class =>
        (fit.ExitReason, fit.Reason, [.. fit.Parameters.Select(p => p.Value)], fit.Converged, fit.Evaluations);
}
