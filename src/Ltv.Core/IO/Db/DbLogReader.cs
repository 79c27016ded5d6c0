using System.Data.Common;
using System.Globalization;

using Ltv.Core.Domain;
using Ltv.Core.History;

namespace Ltv.Core.IO.Db;

/// <summary>
/// Reads a purchase log from any ADO.NET <see cref="DbDataReader"/> (a query's result on SQL Server,
/// PostgreSQL, SQLite, DuckDB, MySQL, ...) into a columnar <see cref="History.PurchaseLog"/>, streaming
/// row by row, with the same checks, modes, reject reports and refund policies as
/// <see cref="CsvLogReader"/>.
/// </summary>
/// <remarks>
/// <para>Rows are numbered from 1 in result order; a message reads like
/// <c>query, row 3, column 3 (amount): amount must be a number (was 'abc').</c> A column that the result
/// lacks throws <see cref="LogFormatException"/> before any row is read, in both modes.</para>
/// <para>Long reads report the rows read so far to <c>progress</c> every 65,536 rows and at the end, and stop
/// with <see cref="OperationCanceledException"/> within 4,096 rows of <c>cancellationToken</c> being
/// cancelled. The reader is left open: the caller owns it.</para>
/// </remarks>
public static class DbLogReader
{
    /// <summary>Reads every remaining row of a data reader.</summary>
    /// <param name="reader">The reader, positioned before its first row; left open.</param>
    /// <param name="options">Columns, currency, mode and refund policy; defaults when <see langword="null"/>.</param>
    /// <param name="progress">Receives the number of rows read so far; may be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The accepted rows and the report.</returns>
    /// <exception cref="LogFormatException">Strict mode: the first bad row; any mode: a missing column.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static LogReadResult Read(DbDataReader reader, DbLogOptions? options = null, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var state = new State(reader, options ?? new DbLogOptions());
        cancellationToken.ThrowIfCancellationRequested();
        var row = 0;
        while (reader.Read())
        {
            row++;
            state.Add(row);
            ReadTicks.Tick(row, progress, cancellationToken);
        }

        progress?.Report(row);
        return state.Sink.Finish();
    }

    /// <summary>Reads every remaining row of a data reader, asynchronously (the driver's <see cref="DbDataReader.ReadAsync(CancellationToken)"/>).</summary>
    /// <param name="reader">The reader, positioned before its first row; left open.</param>
    /// <param name="options">Columns, currency, mode and refund policy; defaults when <see langword="null"/>.</param>
    /// <param name="progress">Receives the number of rows read so far; may be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the read; also handed to the driver.</param>
    /// <returns>The accepted rows and the report.</returns>
    /// <exception cref="LogFormatException">Strict mode: the first bad row; any mode: a missing column.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static async Task<LogReadResult> ReadAsync(DbDataReader reader, DbLogOptions? options = null, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var state = new State(reader, options ?? new DbLogOptions());
        cancellationToken.ThrowIfCancellationRequested();
        var row = 0;
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            row++;
            state.Add(row);
            ReadTicks.Tick(row, progress, cancellationToken);
        }

        progress?.Report(row);
        return state.Sink.Finish();
    }

    /// <summary>
    /// Summarises every remaining row of a data reader while streaming: memory grows with customers, not rows
    /// (see <see cref="StreamingSummarizer"/>). Checks, modes, rejects and refund policies are those of
    /// <see cref="Read"/>, and the summary equals <see cref="PurchaseLog.Summarize"/> of the log <see cref="Read"/> returns.
    /// </summary>
    /// <remarks>Each customer's rows must come in date order (customers may interleave), as in any chronological
    /// export; an older row throws <see cref="UnorderedLogException"/>. Under <see cref="RefundPolicy.NetSameDay"/>
    /// a customer's rows must be in date order within calibration and within holdout, by day, and the summary's
    /// customers may come in another order than <see cref="Read"/>'s (each customer's numbers are the same).</remarks>
    /// <param name="reader">The reader, positioned before its first row; left open.</param>
    /// <param name="summaryOptions">The observation window, unit and grouping of the summary.</param>
    /// <param name="options">Columns, currency, mode and refund policy; defaults when <see langword="null"/>. Its observation end, when set, must not be after <paramref name="summaryOptions"/>'s; when not set, that of <paramref name="summaryOptions"/> rejects later rows.</param>
    /// <param name="progress">Receives the number of rows read so far; may be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The summary and the report.</returns>
    /// <exception cref="ArgumentException">The read's observation end is after the summary's, or <see cref="RefundPolicy.NetSameOrder"/> (it needs the whole log).</exception>
    /// <exception cref="LogFormatException">Strict mode: the first bad row; any mode: a missing column.</exception>
    /// <exception cref="UnorderedLogException">A customer's row older than the customer's previous row.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static LogSummaryResult Summarize(DbDataReader reader, SummaryOptions summaryOptions, DbLogOptions? options = null, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(summaryOptions);
        var summarizer = new StreamingSummarizer(summaryOptions, (options ?? new DbLogOptions()).Currency);
        var report = SummarizeInto(reader, summarizer, options, progress, cancellationToken);
        return new LogSummaryResult(summarizer.ToSummaries(), report);
    }

    /// <summary>
    /// Adds every remaining row of a data reader to a streaming summary, as <see cref="Summarize"/> does; one
    /// partition of many (by date range or by customer) to <see cref="StreamingSummarizer.Merge"/> or add in turn.
    /// Refunds net against purchases of the same read.
    /// </summary>
    /// <param name="reader">The reader, positioned before its first row; left open.</param>
    /// <param name="summarizer">The summary to add to; its currency must be the options' currency.</param>
    /// <param name="options">Columns, currency, mode and refund policy; defaults when <see langword="null"/> (observation end as for <see cref="Summarize"/>).</param>
    /// <param name="progress">Receives the number of rows read so far; may be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The report of this read.</returns>
    /// <exception cref="ArgumentException">Another currency, the read's observation end is after the summary's, or <see cref="RefundPolicy.NetSameOrder"/> (it needs the whole log).</exception>
    /// <exception cref="LogFormatException">Strict mode: the first bad row; any mode: a missing column.</exception>
    /// <exception cref="UnorderedLogException">A customer's row older than the customer's previous row.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static ReadReport SummarizeInto(DbDataReader reader, StreamingSummarizer summarizer, DbLogOptions? options = null, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(summarizer);
        options ??= new DbLogOptions();
        var observationEnd = StreamingRead.Check(summarizer, options.Currency, options.Refunds, options.ObservationEnd, nameof(options));
        var state = new State(reader, options with { ObservationEnd = observationEnd });
        var consumer = new SummarizingRowConsumer(summarizer, state.Sink, options.Refunds, state.DateColumn, state.DateColumnName);
        state.Sink.Consumer = consumer;
        cancellationToken.ThrowIfCancellationRequested();
        var row = 0;
        while (reader.Read())
        {
            row++;
            state.Add(row);
            ReadTicks.Tick(row, progress, cancellationToken);
        }

        consumer.Flush();
        progress?.Report(row);
        return state.Sink.FinishStreaming(consumer.Accepted, consumer.Netted, consumer.Cancelled);
    }

    /// <summary>The resolved columns and the sink of one read.</summary>
    private sealed class State
    {
        private readonly DbDataReader _reader;
        private readonly DbLogOptions _options;
        private readonly Field _customer;
        private readonly Field _date;
        private readonly Field _amount;
        private readonly Field? _currency;
        private readonly Field? _order;
        private readonly char[] _idBuffer = new char[32];

        public State(DbDataReader reader, DbLogOptions options)
        {
            _reader = reader;
            _options = options;
            Sink = new RowSink(options.SourceName, options.Currency, options.Mode, options.ObservationEnd, refunds: options.Refunds, rowWord: "row");
            _customer = Resolve(options.CustomerColumn);
            _date = Resolve(options.DateColumn);
            _amount = Resolve(options.AmountColumn);
            _currency = options.CurrencyColumn is { } cur ? Resolve(cur) : null;
            _order = options.OrderColumn is { } order ? Resolve(order) : null;
        }

        public RowSink Sink { get; }

        public int DateColumn => _date.Ordinal + 1;

        public string DateColumnName => _date.Name;

        public void Add(int row)
        {
            if (!TryId(row, out var id) || !TryDate(row, out var date, out var dateText))
            {
                return;
            }

            if (_currency is { } cur && !CurrencyMatches(row, cur))
            {
                return;
            }

            if (TryAmount(row, out var minor) && Sink.CheckDate(row, _date.Ordinal + 1, _date.Name, dateText, date))
            {
                Sink.Accept(id, date, minor, row, _amount.Ordinal + 1, _amount.Name, _options.Refunds == RefundPolicy.NetSameOrder ? OrderOf() : string.Empty);
            }
        }

        /// <summary>The row's order id (trimmed), or empty when there is no order column or the value is NULL.</summary>
        private string OrderOf() =>
            _order is not { } f || _reader.IsDBNull(f.Ordinal) ? string.Empty : (Convert.ToString(_reader.GetValue(f.Ordinal), CultureInfo.InvariantCulture) ?? string.Empty).Trim();

        private bool TryId(int row, out ReadOnlySpan<char> id)
        {
            var f = _customer;
            id = default;
            if (_reader.IsDBNull(f.Ordinal))
            {
                Sink.Reject(row, f.Ordinal + 1, f.Name, "NULL", RejectReason.BlankCustomerId, "customer id must not be NULL");
                return false;
            }

            if (f.Type == typeof(string))
            {
                id = _reader.GetString(f.Ordinal);
            }
            else if (f.Type == typeof(long) && _reader.GetInt64(f.Ordinal).TryFormat(_idBuffer, out var n, provider: CultureInfo.InvariantCulture))
            {
                id = _idBuffer.AsSpan(0, n);
            }
            else if (f.Type == typeof(int) && _reader.GetInt32(f.Ordinal).TryFormat(_idBuffer, out var m, provider: CultureInfo.InvariantCulture))
            {
                id = _idBuffer.AsSpan(0, m);
            }
            else
            {
                id = Convert.ToString(_reader.GetValue(f.Ordinal), CultureInfo.InvariantCulture);
            }

            return Sink.CheckId(row, f.Ordinal + 1, f.Name, id);
        }

        private bool TryDate(int row, out DateOnly date, out string text)
        {
            var f = _date;
            date = default;
            text = string.Empty;
            if (_reader.IsDBNull(f.Ordinal))
            {
                text = "NULL";
                Sink.Reject(row, f.Ordinal + 1, f.Name, text, RejectReason.UnparsableDate, "date must not be NULL");
                return false;
            }

            // The common typed columns without boxing (a DATE or TIMESTAMP column); other types go through GetValue.
            if (f.Type == typeof(DateTime))
            {
                date = DateOnly.FromDateTime(_reader.GetDateTime(f.Ordinal));
                return true;
            }

            if (f.Type == typeof(DateOnly))
            {
                date = _reader.GetFieldValue<DateOnly>(f.Ordinal);
                return true;
            }

            var value = _reader.GetValue(f.Ordinal);
            switch (value)
            {
                case DateTime dt:
                    date = DateOnly.FromDateTime(dt);
                    return true;
                case DateOnly d:
                    date = d;
                    return true;
                case DateTimeOffset dto:
                    date = DateOnly.FromDateTime(dto.DateTime);
                    return true;
                case string s when CsvLogReader.TryDate(s, _options.DateFormat, out date):
                    text = s;
                    return true;
                default:
                    text = Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
                    Sink.Reject(row, f.Ordinal + 1, f.Name, text, RejectReason.UnparsableDate, _options.DateFormat is null ? "date must be a DATE, a TIMESTAMP or ISO 8601 text (yyyy-MM-dd)" : $"date must be a DATE, a TIMESTAMP or text in the format {_options.DateFormat}");
                    return false;
            }
        }

        private bool CurrencyMatches(int row, Field f)
        {
            var code = _reader.IsDBNull(f.Ordinal) ? "NULL" : (Convert.ToString(_reader.GetValue(f.Ordinal), CultureInfo.InvariantCulture) ?? string.Empty).Trim();
            if (code.Equals(_options.Currency.Code, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            if (code.Length != 3 || !Currency.TryOf(code, out _))
            {
                Sink.Reject(row, f.Ordinal + 1, f.Name, code, RejectReason.UnknownCurrency, "currency must be an active ISO 4217 code");
            }
            else
            {
                Sink.Reject(row, f.Ordinal + 1, f.Name, code, RejectReason.CurrencyMismatch, $"currency must be {_options.Currency.Code}, the currency of this log");
            }

            return false;
        }

        private bool TryAmount(int row, out long minor)
        {
            var f = _amount;
            minor = 0;
            var column = f.Ordinal + 1;
            if (_reader.IsDBNull(f.Ordinal))
            {
                Sink.Reject(row, column, f.Name, "NULL", RejectReason.MalformedNumber, "amount must not be NULL");
                return false;
            }

            if (f.Type == typeof(decimal))
            {
                return Sink.TryMinor(row, column, f.Name, _reader.GetDecimal(f.Ordinal), out minor);
            }

            var value = _reader.GetValue(f.Ordinal);
            switch (value)
            {
                case decimal d:
                    return Sink.TryMinor(row, column, f.Name, d, out minor);
                case double or float:
                    var x = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                    if (!double.IsFinite(x) || Math.Abs(x) >= (double)decimal.MaxValue)
                    {
                        Sink.Reject(row, column, f.Name, x.ToString("R", CultureInfo.InvariantCulture), RejectReason.MalformedNumber, "amount must be a finite number");
                        return false;
                    }

                    // decimal from double keeps 15 significant digits, so 0.07 stored as a double reads as 0.07.
                    var fromDouble = (decimal)x;
                    return Sink.TryMinor(row, column, f.Name, fromDouble, out minor);
                case long or int or short or sbyte or byte or ushort or uint:
                    var whole = Convert.ToDecimal(value, CultureInfo.InvariantCulture);
                    return Sink.TryMinor(row, column, f.Name, whole, out minor);
                case string s:
                    return Sink.TryAmount(row, column, f.Name, s, CsvLogReader.AmountStyles, CultureInfo.InvariantCulture, out minor);
                default:
                    var shown = Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
                    Sink.Reject(row, column, f.Name, shown, RejectReason.MalformedNumber, "amount must be a number");
                    return false;
            }
        }

        private Field Resolve(DbColumn column)
        {
            var count = _reader.FieldCount;
            int ordinal;
            if (column.Name is { } name)
            {
                ordinal = -1;
                for (var i = 0; i < count; i++)
                {
                    if (string.Equals(_reader.GetName(i), name, StringComparison.OrdinalIgnoreCase))
                    {
                        ordinal = i;
                        break;
                    }
                }
            }
            else
            {
                ordinal = column.Ordinal < count ? column.Ordinal : -1;
            }

            if (ordinal < 0)
            {
                var names = string.Join(",", Enumerable.Range(0, count).Select(_reader.GetName));
                var what = column.Name is null ? $"no column at ordinal {column.Ordinal.ToString(CultureInfo.InvariantCulture)} ({count.ToString(CultureInfo.InvariantCulture)} columns)" : $"no column '{column.Name}'";
                throw new LogFormatException(_options.SourceName, 0, names, $"{_options.SourceName}: the result has {what} (was '{names}').", reason: RejectReason.MissingColumn);
            }

            return new Field(ordinal, _reader.GetName(ordinal), _reader.GetFieldType(ordinal));
        }
    }

    private sealed record Field(int Ordinal, string Name, Type Type);
}
