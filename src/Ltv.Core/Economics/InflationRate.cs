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
        Per = Enum.IsDefined(per) ? per : throw new ArgumentOutOfRangeException(nameof(per), per, $"per must be a defined TimeUnit (was '{per}').");
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
    public DiscountRate RealRate(DiscountRate nominal)
    {
        CheckPeriod(nominal.Per, "a real discount rate");
        return DiscountRate.Real(nominal, Value);
    }

    /// <summary>The nominal discount rate for a real rate: (1 + real)(1 + inflation) - 1.</summary>
    /// <param name="real">The real rate, per the same period.</param>
    /// <returns>The nominal rate.</returns>
    /// <exception cref="UnitMismatchException">The periods differ.</exception>
    public DiscountRate NominalRate(DiscountRate real)
    {
        CheckPeriod(real.Per, "a nominal discount rate");
        return new DiscountRate(((1m + real.Value) * (1m + Value)) - 1m, Per);
    }

    /// <summary>Today's money for a nominal amount a whole number of periods ahead: amount / (1 + inflation)^periods.</summary>
    /// <param name="nominal">The nominal amount.</param>
    /// <param name="periods">Periods ahead, zero or more.</param>
    /// <returns>The amount in real terms.</returns>
    public Money ToRealTerms(Money nominal, long periods) => nominal / DiscountedLtvModel.Power(1m + Value, CheckPeriods(periods));

    /// <summary>The nominal amount, a whole number of periods ahead, of an amount in today's money: amount x (1 + inflation)^periods.</summary>
    /// <param name="real">The amount in today's money.</param>
    /// <param name="periods">Periods ahead, zero or more.</param>
    /// <returns>The nominal amount.</returns>
    public Money ToNominalTerms(Money real, long periods) => real * DiscountedLtvModel.Power(1m + Value, CheckPeriods(periods));

    /// <summary>Text such as <c>2 % per year</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        (Value * 100m).ToString("0.####", CultureInfo.InvariantCulture) + " % per " + TimeUnits.Name(Per);

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
