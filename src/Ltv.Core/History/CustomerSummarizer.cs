using System.Globalization;
using System.Runtime.InteropServices;

using Ltv.Core.Domain;
using Ltv.Core.Validation;

namespace Ltv.Core.History;

/// <summary>
/// Turns purchase rows (columns of customer index, day number and minor-unit amount) into one
/// repeat-purchase summary per customer: frequency x, recency t_x, age T, repeat spend, and holdout
/// frequency and spend.
/// </summary>
/// <remarks>
/// <para>One pass over the rows with one small accumulator per customer: memory is O(customers) when every
/// customer's rows come in date order (the order of any chronological export, whatever the interleaving
/// of customers). When a row is older than its customer's previous row, the rows are instead visited
/// through a temporary (customer, day) sort index of O(rows), so any order gives the same result.</para>
/// <para>Conventions: rows collapse into transactions per day (or per period, see
/// <see cref="TransactionGrouping"/>), the transaction's value being the sum of its rows; x = calibration
/// transactions after the first; t_x = last minus first transaction; T = calibration end minus first
/// transaction; monetary = repeat spend / x (0 when x = 0), the first transaction excluded.
/// Customers whose first purchase falls after the calibration end are left out of the summary and counted
/// in <see cref="CustomerSummaries.ExcludedCustomerCount"/>.</para>
/// </remarks>
public static class CustomerSummarizer
{
    /// <summary>Summarises columns of rows.</summary>
    /// <param name="customerIds">The id of each dense customer index.</param>
    /// <param name="customerIndex">Per row, the customer's dense index.</param>
    /// <param name="dayNumber">Per row, the date as <see cref="DateOnly.DayNumber"/>.</param>
    /// <param name="amountMinor">Per row, the amount in whole minor units, zero or more.</param>
    /// <param name="currency">The currency of the amounts.</param>
    /// <param name="options">Observation window, unit and grouping.</param>
    /// <returns>The summaries.</returns>
    /// <exception cref="ArgumentException">The columns differ in length.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A customer index out of range, a day number outside [0, <see cref="DateOnly.MaxValue"/>.DayNumber], a negative amount, a row after the observation end, or amounts whose sum for one customer exceeds <see cref="long.MaxValue"/> minor units; the message names the row (and for a sum, the customer).</exception>
    /// <exception cref="UnitMismatchException">Month or year with same-day grouping and no convention.</exception>
    public static CustomerSummaries Summarize(
        IReadOnlyList<string> customerIds,
        ReadOnlySpan<int> customerIndex,
        ReadOnlySpan<int> dayNumber,
        ReadOnlySpan<long> amountMinor,
        Currency currency,
        SummaryOptions options)
    {
        ArgumentNullException.ThrowIfNull(customerIds);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (customerIndex.Length != dayNumber.Length || customerIndex.Length != amountMinor.Length)
        {
            throw new ArgumentException($"customerIndex, dayNumber and amountMinor must have the same length (were {customerIndex.Length}, {dayNumber.Length}, {amountMinor.Length}).", nameof(customerIndex));
        }

        var calEnd = options.EffectiveCalibrationEnd.DayNumber;
        var byPeriod = options.CountsPeriods;
        var acc = new Accumulator[customerIds.Count];
        if (!AccumulateInOrder(acc, customerIndex, dayNumber, amountMinor, options, byPeriod, out var calRows, out var mayOverflow))
        {
            acc = SummarizeUnordered(customerIds, acc.Length, customerIndex, dayNumber, amountMinor, calEnd, byPeriod, options.Unit);
        }

        // The row loops sum without checked arithmetic (measured: checked sums made the ordered loop about 15%
        // slower); only when the total of all rows passes long.MaxValue is each customer's spend checked.
        if (mayOverflow && SumOverflow(customerIds, customerIndex, dayNumber, amountMinor, calEnd) is { } overflow)
        {
            throw overflow;
        }

        return Build(customerIds, acc, currency, options, customerIndex.Length, calRows, byPeriod);
    }

    /// <summary>Validates every row and adds it while each customer's rows come in date order; false from the first row that does not.</summary>
    private static bool AccumulateInOrder(Accumulator[] acc, ReadOnlySpan<int> customerIndex, ReadOnlySpan<int> dayNumber, ReadOnlySpan<long> amountMinor, SummaryOptions options, bool byPeriod, out int calRows, out bool mayOverflow)
    {
        var calEnd = options.EffectiveCalibrationEnd.DayNumber;
        var obsEnd = options.ObservationEnd.DayNumber;
        var maxDay = DateOnly.MaxValue.DayNumber;
        var ordered = true;
        var calibrationRows = 0; // a local, not the out parameter: a write through a reference per row is measurably slower
        var unit = options.Unit;
        long total = 0, signs = 0;
        for (var i = 0; i < customerIndex.Length; i++)
        {
            var c = customerIndex[i];
            var day = dayNumber[i];
            var amount = amountMinor[i];
            if ((uint)c >= (uint)acc.Length)
            {
                throw Guard.OutOfRange($"customerIndex[{i}]", $"in [0, {acc.Length})", c.ToString(CultureInfo.InvariantCulture));
            }

            if ((uint)day > (uint)maxDay)
            {
                throw Guard.OutOfRange($"dayNumber[{i}]", $"a DateOnly day number in [0, {maxDay}]", day.ToString(CultureInfo.InvariantCulture));
            }

            if (day > obsEnd)
            {
                throw Guard.OutOfRange($"dayNumber[{i}]", $"on or before the observation end {options.ObservationEnd:yyyy-MM-dd}", DateOnly.FromDayNumber(day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            }

            if (amount < 0)
            {
                throw Guard.OutOfRange($"amountMinor[{i}]", "zero or more", amount.ToString(CultureInfo.InvariantCulture));
            }

            // Amounts are below 2^63, so a running total that passes long.MaxValue is negative right after.
            total = unchecked(total + amount);
            signs |= total;
            if (day <= calEnd)
            {
                calibrationRows++;
            }

            if (ordered)
            {
                var key = byPeriod ? PeriodOf(day, unit) : day;
                ordered = day <= calEnd
                    ? acc[c].AddCalibration(key, day, amount)
                    : acc[c].AddHoldout(key, amount);
            }
        }

        calRows = calibrationRows;
        mayOverflow = signs < 0;
        return ordered;
    }

    /// <summary>
    /// Names the row at which, in log order, a customer's calibration or holdout spend passes long.MaxValue
    /// minor units (amounts are zero or more, so the spend passes it in any order once it does in one); null
    /// when every customer's spend fits.
    /// </summary>
    private static ArgumentOutOfRangeException? SumOverflow(IReadOnlyList<string> customerIds, ReadOnlySpan<int> customerIndex, ReadOnlySpan<int> dayNumber, ReadOnlySpan<long> amountMinor, int calEnd)
    {
        var calibration = new long[customerIds.Count];
        var holdout = new long[customerIds.Count];
        for (var i = 0; i < customerIndex.Length; i++)
        {
            var c = customerIndex[i];
            ref var sum = ref dayNumber[i] <= calEnd ? ref calibration[c] : ref holdout[c];
            var next = unchecked(sum + amountMinor[i]);
            if (next < 0)
            {
                return Guard.OutOfRange(
                    $"amountMinor[{i}]",
                    $"such that the spend of customer '{customerIds[c]}' stays within {long.MaxValue.ToString(CultureInfo.InvariantCulture)} minor units",
                    amountMinor[i].ToString(CultureInfo.InvariantCulture));
            }

            sum = next;
        }

        return null;
    }

    private static Accumulator[] SummarizeUnordered(IReadOnlyList<string> customerIds, int customers, ReadOnlySpan<int> customerIndex, ReadOnlySpan<int> dayNumber, ReadOnlySpan<long> amountMinor, int calEnd, bool byPeriod, TimeUnit unit)
    {
        var keys = new long[customerIndex.Length];
        var order = new int[customerIndex.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = ((long)customerIndex[i] << 32) | (uint)dayNumber[i];
            order[i] = i;
        }

        Array.Sort(keys, order);
        var acc = new Accumulator[customers];
        foreach (var i in order)
        {
            var day = dayNumber[i];
            var key = byPeriod ? PeriodOf(day, unit) : day;
            var added = day <= calEnd
                ? acc[customerIndex[i]].AddCalibration(key, day, amountMinor[i])
                : acc[customerIndex[i]].AddHoldout(key, amountMinor[i]);
            if (!added)
            {
                // Rows are visited in (customer, day) order, so every row is added; a row is never dropped silently.
                throw new InvalidOperationException($"dayNumber[{i}] ({day.ToString(CultureInfo.InvariantCulture)}) of customer '{customerIds[customerIndex[i]]}' could not be added in date order.");
            }
        }

        return acc;
    }

    private static CustomerSummaries Build(IReadOnlyList<string> customerIds, Accumulator[] acc, Currency currency, SummaryOptions options, int rows, int calRows, bool byPeriod)
    {
        var included = 0;
        var excluded = 0;
        foreach (ref readonly var a in acc.AsSpan())
        {
            if (a.Transactions > 0)
            {
                included++;
            }
            else if (a.HoldoutTransactions > 0)
            {
                excluded++;
            }
        }

        var calEnd = options.EffectiveCalibrationEnd.DayNumber;
        var endKey = byPeriod ? PeriodOf(calEnd, options.Unit) : calEnd;
        var daysPerUnit = options.DaysPerUnit;
        var columns = new CustomerSummaries.Columns(included);
        var row = 0;
        for (var c = 0; c < acc.Length; c++)
        {
            ref readonly var a = ref acc[c];
            if (a.Transactions == 0)
            {
                continue;
            }

            columns.Set(row++, customerIds[c], a.FirstDay, a.First, a.Last, endKey, daysPerUnit, a.Transactions, a.FirstSum, a.CalibrationSum, a.HoldoutTransactions, a.HoldoutSum);
        }

        return new CustomerSummaries(columns, currency, options, rows, calRows, excluded);
    }

    /// <summary>The calendar period index of a day: ISO week (Monday start), month or year.</summary>
    internal static int PeriodOf(int dayNumber, TimeUnit unit)
    {
        switch (unit)
        {
            case TimeUnit.Week:
                // DayNumber 0 is Monday 0001-01-01, so whole weeks of day numbers start on Mondays.
                return dayNumber / 7;
            case TimeUnit.Month:
                var m = DateOnly.FromDayNumber(dayNumber);
                return (m.Year * 12) + m.Month - 1;
            case TimeUnit.Year:
                return DateOnly.FromDayNumber(dayNumber).Year;
            default:
                return dayNumber;
        }
    }

    /// <summary>Per-customer running state in 48 bytes, so that a row touches one or two cache lines of it.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct Accumulator
    {
        public long FirstSum;
        public long CalibrationSum;
        public long HoldoutSum;
        public int First;
        public int Last;
        public int FirstDay;
        public int Transactions;
        public int HoldoutTransactions;
        public int HoldoutLast;

        /// <summary>Adds a calibration row; false when it is older than the customer's previous row.</summary>
        public bool AddCalibration(int key, int day, long amount)
        {
            if (Transactions == 0)
            {
                if (HoldoutTransactions > 0)
                {
                    return false;
                }

                First = Last = key;
                FirstDay = day;
                Transactions = 1;
                FirstSum = amount;
                CalibrationSum = amount;
                return true;
            }

            if (key == Last)
            {
                if (Transactions == 1)
                {
                    FirstSum += amount;
                }

                CalibrationSum += amount;
                return HoldoutTransactions == 0;
            }

            if (key > Last && HoldoutTransactions == 0)
            {
                Last = key;
                Transactions++;
                CalibrationSum += amount;
                return true;
            }

            return false;
        }

        /// <summary>Adds a holdout row; false when it is older than the customer's previous holdout row.</summary>
        public bool AddHoldout(int key, long amount)
        {
            if (HoldoutTransactions == 0 || key > HoldoutLast)
            {
                HoldoutLast = key;
                HoldoutTransactions++;
                HoldoutSum += amount;
                return true;
            }

            HoldoutSum += amount;
            return key == HoldoutLast;
        }
    }
}
