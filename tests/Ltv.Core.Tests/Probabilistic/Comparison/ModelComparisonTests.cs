using Ltv.Core.Probabilistic.Comparison;
using Ltv.Core.Tests.TestSupport;

namespace Ltv.Core.Tests.Probabilistic.Comparison;

public class ModelComparisonTests
{
    private static ModelComparison Cdnow() =>
        ModelComparison.Compare(ModelFit.From(CdnowFits.BgNbd), ModelFit.From(CdnowFits.MbgNbd), ModelFit.From(CdnowFits.ParetoNbd));

    [Fact]
    public void The_cdnow_table_ranks_by_aic_with_bic_and_deltas()
    {
        var table = Cdnow();

        Assert.Equal(["MBG/NBD", "BG/NBD", "Pareto/NBD"], table.Rows.Select(r => r.Name));
        var bg = table.Rows.Single(r => r.Name == "BG/NBD");
        Assert.Equal(4, bg.ParameterCount);
        Assert.Equal(-9582.43, bg.LogLikelihood, 0.005);
        Assert.Equal(8 + (2 * 9582.4292), bg.Aic, 0.001);
        Assert.Equal((4 * Math.Log(2357)) + (2 * 9582.4292), bg.Bic, 0.001);
        Assert.Equal(19195.919, bg.Bic, 0.001);
        Assert.Equal(0, table.Best.DeltaAic);
        Assert.Equal(bg.Aic - table.Best.Aic, bg.DeltaAic, 1e-9);
        Assert.Equal(25.68, table.Rows[2].DeltaBic, 0.005);
    }

    [Fact]
    public void The_cdnow_models_are_not_nested_and_the_table_says_why()
    {
        var table = Cdnow();

        Assert.Equal(3, table.Pairs.Count);
        Assert.All(table.Pairs, p => Assert.False(p.IsNested));
        Assert.Contains("neither is a special case", table.Pairs[0].Reason, StringComparison.Ordinal);
        Assert.Empty(table.Tests);
        var text = table.ToText();
        Assert.Contains("BG/NBD vs MBG/NBD: not nested", text, StringComparison.Ordinal);
        Assert.StartsWith("rank  model        k       log-lik           AIC           BIC      dAIC      dBIC", text, StringComparison.Ordinal);
        Assert.Contains("   2  BG/NBD       4    -9582.4292    19172.8584    19195.9190    0.5870    0.5870", text, StringComparison.Ordinal);
        Assert.Contains("unknown", ModelNesting.Of("BG/NBD", "my model").Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_likelihood_ratio_test_of_nested_fits_is_chi_square()
    {
        // 2 x (LL_full - LL_restricted) = 3.8415 with one extra parameter is the 5 % critical value of chi-square(1).
        var restricted = new ModelFit("Pareto/NBD", 4, -1000, 500);
        var full = new ModelFit("Pareto/NBD + covariate", 5, -1000 + (3.841459 / 2), 500);

        var test = LikelihoodRatioTest.ForNested(restricted, full);
        var table = ModelComparison.Compare([restricted, full], [test]);

        Assert.Equal(3.841459, test.Statistic, 1e-9);
        Assert.Equal(1, test.DegreesOfFreedom);
        Assert.Equal(0.05, test.PValue, 1e-6);
        Assert.Contains("likelihood ratio Pareto/NBD within Pareto/NBD + covariate: LR = 3.8415, df = 1, p = 0.05", table.ToText(), StringComparison.Ordinal);
        var belowByOptimizerTolerance = new ModelFit("wider", 6, -1000.000001, 500);
        Assert.Equal(0.0, LikelihoodRatioTest.ForNested(restricted, belowByOptimizerTolerance).Statistic);
        Assert.Equal(1.0, LikelihoodRatioTest.ForNested(restricted, belowByOptimizerTolerance).PValue);
    }

    [Fact]
    public void Bad_comparisons_name_the_models_and_values()
    {
        var a = new ModelFit("A", 4, -10, 100);
        ErrorAssert.Throws<ArgumentException>(() => ModelComparison.Compare(a), "fits", "1");
        ErrorAssert.Throws<ArgumentException>(() => ModelComparison.Compare(a, new ModelFit("B", 4, -10, 99)), "B on 99", "A on 100");
        ErrorAssert.Throws<ArgumentException>(() => ModelComparison.Compare(a, a), "'A'", "twice");
        ErrorAssert.Throws<ArgumentException>(() => LikelihoodRatioTest.ForNested(a, new ModelFit("B", 4, -9, 100)), "B has 4", "A has 4");
        ErrorAssert.Throws<ArgumentOutOfRangeException>(() => _ = new ModelFit("A", 0, -10, 100), "parameterCount", "0");
        ErrorAssert.Throws<ArgumentOutOfRangeException>(() => _ = new ModelFit("A", 4, double.NaN, 100), "logLikelihood", "NaN");
    }
}
