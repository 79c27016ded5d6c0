using System.Globalization;

using Ltv.Core.Domain;
using Ltv.Core.History;
using Ltv.Core.IO;

namespace Ltv.Core.Parquet;

/// <summary>
/// Reads a per-customer summary from Apache Parquet (as <see cref="ParquetSummaryWriter"/> writes it, or any file with
/// <c>customer_id</c> and the columns a model needs) into a <see cref="CustomerSummaries"/>, with the checks of
/// <see cref="SummaryCsvReader"/>: the first bad row stops the read with one message naming the file, the row, the
/// column and the value.
/// </summary>
/// <remarks>
/// Numeric columns may be of any integer, floating point or decimal type; NULL is a bad value. A <c>time_unit</c>
/// text column, the same on every row, becomes <see cref="CustomerSummaries.Unit"/>. Other columns are ignored. In the
/// messages the row number counts from 1.
/// </remarks>
public static class ParquetSummaryReader
{
    /// <summary>Reads the summary file with the lifetimes columns.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The table.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not Parquet, lacks a column, or a row is bad.</exception>
    public static CustomerSummaries ReadFile(string path) => ReadFile(path, SummaryCsvReader.LifetimesColumns);

    /// <summary>Reads the summary file with the given numeric columns (finite, zero or more); lifetimes columns present are read and checked too.</summary>
    /// <param name="path">The file.</param>
    /// <param name="columns">The numeric columns to read, by name; each must be present.</param>
    /// <returns>The table.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not Parquet, lacks a column, or a row is bad.</exception>
    public static CustomerSummaries ReadFile(string path, IReadOnlyList<string> columns)
    {
        using var stream = ParquetLogReader.Open(path);
        return Read(stream, path, columns);
    }

    /// <summary>Reads a summary from a readable, seekable Parquet stream.</summary>
    /// <param name="stream">The stream; left open.</param>
    /// <param name="source">How messages name the stream.</param>
    /// <param name="columns">The numeric columns to read, by name; each must be present.</param>
    /// <returns>The table.</returns>
    /// <exception cref="InvalidDataException">The stream is not Parquet, lacks a column, or a row is bad.</exception>
    public static CustomerSummaries Read(Stream stream, string source, IReadOnlyList<string> columns)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(columns);
        using var reader = ParquetDataReader.OpenAsync(stream, source, CancellationToken.None).GetAwaiter().GetResult();
        var present = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
        var names = new List<string> { SummaryCsvReader.IdColumn };
        names.AddRange(columns.Where(c => c != SummaryCsvReader.IdColumn).Distinct(StringComparer.Ordinal));
        foreach (var known in SummaryCsvReader.LifetimesColumns)
        {
            if (!names.Contains(known) && Array.IndexOf(present, known) >= 0)
            {
                names.Add(known);
            }
        }

        var index = new int[names.Count];
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var c = 0; c < names.Count; c++)
        {
            index[c] = Array.IndexOf(present, names[c]);
            if (index[c] < 0)
            {
                throw new InvalidDataException($"{source}: the file has no column '{names[c]}' (was '{string.Join(',', present)}').");
            }

            numbers[names[c]] = index[c] + 1;
        }

        var unitIndex = Array.IndexOf(present, SummaryCsvReader.UnitColumn);
        var ids = new List<string>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var values = new List<double>[names.Count];
        for (var c = 1; c < names.Count; c++)
        {
            values[c] = [];
        }

        TimeUnit? unit = null;
        string? unitText = null;
        var row = 0;
        while (reader.Read())
        {
            row++;
            var id = reader.IsDBNull(index[0]) ? string.Empty : Convert.ToString(reader.GetValue(index[0]), CultureInfo.InvariantCulture)!.Trim();
            if (id.Length == 0)
            {
                throw Error(source, row, index[0] + 1, SummaryCsvReader.IdColumn, "the customer id is blank or NULL", id);
            }

            if (!seen.TryAdd(id, row))
            {
                throw Error(source, row, index[0] + 1, SummaryCsvReader.IdColumn, $"the customer id is also on row {seen[id].ToString(CultureInfo.InvariantCulture)}", id);
            }

            if (unitIndex >= 0)
            {
                var text = reader.IsDBNull(unitIndex) ? "NULL" : Convert.ToString(reader.GetValue(unitIndex), CultureInfo.InvariantCulture)!.Trim();
                if (unitText is null)
                {
                    unit = SummaryCsvReader.ParseUnit(text) ?? throw Error(source, row, unitIndex + 1, SummaryCsvReader.UnitColumn, "the time unit must be day, week, month or year", text);
                    unitText = text;
                }
                else if (!string.Equals(text, unitText, StringComparison.OrdinalIgnoreCase))
                {
                    throw Error(source, row, unitIndex + 1, SummaryCsvReader.UnitColumn, $"every row must have the same time unit as the first ('{unitText}')", text);
                }
            }

            for (var c = 1; c < names.Count; c++)
            {
                values[c].Add(Number(reader, index[c], names[c], source, row));
            }

            ids.Add(id);
        }

        var data = new Dictionary<string, double[]>(StringComparer.Ordinal);
        for (var c = 1; c < names.Count; c++)
        {
            data[names[c]] = [.. values[c]];
        }

        if (unitIndex >= 0)
        {
            numbers[SummaryCsvReader.UnitColumn] = unitIndex + 1;
        }

        return CustomerSummaries.FromTable(source, [.. ids], data, numbers, null, unit);
    }

    private static double Number(ParquetDataReader reader, int ordinal, string name, string source, int row)
    {
        if (reader.IsDBNull(ordinal))
        {
            throw Error(source, row, ordinal + 1, name, $"{name} must not be NULL", "NULL");
        }

        var value = reader.GetValue(ordinal);
        double x;
        switch (value)
        {
            case double d:
                x = d;
                break;
            case float or decimal or long or int or short or sbyte or byte or ushort or uint or ulong:
                x = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                break;
            default:
                throw Error(source, row, ordinal + 1, name, $"{name} must be a number (the column is {reader.GetFieldType(ordinal).Name})", Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty);
        }

        if (!double.IsFinite(x))
        {
            throw Error(source, row, ordinal + 1, name, $"{name} must be a finite number", x.ToString("R", CultureInfo.InvariantCulture));
        }

        return x >= 0 ? x : throw Error(source, row, ordinal + 1, name, $"{name} must be zero or more", x.ToString("R", CultureInfo.InvariantCulture));
    }

    private static InvalidDataException Error(string source, int row, int column, string name, string problem, string value) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{source}, row {row}, column {column} ({name}): {problem} (was '{value}')."));
}
