using Ltv.Core.Domain;
using Ltv.Core.Economics;

namespace Ltv.Core.Tests.Economics;

public class ReferralValueTests
{
    private static Money Sek(decimal amount) => Money.Of(amount, Currency.SEK);

    [Fact]
    public void From_a_total_value_is_referrals_times_conversion_times_referred_ltv()
    {
        var referral = ReferralValue.FromTotal(4m, Sek(9_000m), conversionRate: 0.25m);

        Assert.Equal(1m, referral.ExpectedReferredCustomers);
        Assert.Equal(Sek(9_000m), referral.Value);
        Assert.Equal(Sek(18_000m), referral.TotalWith(Sek(9_000m)));
        Assert.Equal("k x c x LTV_ref", referral.Formula);
    }

    [Fact]
    public void From_a_rate_undiscounted_the_expected_referrals_are_k_c_over_churn()
    {
        // 0.1 referrals a month, half convert, churn 5 % a month: 0.05 / 0.05 = 1 referred customer.
        var referral = ReferralValue.FromRate(0.1m, ChurnRate.PerMonth(0.05m), Sek(2_000m), new ReferralOptions { ConversionRate = 0.5m });

        Assert.Equal(1m, referral.ExpectedReferredCustomers);
        Assert.Equal(Sek(2_000m), referral.Value);
    }

    [Fact]
    public void From_a_rate_discounted_value_is_k_c_ltv_times_1_plus_d_over_1_plus_d_minus_r()
    {
        var options = new ReferralOptions { DiscountRate = DiscountRate.PerMonth(0.05m) };

        var referral = ReferralValue.FromRate(0.1m, ChurnRate.PerMonth(0.05m), Sek(2_000m), options);

        // 0.1 x 2,000 x 1.05 / (1.05 - 0.95) = 2,100.
        Assert.Equal(2_100m, decimal.Round(referral.Value.Amount, 20));
        Assert.Equal(2m, referral.ExpectedReferredCustomers);
    }

    [Fact]
    public void A_finite_horizon_sums_the_first_h_periods()
    {
        var options = new ReferralOptions { Horizon = Duration.Years(1m) };

        var referral = ReferralValue.FromRate(1m, ChurnRate.PerMonth(0.5m), Sek(100m), options);

        // 1 + 0.5 + ... + 0.5^11 = 2 (1 - 0.5^12).
        var expected = 2m * (1m - (1m / 4096m));
        Assert.Equal(expected, referral.ExpectedReferredCustomers);
        Assert.Equal(Sek(100m * expected), referral.Value);
    }

    [Fact]
    public void Bad_input_is_rejected_naming_the_field_and_value()
    {
        Assert.Equal("conversionRate", Assert.Throws<ArgumentOutOfRangeException>(() => ReferralValue.FromTotal(1m, Sek(1m), 1.5m)).ParamName);
        Assert.Equal("referrals", Assert.Throws<ArgumentOutOfRangeException>(() => ReferralValue.FromTotal(-1m, Sek(1m))).ParamName);
        Assert.Equal("referralsPerPeriod", Assert.Throws<ArgumentOutOfRangeException>(() => ReferralValue.FromRate(-1m, ChurnRate.PerMonth(0.1m), Sek(1m))).ParamName);
        Assert.Throws<UnitMismatchException>(() => ReferralValue.FromRate(1m, ChurnRate.PerMonth(0.1m), Sek(1m), new ReferralOptions { DiscountRate = DiscountRate.PerYear(0.1m) }));
        var diverging = Assert.Throws<ArgumentOutOfRangeException>(() => ReferralValue.FromRate(1m, ChurnRate.PerMonth(0.1m), Sek(1m), new ReferralOptions { DiscountRate = DiscountRate.PerMonth(-0.2m) }));
        Assert.Equal("discountRate", diverging.ParamName);
        Assert.Equal("horizon", Assert.Throws<ArgumentOutOfRangeException>(() => ReferralValue.FromRate(1m, ChurnRate.PerYear(0.1m), Sek(1m), new ReferralOptions { Horizon = Duration.Months(18m) })).ParamName);
    }
}
