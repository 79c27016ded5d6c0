using Ltv.Core.Domain;
using Ltv.Core.Tests.TestSupport;

namespace Ltv.Core.Tests.Domain;

public class FractionTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("-0.1")]
    [InlineData("1.0001")]
    public void Churn_outside_0_exclusive_to_1_is_rejected_naming_churn_and_value(string value)
    {
        ErrorAssert.Throws<ArgumentOutOfRangeException>(() => ChurnRate.PerMonth(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)), "churn", value);
    }

    [Theory]
    [InlineData("-0.01")]
    [InlineData("1.5")]
    public void Margin_outside_0_to_1_is_rejected_naming_grossMargin_and_value(string value)
    {
        ErrorAssert.Throws<ArgumentOutOfRangeException>(() => _ = new GrossMargin(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)), "grossMargin", value);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("-2")]
    public void Discount_rate_of_minus_one_or_less_is_rejected(string value)
    {
        ErrorAssert.Throws<ArgumentOutOfRangeException>(() => DiscountRate.PerYear(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)), "discountRate", value);
    }

    [Fact]
    public void Retention_outside_0_to_1_is_rejected()
    {
        ErrorAssert.Throws<ArgumentOutOfRangeException>(() => RetentionRate.PerMonth(1.2m), "retention", "1.2");
        ErrorAssert.Throws<ArgumentOutOfRangeException>(() => RetentionRate.PerMonth(1m).ToChurn(), "churn", "0");
    }

    [Fact]
    public void Churn_and_retention_are_complements_with_the_same_period()
    {
        var churn = ChurnRate.PerMonth(0.1m);

        Assert.Equal(RetentionRate.PerMonth(0.9m), churn.Retention);
        Assert.Equal(churn, churn.Retention.ToChurn());
        Assert.Equal(Duration.Months(10), churn.ExpectedLifespan);
        Assert.Equal("10 % per month", churn.ToString());
        Assert.Equal("90 % per month", churn.Retention.ToString());
    }

    [Fact]
    public void Margin_from_percent_and_text()
    {
        Assert.Equal(new GrossMargin(0.3m), GrossMargin.FromPercent(30m));
        Assert.Equal("30 %", GrossMargin.FromPercent(30m).ToString());
        Assert.Equal(1m, GrossMargin.Full.Value);
    }

    [Fact]
    public void Real_discount_rate_removes_inflation()
    {
        var real = DiscountRate.Real(DiscountRate.PerYear(0.10m), 0.045m);

        Assert.Equal((1.10m / 1.045m) - 1m, real.Value);
        Assert.Equal(TimeUnit.Year, real.Per);
        Assert.Equal("10 % per year", DiscountRate.PerYear(0.10m).ToString());
        ErrorAssert.Throws<ArgumentOutOfRangeException>(() => DiscountRate.Real(DiscountRate.PerYear(0.1m), -1m), "inflation", "-1");
    }

    [Fact]
    public void Default_churn_is_rejected_when_used_never_divided_by()
    {
        var zero = default(ChurnRate);
        var drivers = new ValueDrivers
        {
            AveragePurchaseValue = Money.Of(10m, Currency.EUR),
            PurchaseFrequency = PurchaseRate.PerDay(1),
            GrossMargin = GrossMargin.Full,
            Churn = zero,
        };

        ErrorAssert.Throws<ArgumentOutOfRangeException>(() => _ = zero.ExpectedLifespan, "churn", "0");
        ErrorAssert.Throws<ArgumentOutOfRangeException>(() => _ = zero.Retention, "churn", "0");
        ErrorAssert.Throws<ArgumentOutOfRangeException>(() => Ltv.Core.Strategies.ChurnLtvModel.Instance.Estimate(drivers), "churn", "0");
        ErrorAssert.Throws<ArgumentOutOfRangeException>(() => Ltv.Core.Strategies.SimpleLtvModel.Instance.Estimate(drivers), "churn", "0");
        ErrorAssert.Throws<ArgumentOutOfRangeException>(() => Ltv.Core.Economics.CacPayback.Compute(Money.Of(5m, Currency.EUR), drivers), "churn", "0");
        Assert.Equal(ChurnRate.PerMonth(0.1m), ChurnRate.PerMonth(0.1m).Validated());
    }
}
