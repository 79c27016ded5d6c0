using Ltv.Core.Domain;
using Ltv.Core.Probabilistic.Clv;
using Ltv.Core.Probabilistic.Models;
using Ltv.Core.Strategies;

namespace Ltv.Core.Tests.Probabilistic;

public class ClvCalculatorTests
{
    private static readonly ClvCalculator Calculator = new(CdnowFits.BgNbd.Model, CdnowFits.GammaGamma.Model, ClvOptions.Monthly(TimeUnit.Week, months: 12, monthlyDiscountRate: 0.01));

    /// <summary>lifetimes' customer_lifetime_value loop, written out: steps i * 4.345 weeks, (predict(i) - predict(i - factor)) / (1 + d)^(i / factor).</summary>
    private static double LifetimesClv(ICountModel model, GammaGammaModel spend, double x, double tx, double t, double m, int time, double discount)
    {
        const double factor = 4.345;
        var monetary = spend.ConditionalExpectedSpend(x, m);
        var clv = 0.0;
        for (var step = 1; step <= time; step++)
        {
            var i = step * factor;
            var expected = model.ConditionalExpectedPurchases(i, x, tx, t) - model.ConditionalExpectedPurchases(i - factor, x, tx, t);
            clv += monetary * expected / Math.Pow(1 + discount, i / factor);
        }

        return clv;
    }

    [Theory]
    [InlineData(2.0, 30.43, 38.86, 22.35)]
    [InlineData(1.0, 1.71, 38.86, 11.77)]
    [InlineData(0.0, 0.0, 38.86, 0.0)]
    [InlineData(15.0, 37.0, 38.0, 40.0)]
    public void Monthly_options_equal_lifetimes_customer_lifetime_value(double x, double tx, double t, double m)
    {
        var expected = LifetimesClv(CdnowFits.BgNbd.Model, CdnowFits.GammaGamma.Model, x, tx, t, m, 12, 0.01);
        Assert.Equal(expected, Calculator.Value(x, tx, t, m), expected * 1e-12);
    }

    [Fact]
    public void Without_discounting_clv_is_spend_times_margin_times_expected_purchases_over_the_horizon()
    {
        var options = new ClvOptions(24, 4.345, 0, new GrossMargin(0.3m));
        var calculator = new ClvCalculator(CdnowFits.ParetoNbd.Model, CdnowFits.GammaGamma.Model, options);
        var expected = 0.3 * CdnowFits.GammaGamma.Model.ConditionalExpectedSpend(2, 22.35) * CdnowFits.ParetoNbd.Model.ConditionalExpectedPurchases(24 * 4.345, 2, 30.43, 38.86);
        Assert.Equal(expected, calculator.Value(2, 30.43, 38.86, 22.35), expected * 1e-12);
    }

    [Fact]
    public void Money_carries_the_currency_and_bulk_values_match_single_values()
    {
        var money = Calculator.Value(2, 30.43, 38.86, 22.35, Currency.USD);
        Assert.Equal(Currency.USD, money.Currency);
        Assert.Equal(Calculator.Value(2, 30.43, 38.86, 22.35), (double)money.Amount, 1e-9);
        var sample = CdnowSampleFixture.Sample;
        var values = new double[sample.Count];
        Calculator.Values(sample.X, sample.Tx, sample.T, sample.Zbar, values);
        for (var i = 0; i < sample.Count; i += 11)
        {
            Assert.Equal(Calculator.Value(sample.X[i], sample.Tx[i], sample.T[i], sample.Zbar[i]), values[i], 1e-12);
        }

        Assert.All(values, v => Assert.True(double.IsFinite(v) && v >= 0));
        Assert.Throws<ArgumentException>(() => Calculator.Values(sample.X, sample.Tx, sample.T, sample.Zbar, new double[3]));
    }

    [Fact]
    public void Monthly_steps_follow_the_data_unit()
    {
        Assert.Equal(4.345, ClvOptions.Monthly(TimeUnit.Week).StepLength);
        Assert.Equal(30, ClvOptions.Monthly(TimeUnit.Day).StepLength);
        Assert.Equal(1, ClvOptions.Monthly(TimeUnit.Month).StepLength);
        Assert.Equal(1.0 / 12, ClvOptions.Monthly(TimeUnit.Year).StepLength);
        Assert.Equal(12, ClvOptions.Monthly(TimeUnit.Week).Steps);
        Assert.Equal(0.01, ClvOptions.Monthly(TimeUnit.Week).DiscountRatePerStep);
    }

    [Fact]
    public void Steps_in_another_unit_than_the_model_are_refused()
    {
        var error = Assert.Throws<UnitMismatchException>(() => new ClvCalculator(CdnowFits.BgNbd.Model, CdnowFits.GammaGamma.Model, ClvOptions.Monthly(TimeUnit.Day)));
        Assert.Equal(TimeUnit.Day, error.From);
        Assert.Equal(TimeUnit.Week, error.To);
        Assert.Equal(TimeUnit.Week, ClvOptions.Monthly(TimeUnit.Week).Unit);
        Assert.Null(new ClvOptions(3, 1, 0).Unit);
    }

    [Fact]
    public void Bad_options_throw_naming_the_field()
    {
        Assert.Equal("steps", Assert.Throws<ArgumentOutOfRangeException>(() => new ClvOptions(0, 1, 0)).ParamName);
        Assert.Equal("stepLength", Assert.Throws<ArgumentOutOfRangeException>(() => new ClvOptions(1, double.NaN, 0)).ParamName);
        Assert.Equal("discountRatePerStep", Assert.Throws<ArgumentOutOfRangeException>(() => new ClvOptions(1, 1, -1)).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => Calculator.Value(-1, 0, 1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Calculator.NewCustomerValue(double.NaN));
    }

    [Fact]
    public void Adapter_values_a_new_customer_of_a_segment_with_the_segment_spend_and_margin()
    {
        var adapter = new ProbabilisticLtvModel(Calculator, Currency.USD);
        var drivers = new ValueDrivers { AveragePurchaseValue = Money.Of(40m, Currency.USD), GrossMargin = new GrossMargin(0.25m) };
        var estimate = adapter.Estimate(drivers);
        var options = Calculator.Options;
        var expected = 0.25 * 40 * Enumerable.Range(1, options.Steps).Sum(i =>
            (CdnowFits.BgNbd.Model.ExpectedPurchases(i * options.StepLength) - CdnowFits.BgNbd.Model.ExpectedPurchases((i - 1) * options.StepLength)) / Math.Pow(1.01, i));
        Assert.Equal(expected, (double)estimate.Value.Amount, 1e-9);
        Assert.Equal(Currency.USD, estimate.Value.Currency);
        Assert.Equal("probabilistic (BG/NBD + Gamma-Gamma)", estimate.Model);
        Assert.Equal("25 %", estimate.Input("GrossMargin"));
    }

    [Fact]
    public void Adapter_falls_back_to_the_gamma_gamma_mean_and_needs_a_currency()
    {
        var withCurrency = new ProbabilisticLtvModel(Calculator, Currency.USD).Estimate(new ValueDrivers());
        Assert.Equal(Calculator.NewCustomerValue(CdnowFits.GammaGamma.Model.MeanSpend), (double)withCurrency.Value.Amount, 1e-9);
        Assert.Contains("Gamma-Gamma mean", withCurrency.Input("SpendPerPurchase"), StringComparison.Ordinal);
        var error = Assert.Throws<MissingInputException>(() => new ProbabilisticLtvModel(Calculator).Estimate(new ValueDrivers()));
        Assert.Equal(nameof(ValueDrivers.AveragePurchaseValue), error.Input);
    }
}
