using System.Globalization;
using System.Runtime.CompilerServices;

using Ltv.Core.Domain;
using Ltv.Core.History;
using Ltv.Core.Validation;

namespace Ltv.Core.IO;

/// <summary>The shared end of every reader: checks a parsed row, appends it or rejects it by mode.</summary>
internal sealed class RowSink
{
    private const int MaxText = 200;
    private readonly List<RejectedRow> _rejected = [];
    private readonly ReadMode _mode;
    private readonly int _obsEnd;
    private readonly DateOnly? _observationEnd;
    private readonly int _minorDigits;
    private readonly RefundPolicy _refunds;
    private readonly string _rowWord;
    private readonly List<Refund> _pending = [];

    /// <summary>Under <see cref="RefundPolicy.NetSameOrder"/>: the purchase rows (log row indices) of each order id.</summary>
    private readonly Dictionary<string, List<int>> _orderRows = new(StringComparer.Ordinal);
    private int _dropped;

    public RowSink(string file, Currency currency, ReadMode mode, DateOnly? observationEnd, int capacity = 0, RefundPolicy refunds = RefundPolicy.Reject, string rowWord = "line")
    {
        File = file;
        _refunds = Guard.Defined(refunds);
        _rowWord = rowWord;
        _mode = Guard.Defined(mode);
        _observationEnd = observationEnd;
        _obsEnd = observationEnd?.DayNumber ?? int.MaxValue;
        Builder = new PurchaseLogBuilder(currency, capacity);
        _minorDigits = currency.MinorUnitDigits;
    }

    public string File { get; }

    /// <summary>How messages name a row's position: "line" for text files, "row" for query results and Parquet.</summary>
    public string RowWord => _rowWord;

    public int HeaderLine { get; set; }

    public PurchaseLogBuilder Builder { get; }

    /// <summary>When set, accepted rows (and, unless dropped, refunds) go to it instead of <see cref="Builder"/>; see <see cref="FinishStreaming"/>.</summary>
    public IRowConsumer? Consumer { get; set; }

    public void Reject(int line, int column, string columnName, ReadOnlySpan<char> text, RejectReason reason, string why)
    {
        var shown = text.Length > MaxText ? string.Concat(text[..MaxText], "...") : text.ToString();
        var where = column > 0
            ? $"{_rowWord} {line.ToString(CultureInfo.InvariantCulture)}, column {column.ToString(CultureInfo.InvariantCulture)} ({columnName})"
            : $"{_rowWord} {line.ToString(CultureInfo.InvariantCulture)}";
        var row = new RejectedRow(File, line, column, columnName, shown, reason, $"{File}, {where}: {why} (was '{shown}').");
        if (_mode == ReadMode.Strict)
        {
            throw new LogFormatException(row);
        }

        _rejected.Add(row);
    }

    /// <summary>Parses and checks an amount; false (after rejecting) when bad.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryAmount(int line, int column, string columnName, ReadOnlySpan<char> text, NumberStyles styles, IFormatProvider provider, out long minor) =>
        (ReferenceEquals(provider, CultureInfo.InvariantCulture) && TryPlainAmount(text, _minorDigits, out minor))
        || TryAmountSlow(line, column, columnName, text, styles, provider, out minor);

    /// <summary>Every amount that is not a plain invariant one (<see cref="TryPlainAmount"/>): decimal parsing with its checks and messages.</summary>
    private bool TryAmountSlow(int line, int column, string columnName, ReadOnlySpan<char> text, NumberStyles styles, IFormatProvider provider, out long minor)
    {
        minor = 0;
        var format = NumberFormatInfo.GetInstance(provider);
        var grouped = (styles & NumberStyles.AllowThousands) != 0;
        if (grouped && !HasWellFormedGroups(text, format))
        {
            Reject(line, column, columnName, text, RejectReason.MalformedNumber, $"amount must be a number; the group separator '{format.NumberGroupSeparator}' may only split the integer digits into groups of three (decimal separator '{format.NumberDecimalSeparator}')");
            return false;
        }

        if (!decimal.TryParse(text, styles, provider, out var amount))
        {
            if (text.IndexOfAny('e', 'E') >= 0 && double.TryParse(text, styles | NumberStyles.AllowExponent, provider, out _))
            {
                Reject(line, column, columnName, text, RejectReason.MalformedNumber, "amount must be written out in digits; exponent notation is not accepted (write 100, not 1e2)");
                return false;
            }

            if (double.TryParse(text, styles, provider, out var large) && double.IsFinite(large) && large > 0d)
            {
                Reject(line, column, columnName, text, RejectReason.AmountOutOfRange, $"amount must be at most {MaxAmountText()} {Builder.Currency.Code}");
                return false;
            }

            Reject(line, column, columnName, text, RejectReason.MalformedNumber, "amount must be a number");
            return false;
        }

        return TryMinor(line, column, columnName, text, amount, out minor);
    }

    /// <summary>
    /// Checks a decimal amount and converts it to minor units; false (after rejecting) when bad. A negative
    /// amount is rejected under <see cref="RefundPolicy.Reject"/> and otherwise returned as negative minor
    /// units, for <see cref="Accept"/> to net or drop.
    /// </summary>
    public bool TryMinor(int line, int column, string columnName, ReadOnlySpan<char> text, decimal amount, out long minor)
    {
        var problem = ToMinor(amount, out minor);
        if (problem is null)
        {
            return true;
        }

        RejectAmount(line, column, columnName, text, problem.Value);
        return false;
    }

    /// <summary>
    /// As <see cref="TryMinor(int, int, string, ReadOnlySpan{char}, decimal, out long)"/> for an amount that arrived as a
    /// decimal (a database or Parquet column): its text is made only for a reject, not for every row.
    /// </summary>
    public bool TryMinor(int line, int column, string columnName, decimal amount, out long minor)
    {
        var problem = ToMinor(amount, out minor);
        if (problem is null)
        {
            return true;
        }

        RejectAmount(line, column, columnName, amount.ToString(CultureInfo.InvariantCulture), problem.Value);
        return false;
    }

    /// <summary>The amount in signed minor units, or why it cannot be a row's amount under the refund policy.</summary>
    private RejectReason? ToMinor(decimal amount, out long minor)
    {
        minor = 0;
        if (amount < 0m && _refunds == RefundPolicy.Reject)
        {
            return RejectReason.NegativeAmount;
        }

        var magnitude = Math.Abs(amount);
        if (magnitude > long.MaxValue / (decimal)Builder.MinorUnitScale)
        {
            return RejectReason.AmountOutOfRange;
        }

        if (!MinorUnits.TryToMinor(magnitude, Builder.MinorUnitScale, out minor))
        {
            return RejectReason.AmountTooPrecise;
        }

        if (amount < 0m)
        {
            minor = -minor;
        }

        return null;
    }

    private void RejectAmount(int line, int column, string columnName, ReadOnlySpan<char> text, RejectReason reason) =>
        Reject(line, column, columnName, text, reason, reason switch
        {
            RejectReason.NegativeAmount => "amount must be zero or more (refunds are not purchases; choose a refund policy to net or drop them)",
            RejectReason.AmountOutOfRange => $"amount must be at most {MaxAmountText()} {Builder.Currency.Code}",
            _ => $"amount must have at most {Builder.Currency.MinorUnitDigits} decimals for {Builder.Currency.Code}",
        });

    /// <summary>The largest amount a row may hold: <see cref="long.MaxValue"/> minor units.</summary>
    private string MaxAmountText() => MinorUnits.ToDecimal(long.MaxValue, Builder.MinorUnitScale).ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// True when the text has no group separator, or uses it only between integer digits in groups of three
    /// after a first group of one to three ("1,234,567.50"); "12,50", "1,2,3", "1,,234" and "1,234,5" are not.
    /// decimal.TryParse with <see cref="NumberStyles.AllowThousands"/> accepts a group separator anywhere in
    /// the integer part, which read the decimal-comma "12,50" as 1250 in the invariant culture.
    /// </summary>
    internal static bool HasWellFormedGroups(ReadOnlySpan<char> text, NumberFormatInfo format)
    {
        var group = format.NumberGroupSeparator;
        if (string.IsNullOrEmpty(group) || text.IndexOf(group, StringComparison.Ordinal) < 0)
        {
            return true;
        }

        text = text.Trim();
        var dot = text.IndexOf(format.NumberDecimalSeparator, StringComparison.Ordinal);
        if (dot >= 0 && text[dot..].IndexOf(group, StringComparison.Ordinal) >= 0)
        {
            return false;
        }

        var integer = dot >= 0 ? text[..dot] : text;
        if (integer.StartsWith(format.NegativeSign, StringComparison.Ordinal))
        {
            integer = integer[format.NegativeSign.Length..];
        }
        else if (integer.StartsWith(format.PositiveSign, StringComparison.Ordinal))
        {
            integer = integer[format.PositiveSign.Length..];
        }

        var first = true;
        while (true)
        {
            var at = integer.IndexOf(group, StringComparison.Ordinal);
            var part = at >= 0 ? integer[..at] : integer;
            if (part.IsEmpty || part.Length > 3 || (!first && part.Length != 3) || part.ContainsAnyExceptInRange('0', '9'))
            {
                return false;
            }

            if (at < 0)
            {
                return true;
            }

            integer = integer[(at + group.Length)..];
            first = false;
        }
    }

    /// <summary>
    /// The fast path for plain invariant amounts ("123", "123.4", "123.45"): digits, at most one '.', at most
    /// <paramref name="digits"/> decimals, at most 14 integer digits. Anything else (signs, exponents, white
    /// space, more decimals) returns false and goes through decimal.TryParse with its checks. Hand-written
    /// because decimal parsing plus the exact minor-unit conversion was measured about 3 times slower.
    /// </summary>
    internal static bool TryPlainAmount(ReadOnlySpan<char> text, int digits, out long minor)
    {
        minor = 0;
        if (text.IsEmpty || text.Length > 20)
        {
            return false;
        }

        // The common form, all the decimals written ("173.29" in cents): one loop over the integer digits, one over the decimals.
        var point = text.Length - 1 - digits;
        if (digits > 0 && point is > 0 and <= 14 && text[point] == '.')
        {
            long whole = 0;
            for (var k = 0; k < point; k++)
            {
                var d = text[k] - '0';
                if ((uint)d > 9)
                {
                    return false;
                }

                whole = (whole * 10) + d;
            }

            for (var k = point + 1; k < text.Length; k++)
            {
                var d = text[k] - '0';
                if ((uint)d > 9)
                {
                    return false;
                }

                whole = (whole * 10) + d;
            }

            minor = whole;
            return true;
        }

        long value = 0;
        var integerDigits = 0;
        var i = 0;
        for (; i < text.Length && text[i] != '.'; i++)
        {
            var d = text[i] - '0';
            if ((uint)d > 9)
            {
                return false;
            }

            value = (value * 10) + d;
            integerDigits++;
        }

        if (integerDigits is 0 or > 14)
        {
            return false;
        }

        var decimals = 0;
        if (i < text.Length)
        {
            i++;
            if (i == text.Length)
            {
                return false;
            }

            for (; i < text.Length; i++)
            {
                var d = text[i] - '0';
                if ((uint)d > 9 || decimals == digits)
                {
                    return false;
                }

                value = (value * 10) + d;
                decimals++;
            }
        }

        for (; decimals < digits; decimals++)
        {
            value *= 10;
        }

        minor = value;
        return true;
    }

    /// <summary>Checks the date against the observation end; false (after rejecting) when after it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool CheckDate(int line, int column, string columnName, ReadOnlySpan<char> text, DateOnly date) =>
        date.DayNumber <= _obsEnd || RejectAfterEnd(line, column, columnName, text);

    private bool RejectAfterEnd(int line, int column, string columnName, ReadOnlySpan<char> text)
    {
        Reject(line, column, columnName, text, RejectReason.AfterObservationEnd, $"date must be on or before the observation end {_observationEnd:yyyy-MM-dd}");
        return false;
    }

    public bool CheckId(int line, int column, string columnName, ReadOnlySpan<char> id)
    {
        if (LogText.IsBlank(id))
        {
            Reject(line, column, columnName, id, RejectReason.BlankCustomerId, "customer id must not be empty or blank");
            return false;
        }

        return true;
    }

    /// <summary>Adds a checked row; a negative amount (only under a refund policy) is kept aside to net, or dropped.</summary>
    /// <param name="id">The customer id.</param>
    /// <param name="date">The date.</param>
    /// <param name="minor">The amount in minor units.</param>
    /// <param name="line">The row's line (or row number), named if a refund cannot be netted.</param>
    /// <param name="column">The amount's column, named if a refund cannot be netted.</param>
    /// <param name="columnName">The amount column's name.</param>
    /// <param name="order">The row's order id (empty when none), kept under <see cref="RefundPolicy.NetSameOrder"/>.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Accept(ReadOnlySpan<char> id, DateOnly date, long minor, int line = 0, int column = 0, string columnName = "amount", ReadOnlySpan<char> order = default)
    {
        if (minor >= 0 && Consumer is null && _refunds != RefundPolicy.NetSameOrder)
        {
            // The common row: a purchase into the whole log.
            Builder.AddBatched(id, date.DayNumber, minor);
            return;
        }

        AcceptSlow(id, date, minor, line, column, columnName, order);
    }

    private void AcceptSlow(ReadOnlySpan<char> id, DateOnly date, long minor, int line, int column, string columnName, ReadOnlySpan<char> order)
    {
        if (Consumer is { } consumer && (minor >= 0 || _refunds != RefundPolicy.Drop))
        {
            consumer.Accept(id, date, minor, line, column, columnName);
            return;
        }

        if (minor >= 0)
        {
            if (_refunds == RefundPolicy.NetSameOrder && !order.IsEmpty)
            {
                var key = order.ToString();
                if (!_orderRows.TryGetValue(key, out var rows))
                {
                    _orderRows[key] = rows = [];
                }

                rows.Add(Builder.Count);
            }

            Builder.AddBatched(id, date.DayNumber, minor);
        }
        else if (_refunds == RefundPolicy.Drop)
        {
            _dropped++;
        }
        else
        {
            _pending.Add(new Refund(id.ToString(), date.DayNumber, -minor, line, column, columnName, order.ToString()));
        }
    }

    public LogReadResult Finish()
    {
        var log = Builder.Build();
        var cancelled = 0;
        var netted = 0;
        if (_pending.Count > 0)
        {
            (log, netted, cancelled) = _refunds == RefundPolicy.NetSameOrder ? NetRefundsByOrder(log) : NetRefunds(log);
            _rejected.Sort((a, b) => a.Line.CompareTo(b.Line));
        }

        return new(log, new ReadReport(File, HeaderLine, log.Count, _rejected.ToArray(), netted, _dropped, cancelled));
    }

    /// <summary>
    /// Subtracts each (customer, day)'s refunds from that day's purchase rows, in row order; a day netted to
    /// exactly zero leaves the log; refunds larger than the day's purchases are rejected as unmatched.
    /// </summary>
    private (PurchaseLog Log, int Netted, int Cancelled) NetRefunds(PurchaseLog log)
    {
        var index = new Dictionary<string, int>(log.CustomerCount, StringComparer.Ordinal);
        for (var c = 0; c < log.CustomerCount; c++)
        {
            index[log.CustomerIdArray[c]] = c;
        }

        // The refunds of each (customer, day), summed; rows of unknown customers cannot be netted.
        var owed = new Dictionary<long, long>();
        var refundsByKey = new Dictionary<long, List<Refund>>();
        foreach (var r in _pending)
        {
            var key = index.TryGetValue(r.Id, out var c) ? ((long)c << 32) | (uint)r.Day : -1L - refundsByKey.Count;
            owed[key] = checked(owed.GetValueOrDefault(key) + r.Minor);
            if (!refundsByKey.TryGetValue(key, out var list))
            {
                refundsByKey[key] = list = [];
            }

            list.Add(r);
        }

        var available = new Dictionary<long, long>();
        var customer = log.CustomerIndex;
        var day = log.DayNumber;
        var amount = log.AmountMinor;
        for (var i = 0; i < log.Count; i++)
        {
            var key = ((long)customer[i] << 32) | (uint)day[i];
            if (owed.ContainsKey(key))
            {
                available[key] = available.GetValueOrDefault(key) + amount[i];
            }
        }

        var netted = 0;
        foreach (var (key, due) in owed)
        {
            if (available.GetValueOrDefault(key) < due)
            {
                foreach (var r in refundsByKey[key])
                {
                    RejectUnmatchedRefund(r.Line, r.Column, r.ColumnName, r.Id, r.Day, r.Minor, available.GetValueOrDefault(key));
                }

                owed.Remove(key);
            }
            else
            {
                netted += refundsByKey[key].Count;
            }
        }

        if (owed.Count == 0)
        {
            return (log, netted, 0);
        }

        // Rebuild: rows of a day whose purchases equal its refunds are cancelled; other days lose the refund
        // from their rows in row order (a row reduced to zero stays, as part of a transaction that stands).
        var rebuilt = new PurchaseLogBuilder(log.Currency, log.Count);
        var cancelled = 0;
        var ids = log.CustomerIdArray;
        for (var i = 0; i < log.Count; i++)
        {
            var key = ((long)customer[i] << 32) | (uint)day[i];
            var minor = amount[i];
            if (owed.TryGetValue(key, out var due))
            {
                if (available[key] == due)
                {
                    cancelled++;
                    continue;
                }

                var take = Math.Min(due, minor);
                minor -= take;
                owed[key] = due - take;
            }

            rebuilt.Add(ids[customer[i]], DateOnly.FromDayNumber(day[i]), minor);
        }

        return (rebuilt.Build(), netted, cancelled);
    }

    /// <summary>
    /// Subtracts each (customer, order id)'s refunds from that customer's purchase rows of the order, in row order;
    /// an order netted to exactly zero leaves the log; refunds without an order id, of an order the customer did
    /// not buy, or larger than the order's purchases are rejected as unmatched (in line order, so that strict
    /// mode names the first).
    /// </summary>
    private (PurchaseLog Log, int Netted, int Cancelled) NetRefundsByOrder(PurchaseLog log)
    {
        var ids = log.CustomerIdArray;
        var customer = log.CustomerIndex;
        var amount = log.AmountMinor;
        var unmatched = new List<(Refund Refund, string Why)>();
        var groups = new Dictionary<(string Id, string Order), List<Refund>>();
        foreach (var r in _pending)
        {
            if (r.Order.Length == 0)
            {
                unmatched.Add((r, "a refund must name its order to be netted by order (its order id is blank, or no order column is read)"));
                continue;
            }

            if (!groups.TryGetValue((r.Id, r.Order), out var list))
            {
                groups[(r.Id, r.Order)] = list = [];
            }

            list.Add(r);
        }

        // Per row: the amount left after netting, or -1 when the row is cancelled with its whole order.
        var changed = new Dictionary<int, long>();
        var netted = 0;
        foreach (var ((id, order), refunds) in groups)
        {
            var rows = new List<int>();
            foreach (var i in _orderRows.TryGetValue(order, out var all) ? all : [])
            {
                if (ids[customer[i]] == id)
                {
                    rows.Add(i);
                }
            }

            long available = 0;
            foreach (var i in rows)
            {
                available += amount[i];
            }

            long due = 0;
            foreach (var r in refunds)
            {
                due = checked(due + r.Minor);
            }

            if (available < due)
            {
                foreach (var r in refunds)
                {
                    unmatched.Add((r, $"a refund must not exceed customer '{id}''s purchases of order '{order}' ({ShowMinor(available)} {Builder.Currency.Code})"));
                }

                continue;
            }

            netted += refunds.Count;
            var whole = available == due;
            foreach (var i in rows)
            {
                var take = Math.Min(due, amount[i]);
                due -= take;
                changed[i] = whole ? -1 : amount[i] - take;
            }
        }

        unmatched.Sort((a, b) => a.Refund.Line.CompareTo(b.Refund.Line));
        foreach (var (r, why) in unmatched)
        {
            Reject(r.Line, r.Column, r.ColumnName, ShowMinor(-r.Minor), RejectReason.UnmatchedRefund, why);
        }

        if (changed.Count == 0)
        {
            return (log, netted, 0);
        }

        var rebuilt = new PurchaseLogBuilder(log.Currency, log.Count);
        var day = log.DayNumber;
        var cancelled = 0;
        for (var i = 0; i < log.Count; i++)
        {
            var minor = amount[i];
            if (changed.TryGetValue(i, out var left))
            {
                if (left < 0)
                {
                    cancelled++;
                    continue;
                }

                minor = left;
            }

            rebuilt.Add(ids[customer[i]], DateOnly.FromDayNumber(day[i]), minor);
        }

        return (rebuilt.Build(), netted, cancelled);
    }

    /// <summary>The report of a read whose rows went to <see cref="Consumer"/>: its counts, this sink's rejects (by row) and drops.</summary>
    public ReadReport FinishStreaming(int accepted, int netted, int cancelled)
    {
        _rejected.Sort((a, b) => a.Line.CompareTo(b.Line));
        return new ReadReport(File, HeaderLine, accepted, _rejected.ToArray(), netted, _dropped, cancelled);
    }

    /// <summary>Rejects a refund larger than the customer's purchases of its day (as netting the whole log does).</summary>
    public void RejectUnmatchedRefund(int line, int column, string columnName, string id, int day, long refundMinor, long availableMinor) =>
        Reject(line, column, columnName, ShowMinor(-refundMinor), RejectReason.UnmatchedRefund, $"a refund must not exceed customer '{id}''s purchases on {DateOnly.FromDayNumber(day):yyyy-MM-dd} ({ShowMinor(availableMinor)} {Builder.Currency.Code})");

    private string ShowMinor(long minor) =>
        MinorUnits.ToDecimal(minor, Builder.MinorUnitScale).ToString("F" + _minorDigits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private readonly record struct Refund(string Id, int Day, long Minor, int Line, int Column, string ColumnName, string Order);
}
