using FsCheck;
using FsCheck.Fluent;

using Ltv.Core.Domain;
using Ltv.Core.Probabilistic.Clv;
using Ltv.Core.Probabilistic.Models;
using Ltv.Core.Strategies;

namespace Ltv.Core.Tests.Probabilistic;

/// <summary>Review fixes: the adapter's currency and unused cost to serve, no Infinity from public methods, the BG/NBD horizon limit, and P(X(t) = n) as a distribution.</summary>
public class FiniteResultsAndCurrencyTests
{
    private static readonly Config Config = Config.QuickThrowOnFailure.WithMaxTest(1000);

    private static readonly ClvCalculator Calculator = new(CdnowFits.BgNbd.Model, CdnowFits.GammaGamma.Model, ClvOptions.Monthly(TimeUnit.Week, months: 12, monthlyDiscountRate: 0.01));

    [Fact]
    public void Adapter_result_is_in_the_adapter_currency_and_refuses_cost_to_serve()
    {
        var adapter = new ProbabilisticLtvModel(Calculator, Currency.USD);
        var cost = new ValueDrivers { CostToServe = new MoneyRate(Money.Of(1000m, Currency.DKK), TimeUnit.Month) };
        var error = Assert.Throws<ArgumentException>(() => adapter.Estimate(cost));
        Assert.Contains("CostToServe", error.Message, StringComparison.Ordinal);
        Assert.Contains("not used", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => adapter.Estimate(new ValueDrivers { CostToServe = new MoneyRate(Money.Of(1m, Currency.USD), TimeUnit.Month) }));

        var mismatch = Assert.Throws<CurrencyMismatchException>(() => adapter.Estimate(new ValueDrivers { AveragePurchaseValue = Money.Of(40m, Currency.DKK) }));
        Assert.Equal(Currency.USD, mismatch.Expected);
        Assert.Equal(Currency.DKK, mismatch.Actual);

        Assert.Equal(Currency.USD, adapter.Estimate(new ValueDrivers()).Value.Currency);
        Assert.Equal(Currency.DKK, new ProbabilisticLtvModel(Calculator).Estimate(new ValueDrivers { AveragePurchaseValue = Money.Of(40m, Currency.DKK) }).Value.Currency);
    }

    [Fact]
    public void Gamma_gamma_conditional_spend_refuses_to_overflow()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => CdnowFits.GammaGamma.Model.ConditionalExpectedSpend(2, 1e308));
        Assert.Equal("averageSpend", error.ParamName);
        Assert.Contains("frequency = 2", error.Message, StringComparison.Ordinal);
        Assert.Contains("averageSpend = 1E+308", error.Message, StringComparison.Ordinal);
        Assert.True(double.IsFinite(CdnowFits.GammaGamma.Model.ConditionalExpectedSpend(2, 1e300)));
    }

    [Fact]
    public void Clv_options_refuse_discounting_that_overflows_and_values_stay_finite()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new ClvOptions(100000, 4.345, -0.99));
        Assert.Equal("discountRatePerStep", error.ParamName);
        Assert.Contains("1e300", error.Message, StringComparison.Ordinal);
        _ = new ClvOptions(100, 4.345, -0.99); // 1/0.01^100 = 1e200 is allowed

        var steep = new ClvCalculator(CdnowFits.BgNbd.Model, CdnowFits.GammaGamma.Model, new ClvOptions(140, 1, -0.99));
        var value = Assert.Throws<ArgumentOutOfRangeException>(() => steep.Value(2, 30.43, 38.86, 1e100));
        Assert.Equal("averageSpend", value.ParamName);
        Assert.Contains("discountRatePerStep -0.99", value.Message, StringComparison.Ordinal);
        Assert.Contains("140 steps", value.Message, StringComparison.Ordinal);
        Assert.Equal("spendPerPurchase", Assert.Throws<ArgumentOutOfRangeException>(() => steep.NewCustomerValue(1e100)).ParamName);
        var destination = new double[1];
        Assert.Equal("averageSpend at row 0", Assert.Throws<ArgumentOutOfRangeException>(() => steep.Values([2.0], [30.43], [38.86], [1e100], destination)).ParamName);
        Assert.True(double.IsFinite(steep.Value(2, 30.43, 38.86, 22.35)));
    }

    public static TheoryData<string> BetaGeometricModels => new() { "BG/NBD", "MBG/NBD" };

    private static ICountModel Model(string name) =>
        name == "BG/NBD" ? new BgNbdModel(0.243, 4.414, 0.793, 2.426, TimeUnit.Week) : new MbgNbdModel(0.243, 4.414, 0.793, 2.426, TimeUnit.Week);

    [Theory]
    [MemberData(nameof(BetaGeometricModels))]
    public void Beta_geometric_expected_purchases_grow_like_t_to_the_one_minus_a_up_to_the_horizon_limit(string name)
    {
        var model = Model(name);
        var previous = 0.0;
        var previousRatio = 0.0;
        for (var e = 3; e <= 9; e++)
        {
            var t = Math.Pow(10, e) * 4.414; // up to the limit 1e9 alpha, inclusive
            var value = model.ExpectedPurchases(t);
            var ratio = value / Math.Pow(t, 1 - 0.793);
            Assert.True(value > previous, $"E[X({t})] = {value} not above {previous}");
            Assert.True(ratio >= previousRatio * (1 - 1e-9), $"E[X(t)] / t^(1-a) fell at t = {t}: {ratio} < {previousRatio}");
            (previous, previousRatio) = (value, ratio);
        }

        foreach (var t in new[] { 1e9 * 4.414 * (1 + 1e-9), 1e20, 1e300 })
        {
            var error = Assert.Throws<ArgumentOutOfRangeException>(() => model.ExpectedPurchases(t));
            Assert.Equal("t", error.ParamName);
            Assert.Contains("accuracy limit", error.Message, StringComparison.Ordinal);
            Assert.Equal("t", Assert.Throws<ArgumentOutOfRangeException>(() => model.ConditionalExpectedPurchases(t, 2, 30.43, 38.86)).ParamName);
            Assert.Equal("t", Assert.Throws<ArgumentOutOfRangeException>(() => model.ProbabilityOfPurchases(1, t)).ParamName);
        }
    }

    [Fact]
    public void Pareto_nbd_expected_purchases_are_monotone_from_1e3_to_1e300()
    {
        var model = new ParetoNbdModel(0.55, 10.58, 0.61, 11.67, TimeUnit.Week);
        var previous = 0.0;
        for (var e = 3; e <= 300; e++)
        {
            var value = model.ExpectedPurchases(Math.Pow(10, e));
            Assert.True(double.IsFinite(value) && value > previous, $"E[X(1e{e})] = {value} after {previous}");
            previous = value;
        }
    }

    [Fact]
    public void Pareto_nbd_expected_purchases_refuse_to_overflow()
    {
        var model = new ParetoNbdModel(20, 1e-10, 0.001, 500, TimeUnit.Week);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => model.ExpectedPurchases(1e300));
        Assert.Equal("t", error.ParamName);
        Assert.Contains("t = 1E+300", error.Message, StringComparison.Ordinal);
        Assert.Equal("t", Assert.Throws<ArgumentOutOfRangeException>(() => model.ConditionalExpectedPurchases(1e300, 0, 0, 0)).ParamName);
        Assert.True(double.IsFinite(model.ExpectedPurchases(1e3)));
    }

    private static Gen<double> LogUniform(double low, double high) =>
        Gen.Choose(0, 1_000_000).Select(v => Math.Exp(Math.Log(low) + ((Math.Log(high) - Math.Log(low)) * v / 1e6)));

    [Fact]
    public void Count_probabilities_sum_to_one_and_their_mean_is_the_expected_purchases()
    {
        // Parameters where the count distribution has a light enough tail to be summed in at most 2000 terms.
        var gen =
            from kind in Gen.Choose(0, 2)
            from r in LogUniform(0.1, 5)
            from alpha in LogUniform(1, 50)
            from a in LogUniform(0.3, 5)
            from b in LogUniform(0.3, 5)
            from t in LogUniform(0.5, 40)
            select (kind, r, alpha, a, b, t);
        Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var (kind, r, alpha, a, b, t) = c;
            ICountModel model = kind switch
            {
                0 => new BgNbdModel(r, alpha, a, b, TimeUnit.Week),
                1 => new MbgNbdModel(r, alpha, a, b, TimeUnit.Week),
                _ => new ParetoNbdModel(r, alpha, a, b * 10, TimeUnit.Week),
            };
            var expected = model.ExpectedPurchases(t);
            double total = 0, mean = 0;
            var n = 0;
            for (; n < 2000; n++)
            {
                var p = model.ProbabilityOfPurchases(n, t);
                total += p;
                mean += n * p;
                if (n > 10 && n * p < 1e-12 && p < 1e-13)
                {
                    break;
                }
            }

            // The tail: terms decrease at least geometrically once n > 10 (NB tail ratio ≤ z < 1), so what is left is
            // below the last term / (1 - z) for the probability and n-weighted likewise; 1e-8 absorbs it and quadrature.
            var label = $"{model} t={t} sum={total} mean={mean} E={expected} n={n}";
            if (Math.Abs(total - 1) > 1e-8)
            {
                throw new InvalidOperationException("sum " + label);
            }

            if (Math.Abs(mean - expected) > 1e-7 * Math.Max(1, expected))
            {
                throw new InvalidOperationException("mean " + label);
            }

            return true;
        }).Check(Config);
    }
}
