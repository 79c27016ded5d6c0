using System.Globalization;

using Ltv.Core.Domain;
using Ltv.Core.Probabilistic.Contractual;
using Ltv.Core.Validation;

namespace Ltv.Core.Strategies;

/// <summary>
/// Lifetime value of a subscriber from a fitted retention curve (an <see cref="SbgModel"/>) instead of a guessed
/// lifespan or a constant churn: <c>LTV = margin per period x DEL</c> for a new subscriber, <c>margin per period x DERL</c>
/// for one who has renewed n times (<see cref="ContractualLtvOptions.Renewals"/>).
/// </summary>
/// <remarks>
/// <para>The margin per period is APV x PF x gross margin - cost to serve, measured in the curve's contract period
/// (<see cref="SbgModel.Unit"/>); the frequency (one payment a month for a monthly membership) is converted exactly into
/// that period or the call throws <see cref="UnitMismatchException"/>. DEL is <see cref="SbgModel.DiscountedExpectedLifetime(double)"/>
/// (payments at the start of each period, the first undiscounted, as <see cref="DiscountTiming.FirstPeriodAtStart"/>), DERL
/// <see cref="SbgModel.DiscountedExpectedResidualLifetime(double, int)"/> (the next payment undiscounted); with a horizon, their
/// finite sums. Undiscounted and without a horizon, DEL is the expected lifetime (α + β - 1) / (α - 1) periods.</para>
/// <para><see cref="ValueDrivers.Lifespan"/> and <see cref="ValueDrivers.Churn"/> are NOT used: the lifetime comes from the
/// curve (a segment with another retention needs its own fitted curve). The factor (DEL or DERL) is computed in double
/// and rounded to decimal once, when the model is created (<see cref="LifetimeFactor"/>); the value is then
/// <c>margin x factor</c> in decimal, so the bulk engine gives the same digits.</para>
/// <para>Example: a gym membership of 400 NOK a month whose fitted monthly curve has expected lifetime 10 months is worth
/// 4,000 NOK; after a loyalty programme that moves the curve to 16 months, 6,400 NOK.</para>
/// </remarks>
public sealed class ContractualLtvModel : ILtvModel
{
    /// <summary>Creates the model and computes its lifetime factor.</summary>
    /// <param name="retention">The fitted retention curve; its unit is the contract period.</param>
    /// <param name="options">Discounting, horizon and renewals; <see cref="ContractualLtvOptions.Default"/> when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="retention"/> is null.</exception>
    /// <exception cref="UnitMismatchException">The discount rate is per another period than the curve's.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Negative renewals or discount rate, a horizon that is not a whole number of periods, or an infinite expected lifetime (α ≤ 1, undiscounted, no horizon); the message names the option and the value.</exception>
    public ContractualLtvModel(SbgModel retention, ContractualLtvOptions? options = null)
    {
        Retention = Guard.NotNull(retention);
        Options = options ?? ContractualLtvOptions.Default;
        var d = 0.0;
        if (Options.DiscountRate is { } rate)
        {
            if (rate.Per != retention.Unit)
            {
                throw new UnitMismatchException(rate.Per, retention.Unit, "a contractual LTV (the discount rate must be per the retention curve's contract period)");
            }

            if (rate.Value < 0m)
            {
                throw Guard.OutOfRange("discountRate", "zero or more", Guard.Show(rate.Value));
            }

            d = (double)rate.Value;
        }

        if (Options.Renewals is < 0)
        {
            throw Guard.OutOfRange("renewals", "zero or more", Options.Renewals.Value.ToString(CultureInfo.InvariantCulture));
        }

        long? periods = Options.Horizon is { } horizon ? DiscountedLtvModel.Periods(horizon, retention.Unit) : null;
        double factor = (Options.Renewals, periods) switch
        {
            (null, null) => retention.DiscountedExpectedLifetime(d),
            (null, { } h) => retention.DiscountedExpectedLifetime(d, (int)h),
            ({ } n, null) => retention.DiscountedExpectedResidualLifetime(d, n),
            ({ } n, { } h) => retention.DiscountedExpectedResidualLifetime(d, n, (int)h),
        };
        if (!double.IsFinite(factor))
        {
            throw Guard.OutOfRange(
                "discountRate",
                string.Create(CultureInfo.InvariantCulture, $"greater than 0, or give a finite Horizon: with alpha = {retention.Alpha:R} ≤ 1 the undiscounted expected lifetime is infinite"),
                Guard.Show(d));
        }

        LifetimeFactor = Guard.ToDecimal(factor, "lifetimeFactor");
        Periods = periods;
    }

    /// <summary>The retention curve.</summary>
    public SbgModel Retention { get; }

    /// <summary>The assumptions.</summary>
    public ContractualLtvOptions Options { get; }

    /// <summary>DEL (new subscriber) or DERL (after <see cref="ContractualLtvOptions.Renewals"/> renewals) in contract periods: LTV = margin per period x this factor.</summary>
    public decimal LifetimeFactor { get; }

    /// <summary>The horizon in contract periods, or <see langword="null"/> for an infinite horizon.</summary>
    internal long? Periods { get; }

    /// <inheritdoc />
    public string Name => "contractual";

    /// <inheritdoc />
    public LtvEstimate Estimate(ValueDrivers drivers)
    {
        ArgumentNullException.ThrowIfNull(drivers);
        var inputs = new List<LtvInput>();
        var m = DriverRequirements.MarginPerPeriod(drivers, Name, Retention.Unit, inputs);
        var c = CultureInfo.InvariantCulture;
        inputs.Add(new("RetentionCurve", string.Create(c, $"sBG alpha = {Retention.Alpha:R}, beta = {Retention.Beta:R} per {TimeUnits.Name(Retention.Unit)}")));
        inputs.Add(new(nameof(ContractualLtvOptions.DiscountRate), Options.DiscountRate?.ToString() ?? "none"));
        inputs.Add(new(nameof(ContractualLtvOptions.Horizon), Periods is { } h ? $"{Options.Horizon} = {h.ToString(c)} {TimeUnits.Name(Retention.Unit)}(s)" : "infinite"));
        inputs.Add(new(nameof(ContractualLtvOptions.Renewals), Options.Renewals is { } n ? n.ToString(c) : "new subscriber"));
        inputs.Add(new(Options.Renewals is null ? "DEL" : "DERL", LtvEstimate.Show(LifetimeFactor) + " " + TimeUnits.Name(Retention.Unit) + "(s)"));
        var formula = Options.Renewals is null
            ? "(APV x PF x gross margin - cost to serve) per period x DEL, DEL = sum over t >= 0 of S(t) / (1+d)^t"
            : "(APV x PF x gross margin - cost to serve) per period x DERL, DERL = sum over t > n of S(t) / S(n) / (1+d)^(t-n-1)";
        return new LtvEstimate(m * LifetimeFactor, Name, formula, inputs);
    }
}
