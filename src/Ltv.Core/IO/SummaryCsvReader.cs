using System.Globalization;

using Ltv.Core.Domain;
using Ltv.Core.History;

using nietras.SeparatedValues;

namespace Ltv.Core.IO;

/// <summary>
/// Reads a per-customer summary CSV (as <c>ltv summarize</c> writes it: comma separated, a header with
/// <c>customer_id</c>, the columns a model needs, and optionally <see cref="UnitColumn"/>; other columns ignored)
/// into a <see cref="SummaryTable"/>, strictly: the first bad row stops the read with one message naming the file,
/// the line, the column and the value.
/// </summary>
/// <remarks>
/// <para>The time unit travels with the data: a <see cref="UnitColumn"/> column holds <c>day</c>, <c>week</c>,
/// <c>month</c> or <c>year</c>, the same on every row, and becomes <see cref="SummaryTable.Unit"/>. A file without
/// it (for example one written by Python's lifetimes) has an unknown unit, which the caller must state.</para>
/// <para>Rows are checked against the conventions every model shares (see <see cref="SummaryTable"/>).</para>
/// </remarks>
public static class SummaryCsvReader
{
    /// <summary>The column that records the time unit of recency and T: <c>time_unit</c>.</summary>
    public const string UnitColumn = "time_unit";

    /// <summary>The id column: <c>customer_id</c>.</summary>
    public const string IdColumn = "customer_id";

    /// <summary>The lifetimes columns, in the order <c>ltv summarize</c> writes them.</summary>
    public static IReadOnlyList<string> LifetimesColumns { get; } = [SummaryTable.FrequencyColumn, SummaryTable.RecencyColumn, SummaryTable.AgeColumn, SummaryTable.MonetaryColumn];

    /// <summary>The text of a unit in <see cref="UnitColumn"/>: <c>day</c>, <c>week</c>, <c>month</c> or <c>year</c>.</summary>
    /// <param name="unit">The unit.</param>
    /// <returns>The lower-case name.</returns>
    public static string UnitText(TimeUnit unit) => unit.ToString().ToLowerInvariant();

    /// <summary>Reads the summary file with the lifetimes columns.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The table.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The header lacks a column or a row is bad; the message names file, line, column and value.</exception>
    public static SummaryTable Read(string path) => Read(path, LifetimesColumns);

    /// <summary>Reads the summary file with the given numeric columns (finite, zero or more); lifetimes columns present in the header are read and checked too.</summary>
    /// <param name="path">The file.</param>
    /// <param name="columns">The numeric columns to read, by header name; each must be present.</param>
    /// <returns>The table.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The header lacks a column or a row is bad; the message names file, line, column and value.</exception>
    public static SummaryTable Read(string path, IReadOnlyList<string> columns)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(columns);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: no such file.", path);
        }

        var options = new SepReaderOptions(new Sep(','))
        {
            HasHeader = true,
            DisableColCountCheck = true,
            Unescape = true,
            CultureInfo = CultureInfo.InvariantCulture,
        };
        SepReader reader;
        try
        {
            reader = options.FromFile(path);
        }
        catch (Exception e) when (e is not OutOfMemoryException and not IOException and not UnauthorizedAccessException)
        {
            throw new InvalidDataException($"{path}, line 1: the header cannot be read ({e.Message}).", e);
        }

        using (reader)
        {
            return Read(reader, path, columns);
        }
    }

    private static SummaryTable Read(SepReader reader, string path, IReadOnlyList<string> columns)
    {
        var names = new List<string> { IdColumn };
        names.AddRange(columns.Where(c => c != IdColumn).Distinct(StringComparer.Ordinal));
        if (reader.IsEmpty)
        {
            throw new InvalidDataException($"{path}, line 1: the file is empty; a header '{string.Join(',', names)}' is needed.");
        }

        foreach (var known in LifetimesColumns)
        {
            if (!names.Contains(known) && reader.Header.TryIndexOf(known, out _))
            {
                names.Add(known);
            }
        }

        var index = new int[names.Count];
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var c = 0; c < names.Count; c++)
        {
            if (!reader.Header.TryIndexOf(names[c], out index[c]))
            {
                throw new InvalidDataException($"{path}, line 1: the header has no column '{names[c]}' (was '{string.Join(',', reader.Header.ColNames)}').");
            }

            numbers[names[c]] = index[c] + 1;
        }

        var unitIndex = reader.Header.TryIndexOf(UnitColumn, out var u) ? u : -1;
        var needed = Math.Max(index.Max(), unitIndex);
        var ids = new List<string>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var values = new List<double>[names.Count];
        for (var c = 1; c < names.Count; c++)
        {
            values[c] = [];
        }

        var lines = new List<int>();
        TimeUnit? unit = null;
        string? unitText = null;
        foreach (var row in reader)
        {
            var line = row.LineNumberFrom;
            if (row.ColCount <= needed)
            {
                var colCount = row.ColCount;
                var missing = unitIndex >= colCount && index.All(i => i < colCount) ? UnitColumn : names[Array.FindIndex(index, i => i >= colCount)];
                var number = missing == UnitColumn ? unitIndex + 1 : numbers[missing];
                throw SummaryTable.Error(path, line, number, missing, $"the row has {row.ColCount} columns, {missing} is missing", row.Span.ToString());
            }

            var id = row[index[0]].ToString();
            if (id.Length == 0)
            {
                throw SummaryTable.Error(path, line, index[0] + 1, IdColumn, "the customer id is blank", id);
            }

            if (!seen.TryAdd(id, line))
            {
                throw SummaryTable.Error(path, line, index[0] + 1, IdColumn, $"the customer id is also on line {seen[id].ToString(CultureInfo.InvariantCulture)}", id);
            }

            if (unitIndex >= 0)
            {
                var text = row[unitIndex].ToString().Trim();
                if (unitText is null)
                {
                    unit = ParseUnit(text) ?? throw SummaryTable.Error(path, line, unitIndex + 1, UnitColumn, "the time unit must be day, week, month or year", text);
                    unitText = text;
                }
                else if (!string.Equals(text, unitText, StringComparison.OrdinalIgnoreCase))
                {
                    throw SummaryTable.Error(path, line, unitIndex + 1, UnitColumn, $"every row must have the same time unit as the first ('{unitText}')", text);
                }
            }

            for (var c = 1; c < names.Count; c++)
            {
                values[c].Add(Number(row, index[c], names[c], path, line));
            }

            ids.Add(id);
            lines.Add(line);
        }

        var data = new Dictionary<string, double[]>(StringComparer.Ordinal);
        for (var c = 1; c < names.Count; c++)
        {
            data[names[c]] = [.. values[c]];
        }

        if (unitIndex >= 0)
        {
            numbers[UnitColumn] = unitIndex + 1;
        }

        var table = new SummaryTable(path, [.. ids], data, numbers, [.. lines], unit);
        for (var i = 0; i < table.Count; i++)
        {
            table.CheckRfm(i);
        }

        return table;
    }

    /// <summary>Parses a unit as written in <see cref="UnitColumn"/> (case-insensitive), or <see langword="null"/>.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The unit, or <see langword="null"/> when the text is not day, week, month or year.</returns>
    public static TimeUnit? ParseUnit(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "day" => TimeUnit.Day,
        "week" => TimeUnit.Week,
        "month" => TimeUnit.Month,
        "year" => TimeUnit.Year,
        _ => null,
    };

    private static double Number(SepReader.Row row, int index, string name, string path, int line)
    {
        var span = row[index].Span;
        if (!double.TryParse(span, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            throw SummaryTable.Error(path, line, index + 1, name, $"{name} must be a finite number with '.' decimals", span.ToString());
        }

        if (value < 0)
        {
            throw SummaryTable.Error(path, line, index + 1, name, $"{name} must be zero or more", span.ToString());
        }

        return value;
    }
}
