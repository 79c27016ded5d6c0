using Ltv.Core.Probabilistic.Numerics;

namespace Ltv.Core.Tests.Probabilistic;

/// <summary>Series whose terms grow for hundreds of thousands of terms (a numerator parameter in the hundreds of thousands or more).</summary>
public class HypergeometricLargeParameterTests
{
    [Theory]
    [InlineData(1e6, 0.5)]
    [InlineData(3e5, 0.9)]
    [InlineData(5e7, 0.2)]
    public void A_slow_series_with_c_above_a_is_replaced_by_the_integral_and_matches_the_closed_form(double b, double z)
    {
        // 2F1(1, b; 2; z) = ((1 - z)^(1-b) - 1) / ((b - 1) z); in logs, for (1 - z)^(1-b) far above 1:
        // (b - 1) (-ln(1 - z)) - ln((b - 1) z) + ln(1 - (1 - z)^(b-1)).
        var expected = ((b - 1) * -Math.Log(1 - z)) - Math.Log((b - 1) * z) + Math.Log(1 - Math.Pow(1 - z, b - 1));

        var actual = Hypergeometric.LogHyp2F1(1, b, 2, z);

        Assert.Equal(expected, actual, Math.Abs(expected) * 1e-9);
    }

    [Fact]
    public void A_slow_series_without_c_above_a_or_b_throws_ArithmeticException_instead_of_running_for_seconds()
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var error = Assert.Throws<ArithmeticException>(() => Hypergeometric.LogHyp2F1(2e6, 2e6, 1e6, 0.5));
        Assert.Contains("did not converge", error.Message, StringComparison.Ordinal);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void A_far_out_Pareto_NBD_trial_with_s_in_the_hundred_millions_has_a_finite_likelihood()
    {
        // The 2F1 of each row has b = s + 1 = 1e8 + 1 and z = 0.5 here: the series grows for about 1e8 terms (once 50 million were
        // summed, then ArithmeticException), now Euler's integral.
        var patterns = Ltv.Core.History.RfmPatterns.Compress([2, 0, 5, 1, 3], [5, 0, 8, 3, 9], [10, 10, 12, 9, 11], Ltv.Core.Domain.TimeUnit.Week);
        var model = new Ltv.Core.Probabilistic.Models.ParetoNbdModel(1, 20, 1e8, 5, Ltv.Core.Domain.TimeUnit.Week);

        var ll = model.LogLikelihood(patterns);

        Assert.True(double.IsFinite(ll));
    }

    [Fact]
    public void The_10_customer_Pareto_NBD_fit_ends_with_a_verdict_well_within_a_generous_time_budget()
    {
        var patterns = Ltv.Core.History.RfmPatterns.Compress([2, 0, 5, 1, 3, 0, 7, 1, 2, 4], [5, 0, 8, 3, 9, 0, 11, 2, 6, 7], [10, 10, 12, 9, 11, 13, 12, 8, 10, 9], Ltv.Core.Domain.TimeUnit.Week);

        var fit = Ltv.Core.Probabilistic.Models.ParetoNbdModel.Fit(patterns, new Ltv.Core.Probabilistic.Fitting.FitOptions { TimeLimit = TimeSpan.FromSeconds(20) });

        Assert.NotEqual(Ltv.Core.Probabilistic.Fitting.FitExitReason.BudgetExhausted, fit.ExitReason);
        Assert.InRange(fit.Evaluations, 1, 1000);
    }
}
