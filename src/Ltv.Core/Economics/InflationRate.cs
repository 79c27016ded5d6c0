using System.Globalization;

using Ltv.Core.Domain;
using Ltv.Core.Strategies;
using Ltv.Core.Validation;

namespace Ltv.Core.Economics;

/// <summary>
/// Inflation per period, greater than -1 (0.02 per year is 2 % a year), with the conversions between
/// nominal and real terms that long LTV horizons need.
/// </summary>
/// <remarks>
/// Real discount rate: <c>(1 + nominal) / (1 + inflation) - 1</c>; nominal: <c>(1 + real)(1 + inflation) - 1</c>.
/// An amount t periods ahead in nominal money is worth <c>amount / (1 + inflation)^t</c> in today's money.
/// Discount nominal cash flows (for example with <see cref="DiscountedLtvOptions.GrowthPerPeriod"/> set to
/// inflation) at the nominal rate, or constant real cash flows at the real rate; the two agree.
/// </remarks>
public readonly record struct InflationRate
{
    /// <summary>Creates an inflation rate.</summary>
    /// <param name="value">Inflation per period, greater than -1.</param>
    /// <param name="per">The period.</param>
    /// <exception cref="ArgumentOutOfRangeException">The value is -1 or less.</exception>
    public InflationRate(decimal value, TimeUnit per)
    {
        if (value <= -1m)
        {
            throw Guard.OutOfRange("inflation", "greater than -1", Guard.Show(value));
        }

        Value = value;
        Per = Guard.Defined(per);
    }

    /// <summary>Inflation per period.</summary>
    public decimal Value { get; }

    /// <summary>The period.</summary>
    public TimeUnit Per { get; }

    /// <summary>Inflation per year.</summary>
    /// <param name="value">The rate, greater than -1.</param>
    /// <returns>The inflation rate.</returns>
    public static InflationRate PerYear(decimal value) => new(value, TimeUnit.Year);

    /// <summary>Inflation per month.</summary>
    /// <param name="value">The rate, greater than -1.</param>
    /// <returns>The inflation rate.</returns>
    public static InflationRate PerMonth(decimal value) => new(value, TimeUnit.Month);

    /// <summary>The real discount rate for a nominal rate: (1 + nominal) / (1 + inflation) - 1.</summary>
    /// <param name="nominal">The nominal rate, per the same period.</param>
    /// <returns>The real rate.</returns>
    /// <exception cref="UnitMismatchException">The periods differ.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The result does not fit in decimal (the message names both rates).</exception>
    public DiscountRate RealRate(DiscountRate nominal)
    {
        CheckPeriod(nominal.Per, "a real discount rate");
        try
        {
            return DiscountRate.Real(nominal, Value);
        }
        catch (OverflowException)
        {
            throw Guard.TooLarge(nameof(nominal), "(1 + nominal) / (1 + inflation)", $"nominal {Guard.Show(nominal.Value)}, inflation {Guard.Show(Value)}");
        }
    }

    /// <summary>The nominal discount rate for a real rate: (1 + real)(1 + inflation) - 1.</summary>
    /// <param name="real">The real rate, per the same period.</param>
    /// <returns>The nominal rate.</returns>
    /// <exception cref="UnitMismatchException">The periods differ.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The result does not fit in decimal (the message names both rates).</exception>
    public DiscountRate NominalRate(DiscountRate real)
    {
        CheckPeriod(real.Per, "a nominal discount rate");
        try
        {
            return new DiscountRate(((1m + real.Value) * (1m + Value)) - 1m, Per);
        }
        catch (OverflowException)
        {
            throw Guard.TooLarge(nameof(real), "(1 + real)(1 + inflation)", $"real {Guard.Show(real.Value)}, inflation {Guard.Show(Value)}");
        }
    }

    /// <summary>Today's money for a nominal amount a whole number of periods ahead: amount / (1 + inflation)^periods.</summary>
    /// <param name="nominal">The nominal amount.</param>
    /// <param name="periods">Periods ahead, zero or more.</param>
    /// <returns>The amount in real terms.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Negative periods, or (1 + inflation)^periods or the result outside decimal's range (the message names the periods, the inflation and the amount).</exception>
    public Money ToRealTerms(Money nominal, long periods)
    {
        CheckPeriods(periods);
        try
        {
            var factor = DiscountedLtvModel.Power(1m + Value, periods);
            if (factor == 0m)
            {
                throw new OverflowException();
            }

            return nominal / factor;
        }
        catch (OverflowException)
        {
            throw TooLarge(nominal, periods, "amount / (1 + inflation)^periods");
        }
    }

    /// <summary>The nominal amount, a whole number of periods ahead, of an amount in today's money: amount x (1 + inflation)^periods.</summary>
    /// <param name="real">The amount in today's money.</param>
    /// <param name="periods">Periods ahead, zero or more.</param>
    /// <returns>The nominal amount.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Negative periods, or (1 + inflation)^periods or the result outside decimal's range (the message names the periods, the inflation and the amount).</exception>
    public Money ToNominalTerms(Money real, long periods)
    {
        CheckPeriods(periods);
        try
        {
            return real * DiscountedLtvModel.Power(1m + Value, periods);
        }
        catch (OverflowException)
        {
            throw TooLarge(real, periods, "amount x (1 + inflation)^periods");
        }
    }

    /// <summary>Text such as <c>2 % per year</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        (Value * 100m).ToString("0.####", CultureInfo.InvariantCulture) + " % per " + TimeUnits.Name(Per);

    private ArgumentOutOfRangeException TooLarge(Money amount, long periods, string result) =>
        Guard.TooLarge(
            nameof(periods),
            $"{result} (and (1 + inflation)^periods, non-zero)",
            $"{periods.ToString(CultureInfo.InvariantCulture)} {TimeUnits.Name(Per)}s at inflation {Guard.Show(Value)}, amount {Guard.Show(amount.Amount)} {amount.Currency.Code}");

    private static long CheckPeriods(long periods) =>
        periods >= 0 ? periods : throw Guard.OutOfRange(nameof(periods), "zero or more", periods.ToString(CultureInfo.InvariantCulture));

    private void CheckPeriod(TimeUnit other, string context)
    {
        if (other != Per)
        {
            throw new UnitMismatchException(other, Per, context);
        }
    }
}
