using Ltv.Core.Domain;
using Ltv.Core.Economics;

namespace Ltv.Core.Tests.Economics;

/// <summary>Results too large for decimal are typed exceptions naming the inputs and values, never an OverflowException.</summary>
public class DecimalOverflowTests
{
    private static Money Nok(decimal amount) => Money.Of(amount, Currency.NOK);

    private static void AssertNames(ArgumentOutOfRangeException error, string paramName, params string[] shown)
    {
        Assert.Equal(paramName, error.ParamName);
        Assert.Contains("fits in decimal", error.Message, StringComparison.Ordinal);
        foreach (var text in shown)
        {
            Assert.Contains(text, error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_payback_too_long_for_decimal_names_the_cac_and_the_margin()
    {
        var drivers = new ValueDrivers { AveragePurchaseValue = Nok(400m), PurchaseFrequency = PurchaseRate.PerMonth(1m), GrossMargin = GrossMargin.Full };

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => CacPayback.Compute(Nok(7e28m), drivers));

        AssertNames(error, "acquisitionCost", "CAC 70000000000000000000000000000 NOK", "margin 400");
    }

    [Fact]
    public void A_referral_sum_too_large_for_decimal_names_the_horizon()
    {
        var options = new ReferralOptions { DiscountRate = DiscountRate.PerMonth(-0.5m), Horizon = Duration.Months(1_000m) };

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => ReferralValue.FromRate(1m, ChurnRate.PerMonth(0.1m), Nok(100m), options));

        AssertNames(error, "horizon", "horizon must be small enough that (retention / (1 + discount rate))^periods fits in decimal", "retention 0.9", "discount rate -0.5");
    }

    [Fact]
    public void A_referral_horizon_beyond_a_64_bit_count_names_the_horizon()
    {
        var options = new ReferralOptions { Horizon = Duration.Years(1e25m) };

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => ReferralValue.FromRate(1m, ChurnRate.PerMonth(0.1m), Nok(100m), options));

        Assert.Equal("horizon", error.ParamName);
        Assert.Contains("64-bit count", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_referral_value_too_large_for_decimal_names_the_referrals_and_the_ltv()
    {
        var fromRate = Assert.Throws<ArgumentOutOfRangeException>(() => ReferralValue.FromRate(1e28m, ChurnRate.PerMonth(0.01m), Nok(1e10m)));
        var fromTotal = Assert.Throws<ArgumentOutOfRangeException>(() => ReferralValue.FromTotal(1e28m, Nok(1e10m)));

        AssertNames(fromRate, "referralsPerPeriod", "referred LTV 10000000000 NOK");
        AssertNames(fromTotal, "referrals", "x 10000000000 NOK");
    }

    [Fact]
    public void Inflation_conversions_too_large_for_decimal_name_the_periods_and_the_inflation()
    {
        var inflation = InflationRate.PerYear(1m);

        var real = Assert.Throws<ArgumentOutOfRangeException>(() => inflation.ToRealTerms(Nok(100m), 200));
        var nominal = Assert.Throws<ArgumentOutOfRangeException>(() => inflation.ToNominalTerms(Nok(100m), 200));
        var underflow = Assert.Throws<ArgumentOutOfRangeException>(() => InflationRate.PerYear(-0.5m).ToRealTerms(Nok(100m), 200));

        AssertNames(real, "periods", "200 years at inflation 1", "amount 100 NOK");
        AssertNames(nominal, "periods", "200 years at inflation 1");
        AssertNames(underflow, "periods", "200 years at inflation -0.5");
        Assert.Equal(Nok(400m), inflation.ToNominalTerms(Nok(100m), 2));
    }

    [Fact]
    public void Inflation_rate_conversions_too_large_for_decimal_name_both_rates()
    {
        var inflation = InflationRate.PerYear(7e28m);

        var nominal = Assert.Throws<ArgumentOutOfRangeException>(() => inflation.NominalRate(DiscountRate.PerYear(7e28m)));

        AssertNames(nominal, "real", "real 70000000000000000000000000000", "inflation 70000000000000000000000000000");
    }

    [Fact]
    public void Max_affordable_cac_too_large_for_decimal_names_the_target_and_the_ltv()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => AcquisitionEconomics.MaxAffordableCac(Nok(100m), 1e-28m));

        AssertNames(error, "targetRatio", "targetRatio must be small enough that LTV / targetRatio fits in decimal (was 'LTV 100 NOK / 0.0000000000000000000000000001')");
    }

    [Fact]
    public void Net_value_and_ratio_too_large_for_decimal_name_ltv_and_cac()
    {
        var economics = new AcquisitionEconomics(Nok(-7e28m), Nok(7e28m));
        var net = Assert.Throws<ArgumentOutOfRangeException>(() => economics.NetValue);
        var ratio = Assert.Throws<ArgumentOutOfRangeException>(() => LtvCacRatio.Of(Nok(1e28m), Nok(1e-10m)));

        AssertNames(net, "lifetimeValue", "LTV -70000000000000000000000000000 - CAC 70000000000000000000000000000 NOK");
        AssertNames(ratio, "acquisitionCost", "CAC 0.0000000001 NOK");
    }

    [Fact]
    public void A_budget_whose_customers_are_worth_more_than_decimal_holds_names_the_budget_and_segment()
    {
        BudgetSegment[] segments = [new("huge", Nok(1e26m), Nok(1e-20m), long.MaxValue)];

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => BudgetPlanner.Plan(segments, Nok(7e28m)));

        AssertNames(error, "budget", "70000000000000000000000000000 NOK", "segment 'huge'", "9223372036854775807 customers");
    }

    [Fact]
    public void A_huge_budget_over_a_tiny_cac_buys_every_available_customer()
    {
        BudgetSegment[] segments = [new("cheap", Nok(1m), Nok(1e-20m), 1_000)];

        var plan = BudgetPlanner.Plan(segments, Nok(7e28m));

        Assert.Equal(1_000L, plan.Lines[0].Customers);
        Assert.Equal(BudgetAllocationMethod.Exact, plan.Method);
    }

    [Fact]
    public void A_return_too_large_for_decimal_names_the_value_and_the_spend()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new ReturnOnInvestment(Nok(1e28m), Nok(1e-10m)));
        var net = Assert.Throws<ArgumentOutOfRangeException>(() => new ReturnOnInvestment(Nok(1e27m), Nok(1m)));

        AssertNames(error, "spend", "value 10000000000000000000000000000 / spend 0.0000000001 NOK");
        AssertNames(net, "spend", "net return in percent");
        Assert.Equal(1e26m, new ReturnOnInvestment(Nok(1e26m), Nok(1m)).Multiple);
    }
}
