using Ltv.Core.Domain;
using Ltv.Core.History;
using Ltv.Core.Strategies;
using Ltv.Core.Tests.TestSupport;

namespace Ltv.Core.Tests.Strategies;

/// <summary>SummaryOptions and DiscountedLtvOptions refuse bad values when they are set, not when used (issue 13, item 16).</summary>
public class OptionsValidatedAtConstructionTests
{
    private static readonly DateOnly End = new(2024, 6, 30);

    [Fact]
    public void A_calibration_end_after_the_observation_end_is_refused_when_the_options_are_built()
    {
        var e = ErrorAssert.Throws<ArgumentOutOfRangeException>(() => _ = new SummaryOptions(End, TimeUnit.Week) { CalibrationEnd = End.AddDays(1) }, "calibrationEnd", "'2024-07-01'");
        Assert.Equal("calibrationEnd", e.ParamName);
    }

    [Fact]
    public void Moving_the_observation_end_before_the_calibration_end_with_a_copy_is_refused_too()
    {
        var options = new SummaryOptions(End, TimeUnit.Week) { CalibrationEnd = End.AddDays(-30) };

        ErrorAssert.Throws<ArgumentOutOfRangeException>(() => _ = options with { ObservationEnd = End.AddDays(-31) }, "calibrationEnd", "'2024-05-31'");
        Assert.Equal(End.AddDays(-30), (options with { ObservationEnd = End.AddDays(-30) }).EffectiveCalibrationEnd);
    }

    [Fact]
    public void A_growth_of_minus_one_or_less_is_refused_when_the_options_are_built()
    {
        var e = ErrorAssert.Throws<ArgumentOutOfRangeException>(() => _ = new DiscountedLtvOptions { DiscountRate = DiscountRate.PerMonth(0.01m), GrowthPerPeriod = -1.5m }, "growthPerPeriod", "'-1.5'");
        Assert.Equal("growthPerPeriod", e.ParamName);
    }

    [Fact]
    public void An_undefined_timing_is_refused_when_the_options_are_built_not_when_the_model_is()
    {
        var e = ErrorAssert.Throws<ArgumentOutOfRangeException>(() => _ = new DiscountedLtvOptions { DiscountRate = DiscountRate.PerMonth(0.01m), Timing = (DiscountTiming)7 }, "timing", "'7'");
        Assert.Equal("timing", e.ParamName);
    }

    [Fact]
    public void Valid_options_keep_their_values()
    {
        var options = new DiscountedLtvOptions { DiscountRate = DiscountRate.PerMonth(0.01m), GrowthPerPeriod = -0.5m, Timing = DiscountTiming.FirstPeriodNotCounted };

        Assert.Equal(-0.5m, options.GrowthPerPeriod);
        Assert.Equal(DiscountTiming.FirstPeriodNotCounted, options.Timing);
        Assert.Equal(DiscountTiming.FirstPeriodAtStart, new DiscountedLtvOptions { DiscountRate = DiscountRate.PerMonth(0.01m) }.Timing);
    }
}
