using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

using Ltv.Core.Domain;
using Ltv.Core.History;

namespace Ltv.Core.Tests.History;

public class CustomerSummarizerTests
{
    private static readonly DateOnly D0 = new(2024, 1, 1);

    private static Purchase P(string id, int day, decimal amount) => new(id, D0.AddDays(day).ToDateTime(TimeOnly.MinValue), Money.Of(amount, Currency.EUR));

    private static CustomerSummaries Summarize(SummaryOptions options, params Purchase[] rows) =>
        PurchaseLog.FromPurchases(rows).Summarize(options);

    [Fact]
    public void Same_day_rows_collapse_and_the_first_transaction_is_excluded_from_monetary()
    {
        var s = Summarize(
            new SummaryOptions(D0.AddDays(70), TimeUnit.Week),
            P("a", 0, 10m), P("a", 0, 5m), P("a", 7, 20m), P("a", 7, 1.01m), P("a", 21, 30m), P("b", 14, 8m));
        var a = s.IndexOf("a");
        Assert.Equal(2, s.Frequency[a]);
        Assert.Equal(3d, s.Recency[a]);
        Assert.Equal(10d, s.Age[a]);
        Assert.Equal(1500L, s.FirstSpendMinor[a]);
        Assert.Equal(5101L, s.RepeatSpendMinor[a]);
        Assert.Equal(Money.Of(25.505m, Currency.EUR), s.MonetaryAt(a));
        var b = s.IndexOf("b");
        Assert.Equal((0, 0d, 8d), (s.Frequency[b], s.Recency[b], s.Age[b]));
        Assert.Equal(Money.Zero(Currency.EUR), s.MonetaryAt(b));
        Assert.Equal([25.505, 0d], s.Monetary.ToArray());
        Assert.Equal(-1, s.IndexOf("zz"));
    }

    [Fact]
    public void Holdout_rows_are_counted_apart_and_late_customers_are_excluded()
    {
        var options = new SummaryOptions(D0.AddDays(60), TimeUnit.Day) { CalibrationEnd = D0.AddDays(30) };
        var s = Summarize(options, P("a", 0, 1m), P("a", 30, 2m), P("a", 31, 4m), P("a", 31, 4m), P("a", 50, 8m), P("late", 40, 100m));
        Assert.Equal(1, s.Count);
        Assert.Equal(1, s.ExcludedCustomerCount);
        Assert.Equal((6, 2, 4), (s.RowCount, s.CalibrationRowCount, s.HoldoutRowCount));
        Assert.Equal((1, 30d, 30d), (s.Frequency[0], s.Recency[0], s.Age[0]));
        Assert.Equal(2, s.HoldoutFrequency[0]);
        Assert.Equal(Money.Of(16m, Currency.EUR), s.HoldoutSpendAt(0));
        Assert.Equal(Money.Of(3m, Currency.EUR), s.CalibrationSpendAt(0));
    }

    [Fact]
    public void Months_and_years_need_a_convention_with_same_day_grouping()
    {
        var log = PurchaseLog.FromPurchases([P("a", 0, 1m), P("a", 365, 1m)]);
        Assert.Throws<UnitMismatchException>(() => log.Summarize(new SummaryOptions(D0.AddDays(730), TimeUnit.Month)));
        var s = log.Summarize(new SummaryOptions(D0.AddDays(730), TimeUnit.Year) { Convention = CalendarConvention.Days365 });
        Assert.Equal((1d, 2d), (s.Recency[0], s.Age[0]));
        var m = log.Summarize(new SummaryOptions(D0.AddDays(730), TimeUnit.Month) { Convention = CalendarConvention.Julian });
        Assert.Equal(365d / (365.25 / 12), m.Recency[0], 12);
    }

    [Fact]
    public void Same_period_grouping_counts_calendar_weeks_and_months()
    {
        // 2024-01-01 is a Monday: days 0 and 6 share a week, day 7 starts the next.
        var log = PurchaseLog.FromPurchases([P("a", 0, 1m), P("a", 6, 2m), P("a", 7, 4m), P("a", 40, 8m)]);
        var weeks = log.Summarize(new SummaryOptions(D0.AddDays(69), TimeUnit.Week) { Grouping = TransactionGrouping.SamePeriod });
        Assert.Equal((2, 5d, 9d), (weeks.Frequency[0], weeks.Recency[0], weeks.Age[0]));
        Assert.Equal(300L, weeks.FirstSpendMinor[0]);
        var months = log.Summarize(new SummaryOptions(D0.AddDays(69), TimeUnit.Month) { Grouping = TransactionGrouping.SamePeriod });
        Assert.Equal((1, 1d, 2d), (months.Frequency[0], months.Recency[0], months.Age[0]));
        Assert.Equal(700L, months.FirstSpendMinor[0]);
        var years = log.Summarize(new SummaryOptions(D0.AddDays(400), TimeUnit.Year) { Grouping = TransactionGrouping.SamePeriod });
        Assert.Equal((0, 0d, 1d), (years.Frequency[0], years.Recency[0], years.Age[0]));
    }

    [Fact]
    public void Rows_after_the_observation_end_are_refused_naming_the_row_and_date()
    {
        var log = PurchaseLog.FromPurchases([P("a", 0, 1m), P("a", 11, 1m)]);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => log.Summarize(new SummaryOptions(D0.AddDays(10), TimeUnit.Day)));
        Assert.Contains("dayNumber[1]", e.Message, StringComparison.Ordinal);
        Assert.Contains("(was '2024-01-12')", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Calibration_end_after_observation_end_is_refused()
    {
        var log = PurchaseLog.FromPurchases([P("a", 0, 1m)]);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => log.Summarize(new SummaryOptions(D0, TimeUnit.Day) { CalibrationEnd = D0.AddDays(1) }));
        Assert.Contains("calibrationEnd", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Undefined_units_and_groupings_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SummaryOptions(D0, (TimeUnit)9));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SummaryOptions(D0, TimeUnit.Day) { Grouping = (TransactionGrouping)9 });
    }

    [Fact]
    public void Bad_columns_are_refused_naming_the_row()
    {
        string[] ids = ["a"];
        Assert.Throws<ArgumentException>(() => CustomerSummarizer.Summarize(ids, [0], [1, 2], [1], Currency.EUR, new SummaryOptions(D0, TimeUnit.Day)));
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => CustomerSummarizer.Summarize(ids, [0, 1], [1, 2], [1, 1], Currency.EUR, new SummaryOptions(D0, TimeUnit.Day)));
        Assert.Contains("customerIndex[1]", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<ArgumentOutOfRangeException>(() => CustomerSummarizer.Summarize(ids, [0], [1], [-1], Currency.EUR, new SummaryOptions(D0, TimeUnit.Day)));
        Assert.Contains("amountMinor[0]", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Customers_first_seen_on_the_calibration_end_have_age_zero_and_are_left_out_of_patterns()
    {
        var s = Summarize(new SummaryOptions(D0.AddDays(5), TimeUnit.Day), P("a", 0, 1m), P("b", 5, 1m));
        Assert.Equal(1, s.ZeroAgeCount);
        var patterns = s.ToPatterns();
        Assert.Equal(1d, patterns.CustomerCount);
    }

    /// <summary>The order of the rows never changes the result; the one-pass engine equals a naive LINQ reference.</summary>
    [Property(MaxTest = 1000)]
    public bool Any_row_order_gives_the_reference_summary(int seed, PositiveInt size)
    {
        var random = new Random(seed);
        var n = 1 + (size.Get % 40);
        var rows = Enumerable.Range(0, n).Select(_ => (Id: "c" + random.Next(6), Day: random.Next(20), Cents: (long)random.Next(0, 500))).ToArray();
        var options = new SummaryOptions(D0.AddDays(25), TimeUnit.Week) { CalibrationEnd = D0.AddDays(random.Next(0, 25)) };
        var calEnd = options.CalibrationEnd!.Value.DayNumber;
        var ids = rows.Select(r => r.Id).Distinct().ToArray();
        var log = PurchaseLog.FromColumns(ids, rows.Select(r => Array.IndexOf(ids, r.Id)).ToArray(), rows.Select(r => D0.DayNumber + r.Day).ToArray(), rows.Select(r => r.Cents).ToArray(), Currency.EUR);
        var s = log.Summarize(options);

        var expected = rows.GroupBy(r => r.Id)
            .Select(g =>
            {
                var cal = g.Where(r => D0.DayNumber + r.Day <= calEnd).GroupBy(r => r.Day).OrderBy(d => d.Key).Select(d => (Day: d.Key, Sum: d.Sum(r => r.Cents))).ToArray();
                var hold = g.Where(r => D0.DayNumber + r.Day > calEnd).ToArray();
                return (Id: g.Key, Cal: cal, HoldTx: hold.Select(r => r.Day).Distinct().Count(), HoldSum: hold.Sum(r => r.Cents));
            })
            .Where(c => c.Cal.Length > 0)
            .ToArray();
        if (expected.Length != s.Count || s.ExcludedCustomerCount != rows.Select(r => r.Id).Distinct().Count() - expected.Length)
        {
            return false;
        }

        foreach (var e in expected)
        {
            var i = s.IndexOf(e.Id);
            var first = e.Cal[0].Day;
            var ok = i >= 0
                && s.Frequency[i] == e.Cal.Length - 1
                && s.Recency[i] == (e.Cal[^1].Day - first) / 7d
                && s.Age[i] == (calEnd - D0.DayNumber - first) / 7d
                && s.FirstSpendMinor[i] == e.Cal[0].Sum
                && s.RepeatSpendMinor[i] == e.Cal.Skip(1).Sum(d => d.Sum)
                && s.HoldoutFrequency[i] == e.HoldTx
                && s.HoldoutSpendMinor[i] == e.HoldSum;
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    [Fact]
    public void Row_accessors_name_the_row_and_first_purchase_dates_are_kept()
    {
        var s = Summarize(new SummaryOptions(D0.AddDays(9), TimeUnit.Day), P("a", 3, 1m), P("b", 1, 1m));
        Assert.Equal([D0.AddDays(3).DayNumber, D0.AddDays(1).DayNumber], s.FirstPurchaseDayNumber.ToArray());
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => s.MonetaryAt(2));
        Assert.Contains("row must be in [0, 2) (was '2')", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => s.CalibrationSpendAt(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => s.HoldoutSpendAt(5));
    }

    [Fact]
    public void An_empty_log_has_no_patterns()
    {
        var s = PurchaseLog.FromPurchases([], Currency.EUR).Summarize(new SummaryOptions(D0, TimeUnit.Day));
        Assert.Equal(0, s.Count);
        var error = Assert.Throws<InvalidDataException>(() => s.ToPatterns());
        Assert.Equal("the summary: no customer with T greater than 0 to fit on (0 rows).", error.Message);
    }

    private static CustomerSummaries Raw(SummaryOptions options, int[] customer, int[] day, long[] amount) =>
        CustomerSummarizer.Summarize(["a", "b"], customer, day, amount, Currency.EUR, options);

    [Theory]
    [InlineData(-5)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void Negative_day_numbers_are_rejected_naming_the_row(int bad)
    {
        var end = D0.AddDays(10);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Raw(new SummaryOptions(end, TimeUnit.Day), [0, 0, 1], [D0.DayNumber + 5, bad, D0.DayNumber], [100, 100, 100]));
        Assert.Equal("dayNumber[1]", e.ParamName);
        Assert.StartsWith($"dayNumber[1] must be a DateOnly day number in [0, {DateOnly.MaxValue.DayNumber}] (was '{bad}').", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Month_grouping_names_the_row_of_a_day_number_out_of_range()
    {
        var options = new SummaryOptions(D0.AddDays(100), TimeUnit.Month) { Grouping = TransactionGrouping.SamePeriod };
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Raw(options, [0, 1], [D0.DayNumber, -1], [1, 1]));
        Assert.Equal("dayNumber[1]", e.ParamName);
        var late = Assert.Throws<ArgumentOutOfRangeException>(() => Raw(options with { ObservationEnd = DateOnly.MaxValue }, [0, 1], [D0.DayNumber, DateOnly.MaxValue.DayNumber + 1], [1, 1]));
        Assert.Equal("dayNumber[1]", late.ParamName);
    }

    [Fact]
    public void Day_zero_and_the_last_day_are_valid()
    {
        var s = Raw(new SummaryOptions(DateOnly.MaxValue, TimeUnit.Day), [0, 0, 1], [0, DateOnly.MaxValue.DayNumber, 7], [1, 2, 3]);
        Assert.Equal(3, s.RowCount);
        Assert.Equal((1, 3L), (s.Frequency[s.IndexOf("a")], s.FirstSpendMinor[s.IndexOf("a")] + s.RepeatSpendMinor[s.IndexOf("a")]));
    }

    [Property(MaxTest = 1000)]
    public bool No_row_is_lost_in_any_order(int seed)
    {
        var random = new Random(seed);
        var n = random.Next(1, 12);
        int[] customer = new int[n], day = new int[n];
        var amount = new long[n];
        for (var i = 0; i < n; i++)
        {
            customer[i] = random.Next(2);
            day[i] = D0.DayNumber + random.Next(0, 40);
            amount[i] = random.Next(0, 1000);
        }

        var s = Raw(new SummaryOptions(D0.AddDays(40), TimeUnit.Week) { CalibrationEnd = D0.AddDays(20) }, customer, day, amount);
        long summed = 0;
        for (var r = 0; r < s.Count; r++)
        {
            summed += s.FirstSpendMinor[r] + s.RepeatSpendMinor[r] + s.HoldoutSpendMinor[r];
        }

        // Customers first seen in the holdout are excluded: their rows are the only ones not summed.
        var calEnd = D0.AddDays(20).DayNumber;
        long expected = 0;
        for (var c = 0; c < 2; c++)
        {
            var first = int.MaxValue;
            long all = 0;
            for (var i = 0; i < n; i++)
            {
                if (customer[i] == c)
                {
                    first = Math.Min(first, day[i]);
                    all += amount[i];
                }
            }

            expected += first <= calEnd ? all : 0;
        }

        return s.RowCount == n && summed == expected;
    }

    [Fact]
    public void A_customer_spend_past_long_max_names_the_customer_row_and_value()
    {
        var options = new SummaryOptions(D0.AddDays(10), TimeUnit.Day);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Raw(options, [1, 0, 1], [D0.DayNumber, D0.DayNumber, D0.DayNumber + 1], [long.MaxValue, 5, 1]));
        Assert.Equal("amountMinor[2]", e.ParamName);
        Assert.StartsWith($"amountMinor[2] must be such that the spend of customer 'b' stays within {long.MaxValue} minor units (was '1').", e.Message, StringComparison.Ordinal);

        // Out of date order the rows are summed through the sort index; the row where the spend passes the limit in log order is named.
        var unordered = Assert.Throws<ArgumentOutOfRangeException>(() => Raw(options, [0, 0], [D0.DayNumber + 5, D0.DayNumber], [long.MaxValue, 1]));
        Assert.Equal("amountMinor[1]", unordered.ParamName);
        Assert.Contains("customer 'a'", unordered.Message, StringComparison.Ordinal);

        var holdout = Assert.Throws<ArgumentOutOfRangeException>(() => Raw(options with { CalibrationEnd = D0 }, [0, 0, 0], [D0.DayNumber, D0.DayNumber + 2, D0.DayNumber + 3], [1, long.MaxValue, 1]));
        Assert.Equal("amountMinor[2]", holdout.ParamName);
    }

    [Fact]
    public void Customer_ids_cannot_be_changed_through_a_cast()
    {
        var s = Raw(new SummaryOptions(D0.AddDays(10), TimeUnit.Day), [0, 1], [D0.DayNumber, D0.DayNumber], [1, 1]);
        Assert.IsNotType<string[]>(s.CustomerIds);
        Assert.Throws<NotSupportedException>(() => ((IList<string>)s.CustomerIds)[0] = "x");
        Assert.Same(s.CustomerIds, s.CustomerIds);
        Assert.Equal(["a", "b"], s.CustomerIds);
    }
}
