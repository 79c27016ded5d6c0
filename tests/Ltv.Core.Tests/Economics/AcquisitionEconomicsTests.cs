using Ltv.Core.Domain;
using Ltv.Core.Economics;

namespace Ltv.Core.Tests.Economics;

public class AcquisitionEconomicsTests
{
    private static Money Dkk(decimal amount) => Money.Of(amount, Currency.DKK);

    [Fact]
    public void Net_value_is_ltv_minus_cac_and_ratio_is_ltv_over_cac()
    {
        var economics = new AcquisitionEconomics(Dkk(9_000m), Dkk(3_000m));

        Assert.Equal(Dkk(6_000m), economics.NetValue);
        Assert.Equal(3m, economics.Ratio.Value);
        Assert.True(economics.Ratio.Meets(3m));
        Assert.False(economics.Ratio.Meets(3.01m));
        Assert.Equal("LTV 9,000.00 DKK, CAC 3,000.00 DKK, net 6,000.00 DKK, LTV:CAC 3:1", economics.ToString());
    }

    [Fact]
    public void Zero_cac_gives_the_typed_infinite_ratio_not_an_exception()
    {
        var economics = new AcquisitionEconomics(Dkk(5_000m), Dkk(0m));

        Assert.True(economics.Ratio.IsInfinite);
        Assert.Null(economics.Ratio.Value);
        Assert.Equal(LtvCacRatio.Infinite, economics.Ratio);
        Assert.True(economics.Ratio.Meets(1_000_000m));
        Assert.Equal("infinite (CAC = 0)", economics.Ratio.ToString());
    }

    [Fact]
    public void Zero_ltv_and_zero_cac_give_a_ratio_of_zero()
    {
        var ratio = LtvCacRatio.Of(Dkk(0m), Dkk(0m));

        Assert.False(ratio.IsInfinite);
        Assert.Equal(0m, ratio.Value);
    }

    [Fact]
    public void Negative_ltv_with_zero_cac_is_negative_infinity_that_never_meets_a_target()
    {
        var ratio = LtvCacRatio.Of(Dkk(-5m), Dkk(0m));

        Assert.True(ratio.IsNegativeInfinite);
        Assert.False(ratio.IsInfinite);
        Assert.Null(ratio.Value);
        Assert.Equal(LtvCacRatio.NegativeInfinite, ratio);
        Assert.False(ratio.Meets(0m));
        Assert.False(ratio.Meets(-1_000_000m));
        Assert.False(ratio.Meets(decimal.MinValue));
        Assert.Equal("-infinite (CAC = 0, LTV < 0)", ratio.ToString());
        Assert.False(new AcquisitionEconomics(Dkk(-5m), Dkk(0m)).Ratio.Meets(0m));
    }

    [Fact]
    public void Negative_infinity_orders_below_every_finite_ratio()
    {
        Assert.True(LtvCacRatio.NegativeInfinite < LtvCacRatio.Finite(decimal.MinValue));
        Assert.True(LtvCacRatio.NegativeInfinite < LtvCacRatio.Infinite);
        Assert.True(LtvCacRatio.Infinite > LtvCacRatio.NegativeInfinite);
        Assert.Equal(0, LtvCacRatio.NegativeInfinite.CompareTo(LtvCacRatio.NegativeInfinite));
        Assert.NotEqual(LtvCacRatio.NegativeInfinite, LtvCacRatio.Finite(0m));
        Assert.NotEqual(LtvCacRatio.NegativeInfinite, LtvCacRatio.Infinite);
    }

    [Fact]
    public void Infinity_orders_above_every_finite_ratio()
    {
        Assert.True(LtvCacRatio.Infinite > LtvCacRatio.Finite(1_000_000m));
        Assert.True(LtvCacRatio.Finite(2m) < LtvCacRatio.Finite(3m));
        Assert.Equal(0, LtvCacRatio.Infinite.CompareTo(LtvCacRatio.Infinite));
        Assert.True(LtvCacRatio.Finite(3m) >= LtvCacRatio.Finite(3m));
        Assert.True(LtvCacRatio.Finite(3m) <= LtvCacRatio.Infinite);
    }

    [Fact]
    public void Ratio_text_rounds_to_two_decimals()
    {
        Assert.Equal("2.5:1", LtvCacRatio.Finite(2.5m).ToString());
        Assert.Equal("3.33:1", LtvCacRatio.Of(Dkk(10m), Dkk(3m)).ToString());
    }

    [Fact]
    public void Currencies_must_match()
    {
        var error = Assert.Throws<CurrencyMismatchException>(() => new AcquisitionEconomics(Dkk(100m), Money.Of(10m, Currency.SEK)));
        Assert.Contains("DKK and SEK", error.Message, StringComparison.Ordinal);
        Assert.Throws<CurrencyMismatchException>(() => LtvCacRatio.Of(Dkk(100m), Money.Of(10m, Currency.EUR)));
    }

    [Fact]
    public void Negative_cac_is_rejected_naming_the_field_and_value()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new AcquisitionEconomics(Dkk(100m), Dkk(-5m)));
        Assert.Equal("acquisitionCost", error.ParamName);
        Assert.Contains("(was '-5')", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Max_affordable_cac_is_ltv_over_the_target_ratio()
    {
        Assert.Equal(Dkk(3_000m), AcquisitionEconomics.MaxAffordableCac(Dkk(9_000m), 3m));
        Assert.Equal(Dkk(2_000m), new AcquisitionEconomics(Dkk(5_000m), Dkk(1m)).MaxAffordableCac(2.5m));
        Assert.Equal(Dkk(0m), AcquisitionEconomics.MaxAffordableCac(Dkk(-100m), 3m));
    }

    [Fact]
    public void Max_affordable_cac_rejects_a_non_positive_target()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => AcquisitionEconomics.MaxAffordableCac(Dkk(9_000m), 0m));
        Assert.Equal("targetRatio", error.ParamName);
        Assert.Contains("(was '0')", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cac_at_the_max_affordable_meets_the_target_exactly()
    {
        var ltv = Dkk(7_000m);
        var cac = AcquisitionEconomics.MaxAffordableCac(ltv, 3.5m);
        Assert.True(LtvCacRatio.Of(ltv, cac).Meets(3.5m));
    }
}
