using Ltv.Core.Domain;
using Ltv.Core.Probabilistic.Numerics;
using Ltv.Core.Validation;

namespace Ltv.Core.Probabilistic.Clv;

/// <summary>
/// How a probabilistic CLV is summed: <see cref="Steps"/> steps of <see cref="StepLength"/> (in the count
/// model's time unit), the margin of step i discounted by (1 + d)^i.
/// </summary>
/// <remarks>
/// <para>CLV = Σ_(i=1..Steps) margin · E[spend] · (E[Y(i·Δ)] - E[Y((i-1)·Δ)]) / (1 + d)^i, where E[Y] is the count
/// model's expected purchases (conditional on the customer's history) and E[spend] the Gamma-Gamma conditional
/// expected spend. With <see cref="Monthly"/> and a full margin this is exactly lifetimes'
/// <c>customer_lifetime_value</c>: months of 4.345 weeks for weekly data and 30 days for daily data (lifetimes'
/// fixed factors, approximations of a calendar month), discount (1 + d)^i for month i, cash counted at the
/// end of each month.</para>
/// <para>Validated at construction; immutable.</para>
/// </remarks>
public sealed record ClvOptions
{
    /// <summary>Creates options.</summary>
    /// <param name="steps">Number of steps, 1 to 100,000.</param>
    /// <param name="stepLength">Length of one step in the count model's time unit, finite and positive.</param>
    /// <param name="discountRatePerStep">Discount rate d per step, finite and greater than -1 (0 for none); a negative rate must keep 1/(1 + d)^steps at most 1e300.</param>
    /// <param name="margin">Gross margin applied to spend; <see cref="GrossMargin.Full"/> (revenue) unless told.</param>
    /// <param name="unit">The time unit of <paramref name="stepLength"/>, checked against the count model's unit by <see cref="ClvCalculator"/>; <see langword="null"/> to skip the check.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range; the message names it.</exception>
    public ClvOptions(int steps, double stepLength, double discountRatePerStep, GrossMargin? margin = null, TimeUnit? unit = null)
    {
        Unit = unit is { } u ? Guard.Defined(u, nameof(unit)) : null;
        Steps = steps is >= 1 and <= 100_000 ? steps : throw Guard.OutOfRange(nameof(steps), "between 1 and 100000", steps.ToString(System.Globalization.CultureInfo.InvariantCulture));
        StepLength = Guard.FinitePositive(stepLength);
        DiscountRatePerStep = double.IsFinite(discountRatePerStep) && discountRatePerStep > -1
            ? discountRatePerStep
            : throw Guard.OutOfRange(nameof(discountRatePerStep), "finite and greater than -1", Guard.Show(discountRatePerStep));
        if (steps * -SpecialFunctions.LogOnePlus(discountRatePerStep) > MaximumLogDiscountGrowth)
        {
            throw Guard.OutOfRange(nameof(discountRatePerStep), $"at least {Guard.Show(Math.Exp(-MaximumLogDiscountGrowth / steps) - 1)} for {steps} steps (1/(1 + d)^steps must stay below 1e300)", Guard.Show(discountRatePerStep));
        }

        Margin = margin ?? GrossMargin.Full;
    }

    /// <summary>ln 1e300: the largest growth 1/(1 + d)^steps a negative discount rate may reach.</summary>
    private const double MaximumLogDiscountGrowth = 690.7755278982137;

    /// <summary>Number of steps.</summary>
    public int Steps { get; }

    /// <summary>Length of one step in the count model's time unit.</summary>
    public double StepLength { get; }

    /// <summary>Discount rate per step.</summary>
    public double DiscountRatePerStep { get; }

    /// <summary>Gross margin applied to spend.</summary>
    public GrossMargin Margin { get; }

    /// <summary>The time unit of <see cref="StepLength"/>, when stated.</summary>
    public TimeUnit? Unit { get; }

    /// <summary>
    /// lifetimes' convention: <paramref name="months"/> monthly steps, a month being 4.345 weeks, 30 days, 1 month
    /// or 1/12 year depending on the data's unit, discounted by (1 + <paramref name="monthlyDiscountRate"/>)^i.
    /// </summary>
    /// <param name="dataUnit">The count model's time unit.</param>
    /// <param name="months">Number of months (lifetimes' <c>time</c>, default 12).</param>
    /// <param name="monthlyDiscountRate">Monthly discount rate (lifetimes' <c>discount_rate</c>, default 0.01).</param>
    /// <param name="margin">Gross margin; full (revenue, as lifetimes) unless told.</param>
    /// <returns>The options.</returns>
    public static ClvOptions Monthly(TimeUnit dataUnit, int months = 12, double monthlyDiscountRate = 0.01, GrossMargin? margin = null)
    {
        var length = dataUnit switch
        {
            TimeUnit.Day => 30.0,
            TimeUnit.Week => 4.345,
            TimeUnit.Month => 1.0,
            TimeUnit.Year => 1.0 / 12,
            _ => throw new ArgumentOutOfRangeException(nameof(dataUnit), dataUnit, $"dataUnit must be a defined TimeUnit (was '{dataUnit}')."),
        };
        return new ClvOptions(months, length, monthlyDiscountRate, margin, dataUnit);
    }
}
