using Ltv.Core.Domain;
using Ltv.Core.History;
using Ltv.Core.Probabilistic.Contractual;
using Ltv.Core.Probabilistic.Fitting;
using Ltv.Core.Probabilistic.Models;

namespace Ltv.Core.Tests.Probabilistic;

public class DiscreteModelDegenerateDataTests
{
    public static TheoryData<int[], bool[]> SbgCases => new()
    {
        { [1], [false] },
        { [1, 1, 1, 1, 1], [false, false, false, false, false] },
        { [2, 2], [false, false] },
        { [1, 1, 1], [true, true, true] },
    };

    [Theory]
    [MemberData(nameof(SbgCases))]
    public void Sbg_fits_on_uninformative_data_end_quickly_with_a_typed_verdict(int[] periods, bool[] churned)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var fit = SbgModel.Fit(ContractDurations.FromCustomers(periods, churned, TimeUnit.Month));
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(10));
        Assert.False(fit.Converged);
        Assert.True(Enum.IsDefined(fit.ExitReason));
        Assert.Throws<ModelNotConvergedException>(() => fit.EnsureConverged());
    }

    [Theory]
    [InlineData(1, 0, 0, 6)]
    [InlineData(3, 0, 0, 6)]
    [InlineData(5, 6, 6, 6)]
    [InlineData(2, 2, 4, 6)]
    public void Bgbb_fits_on_identical_customers_end_quickly_with_a_typed_verdict(int customers, int x, int tx, int n)
    {
        var patterns = RfmPatterns.FromWeightedRows([x], [tx], [n], [customers], TimeUnit.Year);
        var started = System.Diagnostics.Stopwatch.StartNew();
        var fit = BgBbModel.Fit(patterns);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(10));
        Assert.False(fit.Converged);
        Assert.Throws<ModelNotConvergedException>(() => fit.EnsureConverged());
    }

    [Theory]
    [InlineData(new[] { 1, 2, 3, 4, 5 }, new[] { false, false, false, false, false }, "no customer churned")]
    [InlineData(new[] { 3, 3, 5, 5, 8 }, new[] { false, false, false, false, false }, "no customer churned")]
    [InlineData(new[] { 1, 1, 1, 1, 1 }, new[] { true, true, true, true, true }, "churned in the first period")]
    public void Sbg_without_churn_or_with_all_churn_in_the_first_period_is_not_identifiable_with_the_reason(int[] periods, bool[] churned, string reason)
    {
        var fit = SbgModel.Fit(ContractDurations.FromCustomers(periods, churned, TimeUnit.Month));

        Assert.Equal(FitExitReason.NotIdentifiable, fit.ExitReason);
        Assert.Contains(reason, fit.Reason, StringComparison.Ordinal);
        Assert.Equal(0, fit.Evaluations);
    }

    [Fact]
    public void Sbg_with_churn_in_several_periods_is_not_refused()
    {
        var fit = SbgModel.Fit(ContractDurations.FromSurvivors([1000, 631, 468, 382, 326], TimeUnit.Year));

        Assert.Equal(FitExitReason.Converged, fit.ExitReason);
    }

    [Theory]
    [InlineData(new[] { 0, 0, 0, 0, 0 }, new[] { 0, 0, 0, 0, 0 }, new[] { 6, 5, 4, 6, 3 }, "no customer made a transaction")]
    [InlineData(new[] { 6, 5, 4, 6, 3 }, new[] { 6, 5, 4, 6, 3 }, new[] { 6, 5, 4, 6, 3 }, "at every opportunity")]
    public void Bgbb_without_transactions_or_without_any_missed_opportunity_is_not_identifiable_with_the_reason(int[] x, int[] tx, int[] n, string reason)
    {
        var patterns = RfmPatterns.Compress([.. x.Select(v => (double)v)], [.. tx.Select(v => (double)v)], [.. n.Select(v => (double)v)], TimeUnit.Year);

        var fit = BgBbModel.Fit(patterns);

        Assert.Equal(FitExitReason.NotIdentifiable, fit.ExitReason);
        Assert.Contains(reason, fit.Reason, StringComparison.Ordinal);
        Assert.Equal(0, fit.Evaluations);
    }
}
