using Ltv.Core.Domain;
using Ltv.Core.Probabilistic.Contractual;

namespace Ltv.Core.Tests.Probabilistic.Contractual;

public class RetentionCurveTests
{
    [Fact]
    public void The_model_series_are_the_models_survival_and_retention_and_the_projection_matches_the_published_fit()
    {
        var model = SbgModel.FitSurvivors(SbgModelTests.Regular, TimeUnit.Year).EnsureConverged().Model;
        var curve = RetentionCurve.Compute(model, 12, SbgModelTests.Regular);

        Assert.Equal("sBG", curve.ModelName);
        Assert.Equal(TimeUnit.Year, curve.Unit);
        Assert.Equal(12, curve.Periods);
        Assert.Equal(13, curve.Survival.Count);
        Assert.Equal(12, curve.Retention.Count);
        Assert.Equal(1.0, curve.Survival[0]);
        for (var t = 1; t <= 12; t++)
        {
            Assert.Equal(model.Survival(t), curve.Survival[t], 15);
            Assert.Equal(model.Retention(t), curve.Retention[t - 1], 15);
            Assert.Equal(curve.Survival[t] / curve.Survival[t - 1], curve.Retention[t - 1], 12);
        }

        // Fader and Hardie (2007): 170.06 of 1,000 Regular customers projected for year 12 (see SbgModelTests).
        Assert.InRange(1000 * curve.Survival[12], 169.96, 170.16);
    }

    [Fact]
    public void Observed_shares_are_the_survivor_counts_over_the_cohort_and_over_the_year_before()
    {
        var model = new SbgModel(0.704, 1.182, TimeUnit.Year);
        var curve = RetentionCurve.Compute(model, 3, SbgModelTests.Regular);

        Assert.Equal(8, curve.ObservedSurvival!.Count);
        Assert.Equal(7, curve.ObservedRetention!.Count);
        Assert.Equal(0.631, curve.ObservedSurvival[1], 12);
        Assert.Equal(0.241, curve.ObservedSurvival[7], 12);
        Assert.Equal(468.0 / 631, curve.ObservedRetention[1], 12);
        Assert.Equal(241.0 / 262, curve.ObservedRetention[6], 12);
    }

    [Fact]
    public void Without_counts_there_is_no_observed_series_and_a_cohort_that_died_out_retains_zero()
    {
        var model = new SbgModel(2, 9, TimeUnit.Month);
        Assert.Null(RetentionCurve.Compute(model, 5).ObservedSurvival);
        Assert.Null(RetentionCurve.Compute(model, 5).ObservedRetention);

        var gone = RetentionCurve.Compute(model, 2, [10, 4, 0, 0]);
        Assert.Equal([0.4, 0.0, 0.0], gone.ObservedRetention!);
    }

    [Fact]
    public void Invalid_input_is_refused_with_the_name_and_value()
    {
        var model = new SbgModel(2, 9, TimeUnit.Month);
        var periods = Assert.Throws<ArgumentOutOfRangeException>(() => RetentionCurve.Compute(model, 0));
        Assert.Contains("periods", periods.Message, StringComparison.Ordinal);
        Assert.Contains("0", periods.Message, StringComparison.Ordinal);
        var rising = Assert.Throws<ArgumentOutOfRangeException>(() => RetentionCurve.Compute(model, 3, [100, 80, 90]));
        Assert.Contains("survivors[2]", rising.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => RetentionCurve.Compute(null!, 3));
    }
}
