using Ltv.Core.Domain;
using Ltv.Core.Strategies;
using Ltv.Core.Validation;

namespace Ltv.Core.Economics;

/// <summary>
/// The value a customer adds by bringing others: the expected number of converted referrals times the
/// referred segment's LTV, optionally discounted.
/// </summary>
/// <remarks>
/// <para>From a total (<see cref="FromTotal(decimal, Money, decimal)"/>): <c>value = k x c x LTV_ref</c>,
/// k referrals over the customer's life, c the share that become customers.</para>
/// <para>From a rate (<see cref="FromRate(decimal, ChurnRate, Money, ReferralOptions?)"/>): the customer
/// refers k per period while active; active in period t with probability r^t (r = 1 - churn), referrals of
/// period t arrive at its start and are discounted by (1+d)^t (the same convention as the default
/// discounted LTV). Expected converted referrals: <c>k c sum r^t</c> (infinite horizon k c / churn);
/// value: <c>k c LTV_ref sum (r / (1+d))^t</c>, infinite horizon <c>k c LTV_ref (1+d) / (1+d-r)</c>;
/// sums run over t = 0..H-1 with a finite horizon H.</para>
/// </remarks>
public sealed record ReferralValue
{
    private ReferralValue(decimal expectedReferredCustomers, Money value, string formula)
    {
        ExpectedReferredCustomers = expectedReferredCustomers;
        Value = value;
        Formula = formula;
    }

    /// <summary>Expected converted referred customers (undiscounted).</summary>
    public decimal ExpectedReferredCustomers { get; }

    /// <summary>The referral value.</summary>
    public Money Value { get; }

    /// <summary>The formula used.</summary>
    public string Formula { get; }

    /// <summary>Referral value from a total number of referrals.</summary>
    /// <param name="referrals">Referrals over the customer's life, zero or more.</param>
    /// <param name="referredLifetimeValue">The LTV of a referred customer.</param>
    /// <param name="conversionRate">The share of referrals that become customers, in [0, 1]; 1 unless told.</param>
    /// <returns>The referral value.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Negative referrals, a conversion outside [0, 1], or a value too large for decimal (the message names the referrals, conversion and LTV).</exception>
    public static ReferralValue FromTotal(decimal referrals, Money referredLifetimeValue, decimal conversionRate = 1m)
    {
        Guard.NonNegative(referrals, nameof(referrals));
        CheckConversion(conversionRate);
        var expected = referrals * conversionRate;
        try
        {
            return new ReferralValue(expected, referredLifetimeValue * expected, "k x c x LTV_ref");
        }
        catch (OverflowException)
        {
            throw Guard.TooLarge(nameof(referrals), "referrals x conversion x referred LTV", $"{Guard.Show(referrals)} x {Guard.Show(conversionRate)} x {Guard.Show(referredLifetimeValue.Amount)} {referredLifetimeValue.Currency.Code}");
        }
    }

    /// <summary>Referral value from a rate of referrals per period while the customer is active.</summary>
    /// <param name="referralsPerPeriod">Referrals per period (the churn's period), zero or more.</param>
    /// <param name="churn">The referring customer's churn per period.</param>
    /// <param name="referredLifetimeValue">The LTV of a referred customer.</param>
    /// <param name="options">Conversion, discounting and horizon; defaults when null.</param>
    /// <returns>The referral value.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Negative referrals, a conversion outside [0, 1], an infinite horizon whose sum diverges, or a horizon, rate or LTV whose sum or value does not fit in decimal (the message names the input and the value).</exception>
    /// <exception cref="UnitMismatchException">The discount rate or horizon is not in the churn's period.</exception>
    public static ReferralValue FromRate(decimal referralsPerPeriod, ChurnRate churn, Money referredLifetimeValue, ReferralOptions? options = null)
    {
        options ??= ReferralOptions.Default;
        Guard.NonNegative(referralsPerPeriod, nameof(referralsPerPeriod));
        CheckConversion(options.ConversionRate);
        var period = churn.Per;
        var r = churn.Retention.Value;
        var d = 0m;
        if (options.DiscountRate is { } rate)
        {
            if (rate.Per != period)
            {
                throw new UnitMismatchException(rate.Per, period, "a referral value (the discount rate must be per the churn's period)");
            }

            d = rate.Value;
        }

        var q = r / (1m + d);
        decimal survival;
        decimal discounted;
        if (options.Horizon is { } horizon)
        {
            var periods = TimeUnits.Convert(horizon.Value, horizon.Unit, period, "a referral horizon");
            if (periods != decimal.Truncate(periods))
            {
                throw Guard.OutOfRange("horizon", $"a whole number of {TimeUnits.Name(period)}s (the churn's period)", horizon.ToString());
            }

            if (periods > long.MaxValue)
            {
                throw Guard.TooLarge("horizon", $"its number of {TimeUnits.Name(period)}s (a 64-bit count)", horizon.ToString());
            }

            try
            {
                survival = DiscountedLtvModel.FiniteSum(r, (long)periods);
                discounted = DiscountedLtvModel.FiniteSum(q, (long)periods);
            }
            catch (OverflowException)
            {
                throw Guard.TooLarge("horizon", "(retention / (1 + discount rate))^periods", $"{horizon}, retention {Guard.Show(r)}, discount rate {Guard.Show(d)}");
            }
        }
        else
        {
            if (q >= 1m)
            {
                throw Guard.OutOfRange("discountRate", $"greater than retention - 1 = {Guard.Show(r - 1m)} for an infinite horizon", Guard.Show(d));
            }

            survival = 1m / churn.Value;
            discounted = 1m / (1m - q);
        }

        var perPeriod = referralsPerPeriod * options.ConversionRate;
        try
        {
            return new ReferralValue(
                perPeriod * survival,
                referredLifetimeValue * (perPeriod * discounted),
                "k c LTV_ref sum over t = 0..H-1 of (r / (1+d))^t; infinite: k c LTV_ref (1+d) / (1+d-r)");
        }
        catch (OverflowException)
        {
            throw Guard.TooLarge(
                nameof(referralsPerPeriod),
                "the expected referrals and their value",
                $"{Guard.Show(referralsPerPeriod)} per {TimeUnits.Name(period)}, conversion {Guard.Show(options.ConversionRate)}, referred LTV {Guard.Show(referredLifetimeValue.Amount)} {referredLifetimeValue.Currency.Code}, discounted sum {Guard.Show(discounted)}");
        }
    }

    /// <summary>A customer's own LTV plus this referral value.</summary>
    /// <param name="ownLifetimeValue">The customer's own LTV.</param>
    /// <returns>The total.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public Money TotalWith(Money ownLifetimeValue) => ownLifetimeValue + Value;

    private static void CheckConversion(decimal conversionRate)
    {
        if (conversionRate < 0m || conversionRate > 1m)
        {
            throw Guard.OutOfRange(nameof(conversionRate), "in [0, 1]", Guard.Show(conversionRate));
        }
    }
}
