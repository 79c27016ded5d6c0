using System.Data.Common;
using System.Globalization;
using System.Numerics;

using Ltv.Core.Domain;
using Ltv.Core.History;
using Ltv.Core.IO;

namespace Ltv.Core.Pushdown;

/// <summary>
/// Reads the result of a <see cref="SummarySql"/> query, run by any ADO.NET driver, into
/// <see cref="CustomerSummaries"/> or <see cref="RfmPatterns"/>, ready for the models' fit.
/// </summary>
/// <remarks>
/// Days become units exactly as <see cref="CustomerSummarizer"/> computes them, so a summary pushed down equals
/// the in-process summary of the same rows. A result with bad rows (see <see cref="SummarySql"/>) or a NULL or
/// blank customer id throws <see cref="LogFormatException"/> naming the result row and the customer.
/// </remarks>
public static class SqlSummaryReader
{
    /// <summary>Reads a <see cref="SummarySql.Summary"/> result.</summary>
    /// <param name="reader">The result; left open.</param>
    /// <param name="options">The options the query was written with.</param>
    /// <param name="currency">The currency the query was written with.</param>
    /// <param name="sourceName">A name for messages; "query" by default.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>One summary row per customer, in result order.</returns>
    /// <exception cref="LogFormatException">A result column is missing, a customer id is NULL or blank, or rows are bad.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static CustomerSummaries ReadSummaries(DbDataReader reader, SummaryOptions options, Currency currency, string sourceName = "query", CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(sourceName);
        options.Validate();
        var daysPerUnit = options.DaysPerUnit;
        var o = new Ordinals(reader, sourceName, "customer_id", "first_day", "frequency", "recency_days", "age_days", "first_spend_minor", "repeat_spend_minor", "holdout_frequency", "holdout_spend_minor", "row_count", "calibration_row_count", "bad_rows");
        var ids = new List<string>();
        var first = new List<int>();
        var x = new List<int>();
        var tx = new List<double>();
        var t = new List<double>();
        var firstSpend = new List<long>();
        var repeatSpend = new List<long>();
        var holdoutX = new List<int>();
        var holdoutSpend = new List<long>();
        long rows = 0, calRows = 0;
        var excluded = 0;
        var row = 0;
        while (reader.Read())
        {
            row++;
            if ((row & 4095) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var id = reader.IsDBNull(o[0]) ? null : Convert.ToString(reader.GetValue(o[0]), CultureInfo.InvariantCulture);
            CheckRow(reader, o[11], o[0], id, row, sourceName, options);
            rows += Int64(reader.GetValue(o[9]));
            calRows += Int64(reader.GetValue(o[10]));
            if (reader.IsDBNull(o[1]))
            {
                excluded++;
                continue;
            }

            ids.Add(id!);
            first.Add(DayNumber(reader.GetValue(o[1])));
            x.Add(checked((int)Int64(reader.GetValue(o[2]))));
            tx.Add(Int64(reader.GetValue(o[3])) / daysPerUnit);
            t.Add(Int64(reader.GetValue(o[4])) / daysPerUnit);
            firstSpend.Add(Int64(reader.GetValue(o[5])));
            repeatSpend.Add(Int64(reader.GetValue(o[6])));
            holdoutX.Add(checked((int)Int64(reader.GetValue(o[7]))));
            holdoutSpend.Add(Int64(reader.GetValue(o[8])));
        }

        var columns = new CustomerSummaries.Columns(ids.Count);
        ids.CopyTo(columns.Ids);
        first.CopyTo(columns.FirstDay);
        x.CopyTo(columns.Frequency);
        tx.CopyTo(columns.Recency);
        t.CopyTo(columns.Age);
        firstSpend.CopyTo(columns.FirstSpend);
        repeatSpend.CopyTo(columns.RepeatSpend);
        holdoutX.CopyTo(columns.HoldoutFrequency);
        holdoutSpend.CopyTo(columns.HoldoutSpend);
        return new CustomerSummaries(columns, currency, options, checked((int)rows), checked((int)calRows), excluded);
    }

    /// <summary>
    /// Reads a <see cref="SummarySql.Patterns"/> result into patterns for the fit: customers first seen after the
    /// calibration end and customers of age 0 are left out, as <see cref="CustomerSummaries.ToPatterns()"/> does.
    /// </summary>
    /// <param name="reader">The result; left open.</param>
    /// <param name="options">The options the query was written with.</param>
    /// <param name="sourceName">A name for messages; "query" by default.</param>
    /// <returns>The weighted (x, t_x, T) rows, in <see cref="SummaryOptions.Unit"/>.</returns>
    /// <exception cref="LogFormatException">A result column is missing or rows are bad.</exception>
    /// <exception cref="ArgumentException">No customer has an age above 0.</exception>
    public static RfmPatterns ReadPatterns(DbDataReader reader, SummaryOptions options, string sourceName = "query")
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(sourceName);
        options.Validate();
        var daysPerUnit = options.DaysPerUnit;
        var o = new Ordinals(reader, sourceName, "frequency", "recency_days", "age_days", "customers", "bad_rows");
        var x = new List<double>();
        var tx = new List<double>();
        var t = new List<double>();
        var w = new List<double>();
        var row = 0;
        while (reader.Read())
        {
            row++;
            CheckRow(reader, o[4], -1, null, row, sourceName, options);
            var customers = Int64(reader.GetValue(o[3]));
            if (customers == 0)
            {
                continue;
            }

            x.Add(Int64(reader.GetValue(o[0])));
            tx.Add(Int64(reader.GetValue(o[1])) / daysPerUnit);
            t.Add(Int64(reader.GetValue(o[2])) / daysPerUnit);
            w.Add(customers);
        }

        return RfmPatterns.FromWeightedRows(
            System.Runtime.InteropServices.CollectionsMarshal.AsSpan(x),
            System.Runtime.InteropServices.CollectionsMarshal.AsSpan(tx),
            System.Runtime.InteropServices.CollectionsMarshal.AsSpan(t),
            System.Runtime.InteropServices.CollectionsMarshal.AsSpan(w),
            options.Unit);
    }

    private static void CheckRow(DbDataReader reader, int badOrdinal, int idOrdinal, string? id, int row, string source, SummaryOptions options)
    {
        var where = $"{source}, result row {row.ToString(CultureInfo.InvariantCulture)}";
        if (idOrdinal >= 0 && string.IsNullOrWhiteSpace(id))
        {
            throw new LogFormatException(source, row, id ?? "NULL", $"{where} (customer_id): customer id must not be NULL, empty or blank (was '{id ?? "NULL"}').", reason: RejectReason.BlankCustomerId);
        }

        var bad = reader.IsDBNull(badOrdinal) ? 0 : Int64(reader.GetValue(badOrdinal));
        if (bad > 0)
        {
            var who = id is null ? string.Empty : $" of customer '{id}'";
            throw new LogFormatException(
                source,
                row,
                bad.ToString(CultureInfo.InvariantCulture),
                $"{where} (bad_rows): {bad.ToString(CultureInfo.InvariantCulture)} purchase rows{who} have a NULL or negative amount, a NULL date, a date after the observation end {options.ObservationEnd:yyyy-MM-dd} or too many decimals; filter or correct them in the source (was '{bad.ToString(CultureInfo.InvariantCulture)}').");
        }
    }

    /// <summary>Engines return counts and sums as BIGINT, NUMERIC (PostgreSQL) or HUGEINT (DuckDB).</summary>
    private static long Int64(object value) => value switch
    {
        long l => l,
        int i => i,
        decimal d => checked((long)d),
        BigInteger b => checked((long)b),
        DBNull => 0,
        _ => Convert.ToInt64(value, CultureInfo.InvariantCulture),
    };

    private static int DayNumber(object value) => value switch
    {
        DateOnly d => d.DayNumber,
        DateTime dt => DateOnly.FromDateTime(dt).DayNumber,
        DateTimeOffset dto => DateOnly.FromDateTime(dto.DateTime).DayNumber,
        _ => DateOnly.Parse(Convert.ToString(value, CultureInfo.InvariantCulture)!, CultureInfo.InvariantCulture).DayNumber,
    };

    /// <summary>The ordinals of the named result columns, or a one-line error naming the missing one.</summary>
    private sealed class Ordinals
    {
        private readonly int[] _ordinals;

        public Ordinals(DbDataReader reader, string source, params string[] names)
        {
            _ordinals = new int[names.Length];
            for (var n = 0; n < names.Length; n++)
            {
                _ordinals[n] = -1;
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    if (string.Equals(reader.GetName(i), names[n], StringComparison.OrdinalIgnoreCase))
                    {
                        _ordinals[n] = i;
                        break;
                    }
                }

                if (_ordinals[n] < 0)
                {
                    var shown = string.Join(",", Enumerable.Range(0, reader.FieldCount).Select(reader.GetName));
                    throw new LogFormatException(source, 0, shown, $"{source}: the result has no column '{names[n]}'; run the query SummarySql wrote (was '{shown}').", reason: RejectReason.MissingColumn);
                }
            }
        }

        public int this[int index] => _ordinals[index];
    }
}
