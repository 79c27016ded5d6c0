using System.Globalization;

using Ltv.Core.Domain;
using Ltv.Core.History;

using nietras.SeparatedValues;

namespace Ltv.Core.IO;

/// <summary>
/// Reads a per-customer summary CSV (as <c>ltv summarize</c> writes it: comma separated, a header with
/// <c>customer_id</c>, the columns a model needs, and optionally <see cref="UnitColumn"/>; other columns ignored)
/// into a <see cref="CustomerSummaries"/>, strictly: the first bad row stops the read with one message naming the file,
/// the line, the column and the value.
/// </summary>
/// <remarks>
/// <para>The time unit travels with the data: a <see cref="UnitColumn"/> column holds <c>day</c>, <c>week</c>,
/// <c>month</c> or <c>year</c>, the same on every row, and becomes <see cref="CustomerSummaries.Unit"/>. A file without
/// it (for example one written by Python's lifetimes) has an unknown unit, which the caller must state.</para>
/// <para>Rows are checked against the conventions every model shares (see <see cref="CustomerSummaries"/>).</para>
/// </remarks>
public static class SummaryCsvReader
{
    /// <summary>The column that records the time unit of recency and T: <c>time_unit</c>.</summary>
    public const string UnitColumn = "time_unit";

    /// <summary>The id column: <c>customer_id</c>.</summary>
    public const string IdColumn = "customer_id";

    /// <summary>The lifetimes columns, in the order <c>ltv summarize</c> writes them.</summary>
    public static IReadOnlyList<string> LifetimesColumns { get; } = [CustomerSummaries.FrequencyColumn, CustomerSummaries.RecencyColumn, CustomerSummaries.AgeColumn, CustomerSummaries.MonetaryColumn];

    /// <summary>The text of a unit in <see cref="UnitColumn"/>: <c>day</c>, <c>week</c>, <c>month</c> or <c>year</c>.</summary>
    /// <param name="unit">The unit.</param>
    /// <returns>The lower-case name.</returns>
    public static string UnitText(TimeUnit unit) => unit.ToString().ToLowerInvariant();

    /// <summary>Reads the summary file with the lifetimes columns.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The table.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The header lacks a column or a row is bad; the message names file, line, column and value.</exception>
    public static CustomerSummaries Read(string path) => Read(path, LifetimesColumns);

    /// <summary>Reads the summary file with the given numeric columns (finite, zero or more); lifetimes columns present in the header are read and checked too.</summary>
    /// <param name="path">The file.</param>
    /// <param name="columns">The numeric columns to read, by header name; each must be present.</param>
    /// <returns>The table.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The header lacks a column or a row is bad; the message names file, line, column and value.</exception>
    public static CustomerSummaries Read(string path, IReadOnlyList<string> columns)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(columns);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: no such file.", path);
        }

        using var stream = File.OpenRead(path);
        return Read(stream, path, columns);
    }

    /// <summary>Reads a summary from a stream (standard input, say) with the given numeric columns, as <see cref="Read(string, IReadOnlyList{string})"/> does.</summary>
    /// <param name="stream">The UTF-8 text; left open.</param>
    /// <param name="source">How messages name the stream (a file name, "standard input").</param>
    /// <param name="columns">The numeric columns to read, by header name; each must be present.</param>
    /// <returns>The table.</returns>
    /// <exception cref="InvalidDataException">The header lacks a column or a row is bad; the message names the source, line, column and value.</exception>
    public static CustomerSummaries Read(Stream stream, string source, IReadOnlyList<string> columns)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(columns);
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
            reader = options.From(stream);
        }
        catch (Exception e) when (e is not OutOfMemoryException and not IOException and not UnauthorizedAccessException)
        {
            throw new InvalidDataException($"{source}, line 1: the header cannot be read ({e.Message}).", e);
        }

        using (reader)
        {
            return Read(reader, source, columns);
        }
    }

    private static CustomerSummaries Read(SepReader reader, string path, IReadOnlyList<string> columns)
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
                throw CustomerSummaries.Error(path, line, number, missing, $"the row has {row.ColCount} columns, {missing} is missing", row.Span.ToString());
            }

            var id = row[index[0]].Span.Trim().ToString();
            if (id.Length == 0)
            {
                throw CustomerSummaries.Error(path, line, index[0] + 1, IdColumn, "the customer id is blank", id);
            }

            if (!seen.TryAdd(id, line))
            {
                throw CustomerSummaries.Error(path, line, index[0] + 1, IdColumn, $"the customer id is also on line {seen[id].ToString(CultureInfo.InvariantCulture)}", id);
            }

            if (unitIndex >= 0)
            {
                var text = row[unitIndex].ToString().Trim();
                if (unitText is null)
                {
                    unit = ParseUnit(text) ?? throw CustomerSummaries.Error(path, line, unitIndex + 1, UnitColumn, "the time unit must be day, week, month or year", text);
                    unitText = text;
                }
                else if (!string.Equals(text, unitText, StringComparison.OrdinalIgnoreCase))
                {
                    throw CustomerSummaries.Error(path, line, unitIndex + 1, UnitColumn, $"every row must have the same time unit as the first ('{unitText}')", text);
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

        return CustomerSummaries.FromTable(path, [.. ids], data, numbers, [.. lines], unit);
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
            throw CustomerSummaries.Error(path, line, index + 1, name, $"{name} must be a finite number with '.' decimals", span.ToString());
        }

        if (value < 0)
        {
            throw CustomerSummaries.Error(path, line, index + 1, name, $"{name} must be zero or more", span.ToString());
        }

        return value;
    }
}
