using Ltv.Core.Domain;
using Ltv.Core.Economics;

namespace Ltv.Core.Tests.Economics;

public class InflationRateTests
{
    [Fact]
    public void Real_rate_is_one_plus_nominal_over_one_plus_inflation_minus_one()
    {
        var inflation = InflationRate.PerYear(0.02m);

        var real = inflation.RealRate(DiscountRate.PerYear(0.0812m));

        Assert.Equal(0.06m, real.Value);
        Assert.Equal(DiscountRate.PerYear(0.0812m), inflation.NominalRate(real));
    }

    [Fact]
    public void Amounts_convert_between_nominal_and_real_terms()
    {
        var inflation = InflationRate.PerYear(0.1m);

        Assert.Equal(Money.Of(121m, Currency.EUR), inflation.ToNominalTerms(Money.Of(100m, Currency.EUR), 2));
        Assert.Equal(Money.Of(100m, Currency.EUR), inflation.ToRealTerms(Money.Of(121m, Currency.EUR), 2));
        Assert.Equal("10 % per year", inflation.ToString());
    }

    [Fact]
    public void Bad_input_is_rejected()
    {
        Assert.Equal("inflation", Assert.Throws<ArgumentOutOfRangeException>(() => InflationRate.PerYear(-1m)).ParamName);
        Assert.Equal("periods", Assert.Throws<ArgumentOutOfRangeException>(() => InflationRate.PerYear(0.1m).ToRealTerms(Money.Of(1m, Currency.EUR), -1)).ParamName);
        Assert.Throws<UnitMismatchException>(() => InflationRate.PerYear(0.1m).RealRate(DiscountRate.PerMonth(0.01m)));
    }
}
