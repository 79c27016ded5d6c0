using Ltv.Core.Domain;
using Ltv.Core.Validation;

namespace Ltv.Core.Strategies;

/// <summary>
/// Discounted lifetime value with constant retention: the margin m per period (APV x PF x gross margin
/// - cost to serve, in the churn's period) survives with retention r = 1 - churn and is discounted at
/// d per period.
/// </summary>
/// <remarks>
/// <para>With the default <see cref="DiscountTiming.FirstPeriodAtStart"/>:
/// <c>LTV = sum over t = 0..H-1 of m q^t</c> with q = r / (1+d), which for an infinite horizon is
/// <c>m (1+d) / (1+d-r)</c>. With <see cref="DiscountTiming.FirstPeriodNotCounted"/> (Gupta and
/// Lehmann 2003): <c>sum over t = 1..H of m q^t</c>, infinite <c>m r / (1+d-r)</c>. The timing used is
/// named in the result's inputs.</para>
/// <para>An infinite horizon needs q &lt; 1 (d &gt; r - 1), or the sum diverges and the call throws
/// <see cref="ArgumentOutOfRangeException"/> naming the discount rate and the retention. Computed in
/// <see cref="decimal"/>: the closed form is exact up to decimal's 28 significant digits.</para>
/// <para>With <see cref="DiscountedLtvOptions.GrowthPerPeriod"/> g or <see cref="DiscountedLtvOptions.Seasonality"/>
/// weights w_t set, period t brings <c>(R w_t - K)(1+g)^t</c> (R = APV x PF x gross margin, K = cost to serve,
/// both per period), summed with the same timing and horizon; an infinite horizon needs
/// <c>(1+g) r / (1+d) &lt; 1</c>. With the defaults (g = 0, no weights) the formulas above apply unchanged.</para>
/// </remarks>
public sealed class DiscountedLtvModel : ILtvModel
{
    /// <summary>Creates the model.</summary>
    /// <param name="options">The discount rate, timing and horizon.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    public DiscountedLtvModel(DiscountedLtvOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
    }

    /// <summary>The assumptions.</summary>
    public DiscountedLtvOptions Options { get; }

    /// <inheritdoc />
    public string Name => "discounted";

    /// <inheritdoc />
    public LtvEstimate Estimate(ValueDrivers drivers)
    {
        ArgumentNullException.ThrowIfNull(drivers);
        var churn = DriverRequirements.Churn(drivers, Name);
        var period = churn.Per;
        var rate = Options.DiscountRate;
        if (rate.Per != period)
        {
            throw new UnitMismatchException(rate.Per, period, "a discounted LTV (the discount rate must be per the churn's period)");
        }

        if (IsExtended(Options))
        {
            ValidateExtended(Options, period);
        }

        var inputs = new List<LtvInput>();
        var m = DriverRequirements.MarginPerPeriod(drivers, Name, period, inputs);
        var r = churn.Retention.Value;
        var d = rate.Value;
        var q = r / (1m + d);
        inputs.Add(new("Retention", churn.Retention.ToString()));
        inputs.Add(new(nameof(DiscountedLtvOptions.DiscountRate), rate.ToString()));
        inputs.Add(new(nameof(DiscountedLtvOptions.Timing), Options.Timing.ToString()));

        long? periods = null;
        if (Options.Horizon is { } horizon)
        {
            periods = Periods(horizon, period);
            inputs.Add(new(nameof(DiscountedLtvOptions.Horizon), $"{horizon} = {LtvEstimate.Show(periods.Value)} {TimeUnits.Name(period)}(s)"));
        }
        else
        {
            inputs.Add(new(nameof(DiscountedLtvOptions.Horizon), "infinite"));
        }

        if (!IsExtended(Options))
        {
            var formula = Options.Timing == DiscountTiming.FirstPeriodAtStart
                ? "sum over t = 0..H-1 of m (r / (1+d))^t; infinite: m (1+d) / (1+d-r)"
                : "sum over t = 1..H of m (r / (1+d))^t; infinite: m r / (1+d-r)";
            return new LtvEstimate(m * Factor(q, r, d, Options, periods), Name, formula, inputs);
        }

        var (revenue, cost) = RevenueAndCost(drivers, period);
        if (Options.GrowthPerPeriod != 0m)
        {
            inputs.Add(new(nameof(DiscountedLtvOptions.GrowthPerPeriod), (Options.GrowthPerPeriod * 100m).ToString("0.####", System.Globalization.CultureInfo.InvariantCulture) + " % per " + TimeUnits.Name(period)));
        }

        if (Options.Seasonality is { } seasonality)
        {
            inputs.Add(new(nameof(DiscountedLtvOptions.Seasonality), seasonality.ToString()));
        }

        var extendedFormula = Options.Timing == DiscountTiming.FirstPeriodAtStart
            ? "sum over t = 0..H-1 of (R w_t - K) (1+g)^t (r / (1+d))^t, R = APV x PF x gross margin, K = cost to serve, w_t seasonal weight"
            : "sum over t = 1..H of (R w_t - K) (1+g)^t (r / (1+d))^t, R = APV x PF x gross margin, K = cost to serve, w_t seasonal weight";
        return new LtvEstimate(new Money(ExtendedValue(revenue, cost, r, d, Options, period, periods), m.Currency), Name, extendedFormula, inputs);
    }

    /// <summary>Whether the options use growth or seasonality (the extended formula); otherwise the original closed forms apply unchanged.</summary>
    internal static bool IsExtended(DiscountedLtvOptions options) => options.GrowthPerPeriod != 0m || options.Seasonality is not null;

    /// <summary>Checks the extended options against the calculation's period; the message names the field and the value.</summary>
    internal static void ValidateExtended(DiscountedLtvOptions options, TimeUnit period)
    {
        if (options.GrowthPerPeriod <= -1m)
        {
            throw Guard.OutOfRange("growthPerPeriod", "greater than -1", Guard.Show(options.GrowthPerPeriod));
        }

        if (options.Seasonality is { } seasonality && seasonality.Per != period)
        {
            throw new UnitMismatchException(seasonality.Per, period, "a discounted LTV (seasonal weights must be per the churn's period)");
        }
    }

    /// <summary>The factor of the original formulas: value = m x factor. Same operations as before the growth and seasonality options existed.</summary>
    internal static decimal Factor(decimal q, decimal r, decimal d, DiscountedLtvOptions options, long? periods)
    {
        decimal factor;
        if (periods is { } n)
        {
            try
            {
                factor = FiniteSum(q, n);
            }
            catch (OverflowException)
            {
                throw Guard.OutOfRange(nameof(Options.Horizon), $"short enough that (retention / (1 + discount rate))^periods fits in decimal (ratio {Guard.Show(q)})", options.Horizon.ToString() ?? string.Empty);
            }
        }
        else
        {
            if (q >= 1m)
            {
                throw Guard.OutOfRange(
                    "discountRate",
                    $"greater than retention - 1 = {Guard.Show(r - 1m)} for an infinite horizon (retention {Guard.Show(r)} / (1 + discount rate) must be below 1, or the sum diverges); give a finite Horizon",
                    Guard.Show(d));
            }

            factor = 1m / (1m - q);
        }

        if (options.Timing == DiscountTiming.FirstPeriodNotCounted)
        {
            factor *= q;
        }

        return factor;
    }

    /// <summary>
    /// The value with growth g and seasonal weights w: <c>R A - K B</c> with <c>A = sum w_t p^t</c> and
    /// <c>B = sum p^t</c> over the timing's periods, p = (1+g) r / (1+d).
    /// </summary>
    internal static decimal ExtendedValue(decimal revenue, decimal cost, decimal r, decimal d, DiscountedLtvOptions options, TimeUnit period, long? periods)
    {
        ValidateExtended(options, period);
        var (p, offset) = ExtendedRatio(r, d, options, periods);
        var (weighted, plain) = ExtendedSums(p, offset, cost != 0m, options, periods);
        return (revenue * weighted) - (cost * plain);
    }

    /// <summary>p = (1+g) r / (1+d) and the first period's index (0 or 1, from the timing); throws when an infinite sum diverges.</summary>
    internal static (decimal P, int Offset) ExtendedRatio(decimal r, decimal d, DiscountedLtvOptions options, long? periods)
    {
        var p = (1m + options.GrowthPerPeriod) * r / (1m + d);
        var offset = options.Timing == DiscountTiming.FirstPeriodAtStart ? 0 : 1;
        if (periods is null && p >= 1m)
        {
            throw Guard.OutOfRange(
                "discountRate",
                $"greater than retention x (1 + growth) - 1 = {Guard.Show((r * (1m + options.GrowthPerPeriod)) - 1m)} for an infinite horizon (the sum diverges otherwise); give a finite Horizon",
                Guard.Show(d));
        }

        return (p, offset);
    }

    /// <summary>The sums A = sum w_t p^t and B = sum p^t (B only when <paramref name="needPlain"/>), shared with the bulk engine.</summary>
    internal static (decimal Weighted, decimal Plain) ExtendedSums(decimal p, int offset, bool needPlain, DiscountedLtvOptions options, long? periods)
    {
        try
        {
            var weighted = WeightedSum(options.Seasonality, offset, p, periods);
            var plain = needPlain ? WeightedSum(null, offset, p, periods) : 0m;
            return (weighted, plain);
        }
        catch (OverflowException)
        {
            throw Guard.OutOfRange(nameof(Options.Horizon), $"short enough that ((1 + growth) retention / (1 + discount rate))^periods fits in decimal (ratio {Guard.Show(p)})", options.Horizon.ToString() ?? string.Empty);
        }
    }

    /// <summary>APV x PF x gross margin and the cost to serve, each per <paramref name="period"/>.</summary>
    internal static (decimal Revenue, decimal Cost) RevenueAndCost(ValueDrivers drivers, TimeUnit period)
    {
        var apv = drivers.AveragePurchaseValue!.Value;
        var perPeriod = drivers.PurchaseFrequency!.Value.In(period);
        var revenue = (apv * perPeriod.Count * drivers.GrossMargin!.Value.Value).Amount;
        var cost = drivers.CostToServe is { } c ? c.In(period).Amount.Amount : 0m;
        return (revenue, cost);
    }

    /// <summary>sum over t = o..o+H-1 of w_(t mod P) p^t (H infinite when <paramref name="periods"/> is null), by whole cycles.</summary>
    private static decimal WeightedSum(SeasonalWeights? weights, int offset, decimal p, long? periods)
    {
        var cycle = weights?.Count ?? 1;
        var cycleSum = 0m;
        var pj = 1m;
        for (var j = 0; j < cycle; j++)
        {
            cycleSum += (weights?.Weight(j + offset) ?? 1m) * pj;
            pj *= p;
        }

        var cycleFactor = pj;
        decimal sum;
        if (periods is { } h)
        {
            var whole = h / cycle;
            var rest = (int)(h % cycle);
            var tail = 0m;
            pj = 1m;
            for (var j = 0; j < rest; j++)
            {
                tail += (weights?.Weight(j + offset) ?? 1m) * pj;
                pj *= p;
            }

            sum = (cycleSum * FiniteSum(cycleFactor, whole)) + (Power(cycleFactor, whole) * tail);
        }
        else
        {
            sum = cycleSum / (1m - cycleFactor);
        }

        return offset == 0 ? sum : sum * p;
    }

    /// <summary>1 + q + ... + q^(n-1), computed exactly in decimal by repeated squaring of q.</summary>
    internal static decimal FiniteSum(decimal q, long n)
    {
        if (q == 1m)
        {
            return n;
        }

        return (1m - Power(q, n)) / (1m - q);
    }

    internal static decimal Power(decimal x, long n)
    {
        var result = 1m;
        var b = x;
        while (n > 0)
        {
            if ((n & 1) == 1)
            {
                result *= b;
            }

            n >>= 1;
            if (n > 0)
            {
                b *= b;
            }
        }

        return result;
    }

    internal static long Periods(Duration horizon, TimeUnit period)
    {
        var periods = TimeUnits.Convert(horizon.Value, horizon.Unit, period, "a discounted LTV horizon");
        if (periods != decimal.Truncate(periods) || periods > int.MaxValue)
        {
            throw Guard.OutOfRange(nameof(horizon), $"a whole number of {TimeUnits.Name(period)}s (the churn's period)", horizon.ToString());
        }

        return (long)periods;
    }
}
