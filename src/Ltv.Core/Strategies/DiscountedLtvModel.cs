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
/// </remarks>
public sealed class DiscountedLtvModel : ILtvModel
{
    /// <summary>Creates the model.</summary>
    /// <param name="options">The discount rate, timing and horizon.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The timing is undefined.</exception>
    public DiscountedLtvModel(DiscountedLtvOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!Enum.IsDefined(options.Timing))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Timing, $"timing must be a defined DiscountTiming (was '{options.Timing}').");
        }

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

        var inputs = new List<LtvInput>();
        var m = DriverRequirements.MarginPerPeriod(drivers, Name, period, inputs);
        var r = churn.Retention.Value;
        var d = rate.Value;
        var q = r / (1m + d);
        inputs.Add(new("Retention", churn.Retention.ToString()));
        inputs.Add(new(nameof(DiscountedLtvOptions.DiscountRate), rate.ToString()));
        inputs.Add(new(nameof(DiscountedLtvOptions.Timing), Options.Timing.ToString()));

        decimal factor;
        if (Options.Horizon is { } horizon)
        {
            var periods = Periods(horizon, period);
            inputs.Add(new(nameof(DiscountedLtvOptions.Horizon), $"{horizon} = {LtvEstimate.Show(periods)} {TimeUnits.Name(period)}(s)"));
            try
            {
                factor = FiniteSum(q, periods);
            }
            catch (OverflowException)
            {
                throw Guard.OutOfRange(nameof(Options.Horizon), $"short enough that (retention / (1 + discount rate))^periods fits in decimal (ratio {Guard.Show(q)})", horizon.ToString());
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

            inputs.Add(new(nameof(DiscountedLtvOptions.Horizon), "infinite"));
            factor = 1m / (1m - q);
        }

        if (Options.Timing == DiscountTiming.FirstPeriodNotCounted)
        {
            factor *= q;
        }

        var formula = Options.Timing == DiscountTiming.FirstPeriodAtStart
            ? "sum over t = 0..H-1 of m (r / (1+d))^t; infinite: m (1+d) / (1+d-r)"
            : "sum over t = 1..H of m (r / (1+d))^t; infinite: m r / (1+d-r)";
        return new LtvEstimate(m * factor, Name, formula, inputs);
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

    private static long Periods(Duration horizon, TimeUnit period)
    {
        var periods = TimeUnits.Convert(horizon.Value, horizon.Unit, period, "a discounted LTV horizon");
        if (periods != decimal.Truncate(periods) || periods > int.MaxValue)
        {
            throw Guard.OutOfRange(nameof(horizon), $"a whole number of {TimeUnits.Name(period)}s (the churn's period)", horizon.ToString());
        }

        return (long)periods;
    }
}
