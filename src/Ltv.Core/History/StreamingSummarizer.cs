using System.Globalization;

using Ltv.Core.Domain;
using Ltv.Core.Validation;

namespace Ltv.Core.History;

/// <summary>
/// Summarises purchase rows as they stream past, keeping one small accumulator per customer and nothing per
/// row: memory grows with customers, not rows (about 60 bytes a customer plus its id). Summaries of
/// partitions (by date range or by customer) merge into the summary of the whole.
/// </summary>
/// <remarks>
/// <para>Conventions are those of <see cref="CustomerSummarizer"/>, and <see cref="ToSummaries"/> equals
/// <see cref="PurchaseLog.Summarize"/> of the same rows. Each customer's calibration rows, and each customer's
/// holdout rows, must come in date order (as in any chronological export; customers may interleave): an
/// older row throws, naming the customer, since it cannot be placed without keeping rows. Give
/// <see cref="PurchaseLog.Summarize"/> logs in any other order.</para>
/// <para><see cref="Merge"/> combines two partitions when, for every customer in both, one partition's days
/// are all on or before the other's (partitions by date range, or by customer); a shared boundary day is one
/// transaction. Not thread safe: summarise partitions on separate instances, then merge.</para>
/// </remarks>
public sealed class StreamingSummarizer
{
    private readonly CustomerIdMap _ids = new();
    private readonly int _calEnd;
    private readonly int _obsEnd;
    private readonly bool _byPeriod;
    private Acc[] _acc = new Acc[1024];
    private long _rows;
    private long _calRows;

    /// <summary>Creates an empty summarizer.</summary>
    /// <param name="options">Observation window, unit and grouping.</param>
    /// <param name="currency">The currency of the amounts.</param>
    /// <exception cref="ArgumentOutOfRangeException">A calibration end after the observation end.</exception>
    /// <exception cref="UnitMismatchException">Month or year with same-day grouping and no convention.</exception>
    public StreamingSummarizer(SummaryOptions options, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        Currency = currency;
        _calEnd = options.EffectiveCalibrationEnd.DayNumber;
        _obsEnd = options.ObservationEnd.DayNumber;
        _byPeriod = options.CountsPeriods;
    }

    /// <summary>The options.</summary>
    public SummaryOptions Options { get; }

    /// <summary>The currency of the amounts.</summary>
    public Currency Currency { get; }

    /// <summary>Rows added so far (including merged partitions).</summary>
    public long RowCount => _rows;

    /// <summary>Distinct customers seen so far.</summary>
    public int CustomerCount => _ids.Count;

    /// <summary>Adds one row.</summary>
    /// <param name="customerId">The customer id, not blank; copied only when new.</param>
    /// <param name="date">The date, on or before the observation end.</param>
    /// <param name="amountMinor">The amount in whole minor units, zero or more.</param>
    /// <exception cref="ArgumentException">A blank id.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A negative amount, a date after the observation end, or a row older than the customer's previous row of the same period (calibration or holdout); the message names the customer and the dates.</exception>
    public void Add(ReadOnlySpan<char> customerId, DateOnly date, long amountMinor) => Add(customerId, date, amountMinor, 1);

    /// <summary>Adds <paramref name="rows"/> rows of one customer and day, summed (a reader's netted day).</summary>
    internal void Add(ReadOnlySpan<char> customerId, DateOnly date, long amountMinor, int rows)
    {
        var day = date.DayNumber;
        if (amountMinor < 0)
        {
            throw Guard.OutOfRange(nameof(amountMinor), "zero or more", amountMinor.ToString(CultureInfo.InvariantCulture));
        }

        if (day > _obsEnd)
        {
            throw Guard.OutOfRange(nameof(date), $"on or before the observation end {Options.ObservationEnd:yyyy-MM-dd}", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        var c = _ids.IndexOf(customerId);
        if (c < 0)
        {
            if (customerId.IsWhiteSpace())
            {
                throw new ArgumentException($"customerId must not be empty or blank (was '{customerId.ToString()}').", nameof(customerId));
            }

            c = _ids.Add(customerId);
            if (c == _acc.Length)
            {
                Array.Resize(ref _acc, (int)Math.Min(Array.MaxLength, (long)_acc.Length * 2));
            }
        }

        var key = _byPeriod ? CustomerSummarizer.PeriodOf(day, Options.Unit) : day;
        ref var a = ref _acc[c];
        var ok = day <= _calEnd ? a.AddCalibration(key, day, amountMinor) : a.AddHoldout(key, amountMinor);
        if (!ok)
        {
            throw Guard.OutOfRange(nameof(date), $"on or after customer '{customerId.ToString()}''s previous {(day <= _calEnd ? "calibration" : "holdout")} row (streaming needs each customer's rows in date order; summarise an unordered log with PurchaseLog.Summarize)", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        _rows += rows;
        if (day <= _calEnd)
        {
            _calRows += rows;
        }
    }

    /// <summary>
    /// Gives a customer its row (its place in the order of first appearance) before any of its rows is added: a reader
    /// that holds a netted day open registers the customer at its first row, so the summaries keep the customers in the
    /// order of the log, as <see cref="PurchaseLog.Summarize"/> does. A customer with no row added is not in the summaries.
    /// </summary>
    internal void Register(ReadOnlySpan<char> customerId)
    {
        if (_ids.IndexOf(customerId) >= 0)
        {
            return;
        }

        var c = _ids.Add(customerId);
        if (c == _acc.Length)
        {
            Array.Resize(ref _acc, (int)Math.Min(Array.MaxLength, (long)_acc.Length * 2));
        }
    }

    /// <summary>Adds every row of a log, in log order.</summary>
    /// <param name="log">The rows; its currency must be <see cref="Currency"/>.</param>
    /// <exception cref="ArgumentException">Another currency.</exception>
    /// <exception cref="ArgumentOutOfRangeException">As <see cref="Add(ReadOnlySpan{char}, DateOnly, long)"/>.</exception>
    public void Add(PurchaseLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        CheckCurrency(log.Currency, nameof(log));
        var ids = log.CustomerIdArray;
        var customer = log.CustomerIndex;
        var day = log.DayNumber;
        var amount = log.AmountMinor;
        for (var i = 0; i < log.Count; i++)
        {
            Add(ids[customer[i]], DateOnly.FromDayNumber(day[i]), amount[i]);
        }
    }

    /// <summary>Merges another partition's summary into this one (the other is left unchanged).</summary>
    /// <param name="other">A summarizer with equal options and currency.</param>
    /// <exception cref="ArgumentException">Other options or currency.</exception>
    /// <exception cref="InvalidOperationException">A customer's days in the two partitions interleave (the message names the customer).</exception>
    public void Merge(StreamingSummarizer other)
    {
        ArgumentNullException.ThrowIfNull(other);
        CheckCurrency(other.Currency, nameof(other));
        if (other.Options != Options)
        {
            throw new ArgumentException("other must have been made with the same SummaryOptions (it was not).", nameof(other));
        }

        for (var i = 0; i < other._ids.Count; i++)
        {
            var id = other._ids.IdAt(i);
            var c = _ids.IndexOf(id);
            if (c < 0)
            {
                c = _ids.Add(id);
                if (c == _acc.Length)
                {
                    Array.Resize(ref _acc, (int)Math.Min(Array.MaxLength, (long)_acc.Length * 2));
                }

                _acc[c] = other._acc[i];
            }
            else if (!Acc.TryMerge(ref _acc[c], other._acc[i]))
            {
                throw new InvalidOperationException($"customer '{other._ids.IdAt(i).ToString()}' has interleaving days in the two partitions; merge partitions split by date range or by customer.");
            }
        }

        _rows += other._rows;
        _calRows += other._calRows;
    }

    /// <summary>The summary of every row added and merged so far.</summary>
    /// <returns>One row per customer in order of first appearance (customers first seen after the calibration end are excluded and counted).</returns>
    /// <exception cref="OverflowException">More than <see cref="int.MaxValue"/> rows (the summary's row counts are ints).</exception>
    public CustomerSummaries ToSummaries()
    {
        var included = 0;
        var excluded = 0;
        for (var c = 0; c < _ids.Count; c++)
        {
            if (_acc[c].CalTx > 0)
            {
                included++;
            }
            else if (_acc[c].HoTx > 0)
            {
                excluded++;
            }
        }

        var endKey = _byPeriod ? CustomerSummarizer.PeriodOf(_calEnd, Options.Unit) : _calEnd;
        var daysPerUnit = Options.DaysPerUnit;
        var columns = new CustomerSummaries.Columns(included);
        var row = 0;
        for (var c = 0; c < _ids.Count; c++)
        {
            ref readonly var a = ref _acc[c];
            if (a.CalTx == 0)
            {
                continue;
            }

            columns.Set(row++, _ids.IdAt(c).ToString(), a.FirstDay, a.First, a.Last, endKey, daysPerUnit, a.CalTx, a.FirstSum, a.CalSum, a.HoTx, a.HoSum);
        }

        return new CustomerSummaries(columns, Currency, Options, checked((int)_rows), checked((int)_calRows), excluded);
    }

    private void CheckCurrency(Currency currency, string name)
    {
        if (currency != Currency)
        {
            throw new ArgumentException($"{name} must be in {Currency.Code}, the currency of this summarizer (was '{currency.Code}').", name);
        }
    }

    /// <summary>Per-customer running state: calibration and holdout transactions kept apart.</summary>
    private struct Acc
    {
        public long FirstSum;
        public long CalSum;
        public long HoSum;
        public int First;
        public int Last;
        public int FirstDay;
        public int CalTx;
        public int HoFirst;
        public int HoLast;
        public int HoTx;

        public bool AddCalibration(int key, int day, long amount)
        {
            if (CalTx == 0)
            {
                First = Last = key;
                FirstDay = day;
                CalTx = 1;
                FirstSum = CalSum = amount;
                return true;
            }

            if (key < Last)
            {
                return false;
            }

            if (key == Last)
            {
                if (CalTx == 1)
                {
                    FirstSum = checked(FirstSum + amount);
                }
            }
            else
            {
                Last = key;
                CalTx++;
            }

            CalSum = checked(CalSum + amount);
            return true;
        }

        public bool AddHoldout(int key, long amount)
        {
            if (HoTx == 0)
            {
                HoFirst = HoLast = key;
                HoTx = 1;
                HoSum = amount;
                return true;
            }

            if (key < HoLast)
            {
                return false;
            }

            if (key > HoLast)
            {
                HoLast = key;
                HoTx++;
            }

            HoSum = checked(HoSum + amount);
            return true;
        }

        /// <summary>Merges b into a when their days do not interleave; false otherwise (a unchanged).</summary>
        public static bool TryMerge(ref Acc a, in Acc b)
        {
            var merged = a;
            if (b.CalTx > 0)
            {
                if (a.CalTx == 0)
                {
                    (merged.First, merged.Last, merged.FirstDay, merged.CalTx, merged.FirstSum, merged.CalSum) = (b.First, b.Last, b.FirstDay, b.CalTx, b.FirstSum, b.CalSum);
                }
                else
                {
                    var (early, late) = a.First < b.First || (a.First == b.First && a.Last <= b.Last) ? (a, b) : (b, a);
                    if (early.Last > late.First)
                    {
                        return false;
                    }

                    var shared = early.Last == late.First ? 1 : 0;
                    merged.First = early.First;
                    merged.FirstDay = early.FirstDay;
                    merged.Last = Math.Max(early.Last, late.Last);
                    merged.CalTx = early.CalTx + late.CalTx - shared;
                    merged.FirstSum = shared == 1 && early.CalTx == 1 ? checked(early.FirstSum + late.FirstSum) : early.FirstSum;
                    merged.CalSum = checked(early.CalSum + late.CalSum);
                }
            }

            if (b.HoTx > 0)
            {
                if (a.HoTx == 0)
                {
                    (merged.HoFirst, merged.HoLast, merged.HoTx, merged.HoSum) = (b.HoFirst, b.HoLast, b.HoTx, b.HoSum);
                }
                else
                {
                    var (early, late) = a.HoFirst < b.HoFirst || (a.HoFirst == b.HoFirst && a.HoLast <= b.HoLast) ? (a, b) : (b, a);
                    if (early.HoLast > late.HoFirst)
                    {
                        return false;
                    }

                    var shared = early.HoLast == late.HoFirst ? 1 : 0;
                    merged.HoFirst = early.HoFirst;
                    merged.HoLast = Math.Max(early.HoLast, late.HoLast);
                    merged.HoTx = early.HoTx + late.HoTx - shared;
                    merged.HoSum = checked(early.HoSum + late.HoSum);
                }
            }

            a = merged;
            return true;
        }
    }
}
