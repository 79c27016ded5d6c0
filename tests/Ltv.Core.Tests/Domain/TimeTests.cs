using FsCheck;
using FsCheck.Xunit;
using Ltv.Core.Domain;
using Ltv.Core.Tests.TestSupport;

namespace Ltv.Core.Tests.Domain;

public class TimeTests
{
    [Fact]
    public void Exact_conversions_are_exact()
    {
        Assert.Equal(Duration.Years(0.25m), Duration.Months(3).In(TimeUnit.Year));
        Assert.Equal(Duration.Days(14), Duration.Weeks(2).In(TimeUnit.Day));
        Assert.Equal(Duration.Weeks(1), Duration.Days(7).In(TimeUnit.Week));
        Assert.Equal(PurchaseRate.PerMonth(0.5m), PurchaseRate.PerYear(6).In(TimeUnit.Month));
        Assert.Equal(PurchaseRate.PerWeek(7), PurchaseRate.PerDay(1).In(TimeUnit.Week));
        Assert.Equal(Money.Of(100m, Currency.EUR), new MoneyRate(Money.Of(1200m, Currency.EUR), TimeUnit.Year).In(TimeUnit.Month).Amount);
    }

    [Fact]
    public void Cross_family_conversions_need_a_convention()
    {
        var ex = Assert.Throws<UnitMismatchException>(() => Duration.Days(30).In(TimeUnit.Month));
        Assert.Equal(TimeUnit.Day, ex.From);
        Assert.Equal(TimeUnit.Month, ex.To);
        Assert.Contains("CalendarConvention", ex.Message, StringComparison.Ordinal);
        Assert.Throws<UnitMismatchException>(() => PurchaseRate.PerWeek(1).In(TimeUnit.Year));
        Assert.Throws<UnitMismatchException>(() => _ = new MoneyRate(Money.Of(1m, Currency.EUR), TimeUnit.Week) * Duration.Months(1));

        Assert.Equal(Duration.Days(30.4375m), Duration.Months(1).In(TimeUnit.Day, CalendarConvention.Julian));
        Assert.Equal(Duration.Days(365m), Duration.Years(1).In(TimeUnit.Day, CalendarConvention.Days365));
        Assert.Equal(52m, PurchaseRate.PerWeek(1).In(TimeUnit.Year, new CalendarConvention("52 weeks", 364m)).Count);
    }

    [Fact]
    public void Equality_is_structural_and_equivalence_converts()
    {
        Assert.NotEqual(Duration.Months(12), Duration.Years(1));
        Assert.True(Duration.Months(12).IsEquivalentTo(Duration.Years(1)));
        Assert.Equal(Duration.Months(15), Duration.Months(3) + Duration.Years(1));
    }

    [Fact]
    public void Text_names_the_unit()
    {
        Assert.Equal("3 years", Duration.Years(3).ToString());
        Assert.Equal("1 month", Duration.Months(1).ToString());
        Assert.Equal("6 per year", PurchaseRate.PerYear(6).ToString());
        Assert.Equal("400.00 NOK per month", new MoneyRate(Money.Of(400m, Currency.NOK), TimeUnit.Month).ToString());
    }

    [Fact]
    public void Negative_durations_and_rates_are_rejected_naming_field_and_value()
    {
        ErrorAssert.Throws<ArgumentOutOfRangeException>(() => Duration.Years(-1), "duration", "-1");
        ErrorAssert.Throws<ArgumentOutOfRangeException>(() => PurchaseRate.PerYear(-0.5m), "purchaseFrequency", "-0.5");
        ErrorAssert.Throws<ArgumentOutOfRangeException>(() => _ = new Duration(1, (TimeUnit)42), "unit", "42");
        ErrorAssert.Throws<ArgumentOutOfRangeException>(() => _ = new PurchaseRate(1, (TimeUnit)42), "per", "42");
    }

    [Fact]
    public void Conventions_are_validated()
    {
        ErrorAssert.Throws<ArgumentOutOfRangeException>(() => _ = new CalendarConvention("odd", 400m), "daysPerYear", "400");
        Assert.Throws<ArgumentException>(() => _ = new CalendarConvention(" ", 365m));
        Assert.Contains("365.25", CalendarConvention.Julian.ToString(), StringComparison.Ordinal);
    }

    [Property(MaxTest = 1000)]
    public bool Exact_conversions_round_trip(PositiveInt amount, PositiveInt fromIndex, PositiveInt toIndex)
    {
        // Within each exact family: day <-> week, month <-> year.
        var family = fromIndex.Get % 2 == 0 ? new[] { TimeUnit.Day, TimeUnit.Week } : new[] { TimeUnit.Month, TimeUnit.Year };
        var from = family[fromIndex.Get / 2 % 2];
        var to = family[toIndex.Get % 2];
        var d = new Duration(amount.Get % 100_000 / 4m, from);

        return Math.Abs(d.In(to).In(from).Value - d.Value) <= 1e-20m;
    }

    [Property(MaxTest = 1000)]
    public bool Rate_times_duration_does_not_depend_on_the_unit_it_is_expressed_in(PositiveInt perYear, PositiveInt months)
    {
        var rate = PurchaseRate.PerYear(perYear.Get % 1000);
        var duration = Duration.Months(months.Get % 1200);

        // Exact whenever the per-month rate is exact (12 | perYear); equal to 1e-20 otherwise (decimal thirds).
        return Math.Abs(rate * duration - rate.In(TimeUnit.Month) * duration) <= 1e-20m
            && Math.Abs(rate * duration - rate * duration.In(TimeUnit.Year)) <= 1e-20m
            && (perYear.Get % 1000 % 12 != 0 || rate * duration == rate.In(TimeUnit.Month) * duration);
    }

    [Property(MaxTest = 1000)]
    public bool Convention_conversions_round_trip(PositiveInt days, PositiveInt unitIndex)
    {
        var units = new[] { TimeUnit.Day, TimeUnit.Week, TimeUnit.Month, TimeUnit.Year };
        var to = units[unitIndex.Get % 4];
        var d = Duration.Days(days.Get % 100_000);

        var back = d.In(to, CalendarConvention.Julian).In(TimeUnit.Day, CalendarConvention.Julian);
        return Math.Abs(back.Value - d.Value) <= 1e-18m;
    }
}
