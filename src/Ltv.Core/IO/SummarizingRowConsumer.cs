using System.Globalization;

using Ltv.Core.History;

namespace Ltv.Core.IO;

/// <summary>
/// Forwards the rows a <see cref="RowSink"/> accepts to a <see cref="StreamingSummarizer"/>. Under
/// <see cref="RefundPolicy.NetSameDay"/> it holds each customer's latest calibration day and latest holdout
/// day (purchases and refunds summed, refund rows kept only while their day is open) and hands a day on when
/// the customer's next day begins or the read ends, netted exactly as <see cref="RowSink.Finish"/> nets a
/// whole log: a day netted to zero is cancelled, a refund above the day's purchases is rejected.
/// </summary>
internal sealed class SummarizingRowConsumer : IRowConsumer
{
    private readonly StreamingSummarizer _summarizer;
    private readonly RowSink _sink;
    private readonly bool _net;
    private readonly int _calEnd;
    private readonly int _dateColumn;
    private readonly string _dateColumnName;
    private readonly CustomerIdMap _ids = new();
    private readonly Dictionary<long, List<Refund>> _refunds = [];
    private Day[] _cal = [];
    private Day[] _holdout = [];

    public SummarizingRowConsumer(StreamingSummarizer summarizer, RowSink sink, RefundPolicy refunds, int dateColumn, string dateColumnName)
    {
        _summarizer = summarizer;
        _sink = sink;
        _net = refunds == RefundPolicy.NetSameDay;
        _calEnd = summarizer.Options.EffectiveCalibrationEnd.DayNumber;
        _dateColumn = dateColumn;
        _dateColumnName = dateColumnName;
        if (_net)
        {
            _cal = new Day[1024];
            _holdout = new Day[1024];
        }
    }

    public int Accepted { get; private set; }

    public int Netted { get; private set; }

    public int Cancelled { get; private set; }

    public void Accept(ReadOnlySpan<char> id, DateOnly date, long minor, int line, int column, string columnName)
    {
        if (!_net)
        {
            try
            {
                _summarizer.Add(id, date, minor);
            }
            catch (ArgumentOutOfRangeException)
            {
                throw Unordered(id, date, line);
            }

            Accepted++;
            return;
        }

        var c = _ids.IndexOf(id);
        if (c < 0)
        {
            // The summary keeps customers in order of first row, though this customer's day is handed on later.
            _summarizer.Register(id);
            c = _ids.Add(id);
            if (c == _cal.Length)
            {
                Array.Resize(ref _cal, _cal.Length * 2);
                Array.Resize(ref _holdout, _holdout.Length * 2);
            }
        }

        var dayNumber = date.DayNumber;
        ref var day = ref dayNumber <= _calEnd ? ref _cal[c] : ref _holdout[c];
        if (day.IsOpen && dayNumber != day.Number)
        {
            if (dayNumber < day.Number)
            {
                throw Unordered(id, date, line);
            }

            Close(c, ref day);
        }

        day.Number = dayNumber;
        if (minor >= 0)
        {
            day.Bought = checked(day.Bought + minor);
            day.Rows++;
        }
        else
        {
            day.Refunded = checked(day.Refunded - minor);
            day.Refunds++;
            var key = Key(c, dayNumber);
            if (!_refunds.TryGetValue(key, out var list))
            {
                _refunds[key] = list = [];
            }

            list.Add(new Refund(line, column, columnName, -minor));
        }
    }

    /// <summary>Hands on every open day (calibration before holdout, customers in order of first row).</summary>
    public void Flush()
    {
        for (var c = 0; c < _ids.Count; c++)
        {
            if (_cal[c].IsOpen)
            {
                Close(c, ref _cal[c]);
            }

            if (_holdout[c].IsOpen)
            {
                Close(c, ref _holdout[c]);
            }
        }
    }

    private void Close(int c, ref Day day)
    {
        var id = _ids.IdAt(c);
        var date = DateOnly.FromDayNumber(day.Number);
        if (day.Refunds == 0)
        {
            _summarizer.Add(id, date, day.Bought, day.Rows);
            Accepted += day.Rows;
        }
        else
        {
            var key = Key(c, day.Number);
            var refunds = _refunds[key];
            _refunds.Remove(key);
            if (day.Refunded > day.Bought)
            {
                var text = id.ToString();
                foreach (var r in refunds)
                {
                    _sink.RejectUnmatchedRefund(r.Line, r.Column, r.ColumnName, text, day.Number, r.Minor, day.Bought);
                }

                if (day.Rows > 0)
                {
                    _summarizer.Add(id, date, day.Bought, day.Rows);
                    Accepted += day.Rows;
                }
            }
            else if (day.Refunded == day.Bought)
            {
                Cancelled += day.Rows;
                Netted += day.Refunds;
            }
            else
            {
                _summarizer.Add(id, date, day.Bought - day.Refunded, day.Rows);
                Accepted += day.Rows;
                Netted += day.Refunds;
            }
        }

        day = default;
    }

    private UnorderedLogException Unordered(ReadOnlySpan<char> id, DateOnly date, int line)
    {
        var customer = id.ToString();
        var shown = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var message = string.Create(CultureInfo.InvariantCulture, $"{_sink.File}, {_sink.RowWord} {line}, column {_dateColumn} ({_dateColumnName}): a streaming summary needs each customer's rows in date order, and this row is older than customer '{customer}''s previous {(date.DayNumber <= _calEnd ? "calibration" : "holdout")} row; sort the rows by date, or read the whole log and summarise it in memory (was '{shown}').");
        return new UnorderedLogException(_sink.File, line, customer, message);
    }

    private static long Key(int customer, int day) => ((long)customer << 32) | (uint)day;

    /// <summary>One customer's open day: purchases and refunds summed.</summary>
    private struct Day
    {
        public int Number;
        public int Rows;
        public int Refunds;
        public long Bought;
        public long Refunded;

        public readonly bool IsOpen => Rows + Refunds > 0;
    }

    private readonly record struct Refund(int Line, int Column, string ColumnName, long Minor);
}
