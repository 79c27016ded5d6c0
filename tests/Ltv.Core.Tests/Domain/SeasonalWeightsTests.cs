using Ltv.Core.Domain;
using Ltv.Core.Economics;

namespace Ltv.Core.Tests.Domain;

public class SeasonalWeightsTests
{
    [Fact]
    public void Weights_summing_to_the_count_keep_the_total()
    {
        var weights = new SeasonalWeights([1.2m, 0.8m, 1m, 1m], TimeUnit.Month);

        Assert.Equal(4, weights.Count);
        Assert.Equal(4m, weights.Sum);
        Assert.True(weights.PreservesTotal);
        Assert.Equal(1.2m, weights.Weight(4));
        Assert.Equal(0.8m, weights.Weight(5));
    }

    [Fact]
    public void Weights_not_summing_to_the_count_throw_a_typed_exception_naming_field_and_value()
    {
        var error = Assert.Throws<SeasonalWeightsException>(() => new SeasonalWeights([1m, 1m, 0.5m], TimeUnit.Month));

        Assert.Equal("weights", error.ParamName);
        Assert.Equal("sum 2.5", error.ShownValue);
        Assert.Contains("summing to the period count 3", error.Message, StringComparison.Ordinal);
        Assert.Contains("(was 'sum 2.5')", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_negative_weight_is_named_by_its_index()
    {
        var error = Assert.Throws<SeasonalWeightsException>(() => new SeasonalWeights([2m, -1m, 2m], TimeUnit.Month));
        Assert.Equal("weights[1]", error.Field);
        Assert.Contains("(was '-1')", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_weights_are_rejected()
    {
        var error = Assert.Throws<SeasonalWeightsException>(() => new SeasonalWeights([], TimeUnit.Month));
        Assert.Equal("empty", error.ShownValue);
    }

    [Fact]
    public void Normalize_rescales_raw_weights_to_sum_exactly_to_the_count()
    {
        var weights = SeasonalWeights.Normalize([1m, 1m, 1m, 2m, 2m, 3m, 1m, 1m, 1m, 1m, 1m, 1m], TimeUnit.Month);

        Assert.Equal(12m, weights.Sum);
        Assert.True(weights.PreservesTotal);
        Assert.Equal(0.75m, weights.Weights[0]);
        Assert.Equal(2.25m, weights.Weights[5]);
    }

    [Fact]
    public void Normalize_keeps_the_exact_sum_when_the_scale_is_not_a_finite_decimal()
    {
        var weights = SeasonalWeights.Normalize([1m, 1m, 1m], TimeUnit.Month);
        Assert.Equal(3m, weights.Sum);
        Assert.Throws<SeasonalWeightsException>(() => SeasonalWeights.Normalize([0m, 0m], TimeUnit.Month));
    }

    [Fact]
    public void Changing_total_accepts_any_non_negative_sum_when_asked()
    {
        var weights = SeasonalWeights.ChangingTotal([1.1m, 1.1m], TimeUnit.Month);

        Assert.False(weights.PreservesTotal);
        Assert.Equal(2.2m, weights.Sum);
    }

    [Fact]
    public void Equality_is_by_value()
    {
        Assert.Equal(new SeasonalWeights([2m, 0m], TimeUnit.Month), new SeasonalWeights([2m, 0m], TimeUnit.Month));
        Assert.NotEqual(new SeasonalWeights([2m, 0m], TimeUnit.Month), new SeasonalWeights([0m, 2m], TimeUnit.Month));
        Assert.Equal("2 weights per month [2, 0] (sum 2)", new SeasonalWeights([2m, 0m], TimeUnit.Month).ToString());
    }
}
