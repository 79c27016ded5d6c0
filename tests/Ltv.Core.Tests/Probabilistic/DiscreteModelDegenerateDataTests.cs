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
}
