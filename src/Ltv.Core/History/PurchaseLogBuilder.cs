using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;

using Ltv.Core.Domain;
using Ltv.Core.Validation;

namespace Ltv.Core.History;

/// <summary>
/// Appends purchase rows to growing columns and maps customer id strings to dense indices (an id is
/// allocated as a string once, the first time it is seen; later rows look it up from a span without
/// allocating). The streaming path of the readers: no object is kept per row.
/// </summary>
/// <remarks>Not thread safe. <see cref="Build"/> may be called once; the builder is spent afterwards.</remarks>
public sealed class PurchaseLogBuilder
{
    /// <summary>
    /// Rows whose ids are looked up together: 64 measured best (16 gave about 1.5x the time, 256 no better) on
    /// 10,000,000 rows of 1,000,000 ids.
    /// </summary>
    private const int BatchSize = 64;

    /// <summary>Rows handed to the lookup thread at a time when <see cref="StartPipeline"/> runs one.</summary>
    private const int PipelineBatchRows = 8192;

    private readonly CustomerIdMap _ids = new();
    private readonly int[] _hash = new int[BatchSize];
    private readonly char[] _unpacked = new char[8];
    private RowBatch _batch = new(BatchSize);
    private Pipeline? _pipeline;
    private int[] _customer;
    private int[] _day;
    private long[] _amount;
    private int _count;
    private bool _built;

    /// <summary>Creates a builder.</summary>
    /// <param name="currency">The currency of every amount.</param>
    /// <param name="capacity">Expected rows, to size the columns; zero or more.</param>
    /// <exception cref="ArgumentOutOfRangeException">Negative capacity.</exception>
    public PurchaseLogBuilder(Currency currency, int capacity = 0)
    {
        if (capacity < 0)
        {
            throw Guard.OutOfRange(nameof(capacity), "zero or more", capacity.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        Currency = currency;
        MinorUnitScale = MinorUnits.Scale(currency);
        var initial = Math.Max(capacity, 16);
        _customer = new int[initial];
        _day = new int[initial];
        _amount = new long[initial];
    }

    /// <summary>The currency of the log.</summary>
    public Currency Currency { get; }

    /// <summary>Minor units per major unit of <see cref="Currency"/>.</summary>
    public long MinorUnitScale { get; }

    /// <summary>The slots of the customer-id table: its memory is given back at <see cref="Build"/>, so 1,024 from then on.</summary>
    internal int IdTableSlots => _ids.TableSlots;

    /// <summary>Rows added so far.</summary>
    public int Count => _pipeline is null ? _count + _batch.Count : _pipeline.Submitted + _batch.Count;

    /// <summary>Appends a row with an amount in minor units.</summary>
    /// <param name="customerId">The customer id (not blank); copied only when new.</param>
    /// <param name="date">The purchase date.</param>
    /// <param name="amountMinor">The amount in whole minor units, zero or more.</param>
    /// <returns>The customer's dense index.</returns>
    /// <exception cref="ArgumentException">Blank id.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Negative amount.</exception>
    public int Add(ReadOnlySpan<char> customerId, DateOnly date, long amountMinor)
    {
        if (amountMinor < 0)
        {
            throw Guard.OutOfRange(nameof(amountMinor), "zero or more", amountMinor.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        Flush();
        var c = IndexOf(customerId);
        Append(c, date.DayNumber, amountMinor);
        return c;
    }

    /// <summary>
    /// Queues a row whose id the caller has checked (a blank new id still throws, at the flush) and whose amount is zero or more; rows are
    /// appended in order, a batch at a time, by <see cref="Flush"/> (called by <see cref="Add(ReadOnlySpan{char}, DateOnly, long)"/>
    /// and <see cref="Build"/>), so that the batch's id lookups overlap their cache misses. After <see cref="StartPipeline"/>
    /// full batches go to the lookup thread instead.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void AddBatched(ReadOnlySpan<char> customerId, int dayNumber, long amountMinor)
    {
        var b = _batch;
        var n = b.Count;
        var key = CustomerIdMap.InlineKey(customerId);
        if (key == 0)
        {
            // Only an id that does not pack into its key is copied (the lookup needs its characters).
            var start = b.CharCount;
            if (start + customerId.Length > b.Chars.Length)
            {
                Array.Resize(ref b.Chars, Math.Max(b.Chars.Length * 2, start + customerId.Length));
            }

            customerId.CopyTo(b.Chars.AsSpan(start));
            b.CharCount = start + customerId.Length;
        }

        b.Key[n] = key;
        b.End[n] = b.CharCount;
        b.Day[n] = dayNumber;
        b.Amount[n] = amountMinor;
        b.Count = n + 1;
        if (n + 1 == b.End.Length)
        {
            Full(b);
        }
    }

    /// <summary>Appends a full batch, or hands it to the lookup thread.</summary>
    private void Full(RowBatch b)
    {
        if (_pipeline is null)
        {
            Append(b);
        }
        else
        {
            _batch = _pipeline.Submit(b);
        }
    }

    /// <summary>
    /// From now until the next <see cref="Flush"/> (or <see cref="Build"/>), the rows of <see cref="AddBatched"/> are looked
    /// up and appended on a second thread, in order, while the caller parses the next ones: the ids' cache misses were
    /// about half of a 10,000,000-row read on one core. The results are the same as without it. Call <see cref="StopPipeline"/>
    /// when the read fails.
    /// </summary>
    internal void StartPipeline()
    {
        if (_pipeline is not null || _built)
        {
            return;
        }

        Flush();
        _pipeline = new Pipeline(this, _count);
        _batch = _pipeline.Submit(null);
    }

    /// <summary>Ends the lookup thread of a failed read without waiting for its rows (the builder is not to be used afterwards).</summary>
    internal void StopPipeline()
    {
        var pipeline = _pipeline;
        _pipeline = null;
        pipeline?.Abandon();
    }

    /// <summary>Sizes the columns for at least this many rows (a hint, from a file's length; never shrinks them; ignored while a lookup thread runs).</summary>
    internal void EnsureCapacity(int rows)
    {
        if (_pipeline is null && rows > _customer.Length)
        {
            Array.Resize(ref _customer, rows);
            Array.Resize(ref _day, rows);
            Array.Resize(ref _amount, rows);
        }
    }

    /// <summary>Appends the queued rows, in order (and ends the lookup thread, if any, once it has appended its rows).</summary>
    internal void Flush()
    {
        if (_pipeline is { } pipeline)
        {
            _pipeline = null;
            var batch = _batch;
            _batch = new RowBatch(BatchSize);
            pipeline.Finish(batch);
            return;
        }

        Append(_batch);
    }

    /// <summary>Looks up the ids of a batch, 64 at a time (first reading each one's slot so that the misses overlap), and appends its rows; empties the batch.</summary>
    private void Append(RowBatch b)
    {
        ThrowIfBuilt();

        EnsureRoom(b.Count);
        var chars = b.Chars;
        var ends = b.End;
        var keys = b.Key;
        var start = 0;
        var unpacked = _unpacked;
        for (var from = 0; from < b.Count; from += BatchSize)
        {
            var n = Math.Min(BatchSize, b.Count - from);
            var s = start;
            for (var i = 0; i < n; i++)
            {
                var key = keys[from + i];
                var end = ends[from + i];
                _hash[i] = CustomerIdMap.Hash(key < 0 ? default : chars.AsSpan(s, end - s), key);
                s = end;
            }

            _ids.Touch(_hash.AsSpan(0, n));
            for (var i = 0; i < n; i++)
            {
                var key = keys[from + i];
                var end = ends[from + i];
                var id = key < 0 ? default : chars.AsSpan(start, end - start);
                start = end;
                var c = _ids.IndexOf(id, _hash[i], key);
                if (c < 0)
                {
                    if (key < 0)
                    {
                        id = unpacked.AsSpan(0, CustomerIdMap.Unpack(key, unpacked));
                    }

                    if (id.IsWhiteSpace())
                    {
                        throw new ArgumentException($"customerId must not be empty or blank (was '{id.ToString()}').", "customerId");
                    }

                    c = _ids.Add(id, _hash[i], key);
                }

                _customer[_count] = c;
                _day[_count] = b.Day[from + i];
                _amount[_count] = b.Amount[from + i];
                _count++;
            }
        }

        b.Count = 0;
        b.CharCount = 0;
    }

    /// <summary>Appends a row with a decimal amount.</summary>
    /// <param name="customerId">The customer id (not blank).</param>
    /// <param name="date">The purchase date.</param>
    /// <param name="amount">The amount, zero or more, at most the currency's minor-unit precision.</param>
    /// <returns>The customer's dense index.</returns>
    /// <exception cref="ArgumentException">Blank id.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Negative or too precise amount.</exception>
    public int Add(ReadOnlySpan<char> customerId, DateOnly date, decimal amount)
    {
        if (amount < 0m || !MinorUnits.TryToMinor(amount, MinorUnitScale, out var minor))
        {
            throw Guard.OutOfRange(nameof(amount), $"zero or more with at most {Currency.MinorUnitDigits} decimals for {Currency.Code}", Guard.Show(amount));
        }

        return Add(customerId, date, minor);
    }

    /// <summary>Ends building and returns the log.</summary>
    /// <returns>The columnar log.</returns>
    /// <exception cref="InvalidOperationException">Called twice.</exception>
    public PurchaseLog Build()
    {
        ThrowIfBuilt();

        Flush();
        _built = true;
        var ids = _ids.ToArray();
        _ids.Release();
        return new PurchaseLog(ids, _customer, _day, _amount, _count, Currency);
    }

    private int IndexOf(ReadOnlySpan<char> customerId)
    {
        var c = _ids.IndexOf(customerId);
        if (c >= 0)
        {
            return c;
        }

        if (customerId.IsWhiteSpace())
        {
            throw new ArgumentException($"customerId must not be empty or blank (was '{customerId.ToString()}').", nameof(customerId));
        }

        return _ids.Add(customerId);
    }

    private void ThrowIfBuilt()
    {
        if (_built)
        {
            throw new InvalidOperationException("Build was already called on this PurchaseLogBuilder.");
        }
    }

    /// <summary>Grows the columns (doubling) so that <paramref name="rows"/> more rows fit.</summary>
    private void EnsureRoom(int rows)
    {
        if (_count + rows > _customer.Length)
        {
            var size = (int)Math.Min(Array.MaxLength, Math.Max((long)_count * 2, (long)_count + rows));
            if (size < _count + rows)
            {
                throw new InvalidOperationException($"A purchase log holds at most {Array.MaxLength} rows.");
            }

            Array.Resize(ref _customer, size);
            Array.Resize(ref _day, size);
            Array.Resize(ref _amount, size);
        }
    }

    private void Append(int customer, int day, long amount)
    {
        ThrowIfBuilt();

        EnsureRoom(1);
        _customer[_count] = customer;
        _day[_count] = day;
        _amount[_count] = amount;
        _count++;
    }

    /// <summary>Rows queued for lookup: their ids' characters end to end, and each row's end, day and amount.</summary>
    private sealed class RowBatch(int rows)
    {
        public readonly int[] End = new int[rows];
        public readonly int[] Day = new int[rows];
        public readonly long[] Amount = new long[rows];
        public readonly long[] Key = new long[rows];
        public char[] Chars = new char[rows * 16];
        public int Count;
        public int CharCount;
    }

    /// <summary>
    /// The lookup thread of <see cref="StartPipeline"/>: takes full batches in order, appends them to the builder (which only it
    /// touches until <see cref="Finish"/>) and hands the emptied batches back. An error is kept and thrown to the caller at its
    /// next <see cref="Submit"/> or at <see cref="Finish"/>.
    /// </summary>
    private sealed class Pipeline
    {
        /// <summary>Batches in flight: the caller fills one while the thread works through the others.</summary>
        private const int Batches = 4;
        private readonly PurchaseLogBuilder _builder;
        private readonly Queue<RowBatch> _full = new(Batches);
        private readonly Stack<RowBatch> _free = new(Batches);
        private readonly Thread _thread;
        private ExceptionDispatchInfo? _error;
        private bool _completed;
        private bool _abandoned;

        public Pipeline(PurchaseLogBuilder builder, int submitted)
        {
            _builder = builder;
            Submitted = submitted;
            for (var i = 0; i < Batches; i++)
            {
                _free.Push(new RowBatch(PipelineBatchRows));
            }

            _thread = new Thread(Run) { IsBackground = true, Name = "Ltv.Core id lookup" };
            _thread.Start();
        }

        /// <summary>Rows handed to the thread so far (with those appended before it started).</summary>
        public int Submitted { get; private set; }

        /// <summary>Hands a full batch (none at the start) to the thread and returns an empty one.</summary>
        public RowBatch Submit(RowBatch? full)
        {
            lock (_full)
            {
                _error?.Throw();
                if (full is not null)
                {
                    Submitted += full.Count;
                    _full.Enqueue(full);
                    Monitor.PulseAll(_full);
                }

                while (_free.Count == 0)
                {
                    Monitor.Wait(_full);
                }

                return _free.Pop();
            }
        }

        /// <summary>Hands the last batch to the thread, waits until every row is appended and ends the thread.</summary>
        public void Finish(RowBatch last)
        {
            lock (_full)
            {
                if (last.Count > 0)
                {
                    Submitted += last.Count;
                    _full.Enqueue(last);
                }

                _completed = true;
                Monitor.PulseAll(_full);
            }

            _thread.Join();
            _error?.Throw();
        }

        /// <summary>Ends the thread without appending the rows still queued.</summary>
        public void Abandon()
        {
            lock (_full)
            {
                _abandoned = _completed = true;
                Monitor.PulseAll(_full);
            }

            _thread.Join();
        }

        private void Run()
        {
            while (true)
            {
                RowBatch batch;
                lock (_full)
                {
                    while (_full.Count == 0 && !_completed)
                    {
                        Monitor.Wait(_full);
                    }

                    if (_full.Count == 0 || _abandoned || _error is not null)
                    {
                        return;
                    }

                    batch = _full.Dequeue();
                }

                try
                {
                    _builder.Append(batch);
                }
                catch (Exception e)
                {
                    lock (_full)
                    {
                        _error = ExceptionDispatchInfo.Capture(e);
                        _free.Push(batch);
                        Monitor.PulseAll(_full);
                    }

                    return;
                }

                lock (_full)
                {
                    _free.Push(batch);
                    Monitor.PulseAll(_full);
                }
            }
        }
    }
}
