using Ltv.Core.Domain;
using Ltv.Core.Probabilistic.Contractual;
using Ltv.Core.Strategies;
using Ltv.Core.Validation;

namespace Ltv.Core.Economics;

/// <summary>
/// CAC payback: the time until the expected cumulative margin of an acquired customer covers the
/// acquisition cost, with churn and, optionally, discounting and seasonality.
/// </summary>
/// <remarks>
/// <para>Period t = 0, 1, 2, ... of the customer's life brings margin <c>m_t = R w_t - K</c> (R = APV x PF x
/// gross margin per period, w_t the seasonal weight, 1 without seasonality, K = cost to serve per
/// period). An acquired customer is still active in period t with probability <c>r^t</c> (r = 1 - churn;
/// 1 without churn) and the period is discounted by <c>(1+d)^t</c>, as in the default
/// <see cref="DiscountTiming.FirstPeriodAtStart"/> LTV. The expected cumulative margin after n periods is
/// <c>C(n) = sum over t = 0..n-1 of m_t (r / (1+d))^t</c>; without seasonality its limit is
/// <c>m (1+d) / (1+d-r)</c> (undiscounted <c>m / churn</c>), which is exactly the discounted LTV.</para>
/// <para>The payback is the first n with <c>C(n) &gt;= CAC</c>; with <see cref="PaybackRounding.Interpolated"/>
/// (the default) the margin accrues evenly within a period and the result is
/// <c>(n-1) + (CAC - C(n-1)) / (C(n) - C(n-1))</c>, with <see cref="PaybackRounding.WholePeriods"/> it is n.
/// A CAC of zero pays back after 0 periods. When the limit stays at or below the CAC the answer is
/// <see cref="PaybackPeriod.Never(TimeUnit, Money?)"/>, a typed result, never an exception.
/// Without churn and discounting the cumulative margin grows without bound and the payback is CAC / m.</para>
/// <para>All arithmetic is in <see cref="decimal"/>; the crossing period is found by an exponential and
/// binary search over whole seasonal cycles, so very long paybacks cost O(log n). A payback beyond
/// 2^62 cycles is reported as never, and so is a CAC within decimal rounding of the limit (where a
/// period's margin no longer changes the decimal cumulative margin). A discount rate below r - 1 (so that r / (1+d) &gt; 1) is rejected.</para>
/// </remarks>
public static class CacPayback
{
    private const long MaxCycles = 1L << 62;

    /// <summary>Payback from a customer's value drivers: margin per period = APV x PF x gross margin - cost to serve, in the churn's period (or the frequency's period without churn).</summary>
    /// <param name="acquisitionCost">The CAC, zero or more, in the drivers' currency.</param>
    /// <param name="drivers">Drivers with APV, frequency and gross margin; churn and cost to serve are optional (no churn: every customer stays). <see cref="ValueDrivers.Lifespan"/> is not used: attrition comes from churn.</param>
    /// <param name="options">Discounting, seasonality and rounding; <see cref="PaybackOptions.Default"/> when null.</param>
    /// <returns>The payback, or never.</returns>
    /// <exception cref="MissingInputException">APV, frequency or gross margin is missing.</exception>
    /// <exception cref="CurrencyMismatchException">The CAC is in another currency.</exception>
    /// <exception cref="UnitMismatchException">The discount rate or seasonal weights are per another period, or units do not convert exactly.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Negative CAC, a discount rate below retention - 1, or a CAC so large against the margin that the payback or the cumulative margin does not fit in decimal (the message names the CAC and the margin).</exception>
    public static PaybackPeriod Compute(Money acquisitionCost, ValueDrivers drivers, PaybackOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(drivers);
        const string model = "payback";
        var apv = DriverRequirements.AveragePurchaseValue(drivers, model);
        var frequency = DriverRequirements.PurchaseFrequency(drivers, model);
        var margin = DriverRequirements.GrossMargin(drivers, model);
        var period = drivers.Churn?.Per ?? frequency.Per;
        var revenue = apv * frequency.In(period).Count * margin.Value;
        var cost = drivers.CostToServe is { } c ? c.In(period).Amount : Money.Zero(apv.Currency);
        return SolveChecked(acquisitionCost, revenue, cost, period, drivers.Churn, options ?? PaybackOptions.Default);
    }

    /// <summary>Payback from a margin per period (seasonal weights, when given, scale the whole margin).</summary>
    /// <param name="acquisitionCost">The CAC, zero or more.</param>
    /// <param name="marginPerPeriod">The contribution per period of an active customer.</param>
    /// <param name="churn">Churn per period; <see langword="null"/> when customers never leave. Its period is the calculation's period.</param>
    /// <param name="options">Discounting, seasonality and rounding; <see cref="PaybackOptions.Default"/> when null.</param>
    /// <returns>The payback, or never.</returns>
    /// <exception cref="CurrencyMismatchException">The CAC and margin currencies differ.</exception>
    /// <exception cref="UnitMismatchException">Periods do not convert exactly or do not match.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Negative CAC, a discount rate below retention - 1, or a CAC so large against the margin that the payback or the cumulative margin does not fit in decimal (the message names the CAC and the margin).</exception>
    public static PaybackPeriod Compute(Money acquisitionCost, MoneyRate marginPerPeriod, ChurnRate? churn, PaybackOptions? options = null)
    {
        var period = churn?.Per ?? marginPerPeriod.Per;
        var margin = marginPerPeriod.In(period).Amount;
        return SolveChecked(acquisitionCost, margin, Money.Zero(margin.Currency), period, churn, options ?? PaybackOptions.Default);
    }

    /// <summary>The fewest periods a payback on a retention curve searches before it reports never.</summary>
    private const int CurvePeriodLimit = 10_000_000;

    /// <summary>
    /// Payback on a fitted retention curve: a subscriber acquired now is still paying in period t with probability S(t)
    /// (<see cref="SbgModel.Survival(int)"/>), so the expected cumulative margin after n periods is
    /// <c>C(n) = sum over t = 0..n-1 of m_t S(t) / (1+d)^t</c> (m_t = m w_t with seasonal weights); its limit is the
    /// contractual LTV m x DEL.
    /// </summary>
    /// <param name="acquisitionCost">The CAC, zero or more.</param>
    /// <param name="marginPerPeriod">The contribution per period of a paying subscriber; converted exactly into the curve's period.</param>
    /// <param name="retention">The fitted retention curve; its unit is the calculation's period.</param>
    /// <param name="options">Discounting, seasonality and rounding; <see cref="PaybackOptions.Default"/> when null.</param>
    /// <returns>The payback, or never (also when it would take more than 10,000,000 periods).</returns>
    /// <exception cref="CurrencyMismatchException">The CAC and margin currencies differ.</exception>
    /// <exception cref="UnitMismatchException">The margin does not convert exactly, or the discount rate or weights are per another period.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Negative CAC or discount rate.</exception>
    public static PaybackPeriod OnRetentionCurve(Money acquisitionCost, MoneyRate marginPerPeriod, SbgModel retention, PaybackOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(retention);
        options ??= PaybackOptions.Default;
        var period = retention.Unit;
        var margin = marginPerPeriod.In(period).Amount;
        CurrencyMismatchException.ThrowIfDifferent(margin.Currency, acquisitionCost.Currency, "a CAC payback");
        Guard.NonNegative(acquisitionCost.Amount, nameof(acquisitionCost));
        if (!Enum.IsDefined(options.Rounding))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Rounding, $"rounding must be a defined PaybackRounding (was '{options.Rounding}').");
        }

        var d = 0.0;
        if (options.DiscountRate is { } rate)
        {
            if (rate.Per != period)
            {
                throw new UnitMismatchException(rate.Per, period, "a CAC payback (the discount rate must be per the retention curve's period)");
            }

            if (rate.Value < 0m)
            {
                throw Guard.OutOfRange("discountRate", "zero or more on a retention curve", Guard.Show(rate.Value));
            }

            d = (double)rate.Value;
        }

        var weights = options.Seasonality;
        if (weights is not null && weights.Per != period)
        {
            throw new UnitMismatchException(weights.Per, period, "a CAC payback (seasonal weights must be per the retention curve's period)");
        }

        var del = retention.DiscountedExpectedLifetime(d);
        Money? limit = weights is null && double.IsFinite(del) ? margin * Guard.ToDecimal(del, "lifetimeFactor") : null;
        var target = acquisitionCost.Amount;
        if (target == 0m)
        {
            return PaybackPeriod.After(0m, period, options.Rounding, limit);
        }

        if (limit is { } l && l.Amount <= target)
        {
            return PaybackPeriod.Never(period, limit);
        }

        // S(t) z^t by the retention recursion: S(t) = S(t-1) r(t).
        var z = 1 / (1 + d);
        var weight = 1.0;
        var cumulative = 0m;
        for (var t = 0; t < CurvePeriodLimit; t++)
        {
            weight = t == 0 ? 1 : weight * retention.Retention(t) * z;
            var share = (decimal)weight * (weights?.Weights[t % weights.Count] ?? 1m);
            var next = cumulative + (margin.Amount * share);
            if (next >= target)
            {
                return Crossing(target, cumulative, next, t + 1, period, options.Rounding, limit);
            }

            if (weight < 1e-28)
            {
                break;
            }

            cumulative = next;
        }

        return PaybackPeriod.Never(period, limit);
    }

    private static PaybackPeriod SolveChecked(Money cac, Money revenue, Money cost, TimeUnit period, ChurnRate? churn, PaybackOptions options)
    {
        try
        {
            return Solve(cac, revenue, cost, period, churn, options);
        }
        catch (OverflowException)
        {
            throw Guard.TooLarge(
                "acquisitionCost",
                $"the payback (CAC / margin per {TimeUnits.Name(period)}, at most 2^62 periods) and the cumulative margin",
                $"CAC {Guard.Show(cac.Amount)} {cac.Currency.Code}, margin {Guard.Show(revenue.Amount)} - cost {Guard.Show(cost.Amount)} per {TimeUnits.Name(period)}");
        }
    }

    private static PaybackPeriod Solve(Money cac, Money revenue, Money cost, TimeUnit period, ChurnRate? churn, PaybackOptions options)
    {
        CurrencyMismatchException.ThrowIfDifferent(revenue.Currency, cac.Currency, "a CAC payback");
        Guard.NonNegative(cac.Amount, "acquisitionCost");
        churn = churn?.Validated();
        Guard.Defined(options.Rounding, "rounding");

        var r = churn?.Retention.Value ?? 1m;
        var d = 0m;
        if (options.DiscountRate is { } rate)
        {
            if (rate.Per != period)
            {
                throw new UnitMismatchException(rate.Per, period, "a CAC payback (the discount rate must be per the churn's period)");
            }

            d = rate.Value;
        }

        var q = r / (1m + d);
        if (q > 1m)
        {
            throw Guard.OutOfRange("discountRate", $"at least retention - 1 = {Guard.Show(r - 1m)} so that retention / (1 + discount rate) is at most 1", Guard.Show(d));
        }

        var weights = options.Seasonality;
        if (weights is not null && weights.Per != period)
        {
            throw new UnitMismatchException(weights.Per, period, "a CAC payback (seasonal weights must be per the churn's period)");
        }

        var currency = cac.Currency;
        var cycle = weights?.Count ?? 1;
        var partial = new decimal[cycle + 1];
        var qj = 1m;
        var maxPartial = decimal.MinValue;
        for (var j = 0; j < cycle; j++)
        {
            var w = weights?.Weights[j] ?? 1m;
            partial[j + 1] = partial[j] + ((revenue.Amount * w) - cost.Amount) * qj;
            maxPartial = Math.Max(maxPartial, partial[j + 1]);
            qj *= q;
        }

        var cycleSum = partial[cycle];
        var cycleFactor = qj;
        Money? limit = q < 1m ? new Money(cycleSum * (1m / (1m - cycleFactor)), currency) : null;
        var target = cac.Amount;
        if (target == 0m)
        {
            return PaybackPeriod.After(0m, period, options.Rounding, limit);
        }

        // Cycle 0 first: with seasonal dips the cumulative margin can peak early.
        for (var j = 1; j <= cycle; j++)
        {
            if (partial[j] >= target)
            {
                return Crossing(target, partial[j - 1], partial[j], j, period, options.Rounding, limit);
            }
        }

        long k;
        if (q == 1m)
        {
            if (cycleSum <= 0m)
            {
                return PaybackPeriod.Never(period, limit);
            }

            k = Math.Max(1L, (long)decimal.Ceiling((target - maxPartial) / cycleSum));
            while ((k * cycleSum) + maxPartial < target)
            {
                k++;
            }
        }
        else
        {
            if (limit is not { } l || l.Amount <= target || maxPartial >= l.Amount)
            {
                return PaybackPeriod.Never(period, limit);
            }

            var low = 0L;
            var high = 1L;
            while (CycleMax(cycleSum, cycleFactor, maxPartial, high) < target)
            {
                if (high >= MaxCycles)
                {
                    return PaybackPeriod.Never(period, limit);
                }

                low = high;
                high *= 2;
            }

            while (high - low > 1)
            {
                var mid = low + ((high - low) / 2);
                if (CycleMax(cycleSum, cycleFactor, maxPartial, mid) >= target)
                {
                    high = mid;
                }
                else
                {
                    low = mid;
                }
            }

            k = high;
        }

        var (start, scale) = CycleStart(cycleSum, cycleFactor, q == 1m, k);
        for (var j = 1; j <= cycle; j++)
        {
            var current = start + (scale * partial[j]);
            if (current >= target)
            {
                var previous = start + (scale * partial[j - 1]);
                return Crossing(target, previous, current, (k * cycle) + j, period, options.Rounding, limit);
            }
        }

        // Unreachable: CycleMax(k) >= target guarantees a crossing inside cycle k.
        return PaybackPeriod.Never(period, limit);
    }

    private static (decimal Start, decimal Scale) CycleStart(decimal cycleSum, decimal cycleFactor, bool undiscountedForever, long k)
    {
        if (undiscountedForever)
        {
            return (k * cycleSum, 1m);
        }

        return (cycleSum * DiscountedLtvModel.FiniteSum(cycleFactor, k), DiscountedLtvModel.Power(cycleFactor, k));
    }

    private static decimal CycleMax(decimal cycleSum, decimal cycleFactor, decimal maxPartial, long k)
    {
        var (start, scale) = CycleStart(cycleSum, cycleFactor, false, k);
        return start + (scale * maxPartial);
    }

    private static PaybackPeriod Crossing(decimal target, decimal previous, decimal current, long period, TimeUnit per, PaybackRounding rounding, Money? limit)
    {
        var step = current - previous;
        if (step <= 0m)
        {
            // The period's margin is below decimal resolution: the CAC equals the limit up to rounding,
            // so (as when the limit is at or below the CAC) the payback never happens.
            return PaybackPeriod.Never(per, limit);
        }

        var periods = rounding == PaybackRounding.WholePeriods
            ? period
            : (period - 1) + Math.Clamp((target - previous) / step, 0m, 1m);
        return PaybackPeriod.After(periods, per, rounding, limit);
    }
}
