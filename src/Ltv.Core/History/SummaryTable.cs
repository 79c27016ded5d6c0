using System.Globalization;

using Ltv.Core.Domain;
using Ltv.Core.Validation;

namespace Ltv.Core.History;

/// <summary>
/// The public per-customer summary every model reads: one row per customer with its id and named numeric columns
/// (the lifetimes columns <c>frequency</c>, <c>recency</c>, <c>T</c>, <c>monetary_value</c> and any other a model
/// declares), the time unit of the time columns when it is known, and where each row came from (for messages).
/// </summary>
/// <remarks>
/// <para>Rows that hold frequency, recency and T follow the conventions of <see cref="RfmPatterns"/>: frequency
/// whole and zero or more; 0 ≤ recency ≤ T; recency 0 exactly when frequency is 0. Every value is finite and zero or
/// more; ids are present and unique. Built by <see cref="IO.SummaryCsvReader"/> from a summary CSV, by
/// <see cref="CustomerSummaries.ToTable"/> from a summarised log, or by <see cref="FromColumns"/>.</para>
/// <para>Immutable and thread safe.</para>
/// </remarks>
public sealed class SummaryTable
{
    /// <summary>The name of the repeat-purchase column, x.</summary>
    public const string FrequencyColumn = "frequency";

    /// <summary>The name of the recency column, t_x.</summary>
    public const string RecencyColumn = "recency";

    /// <summary>The name of the age column, T.</summary>
    public const string AgeColumn = "T";

    /// <summary>The name of the mean repeat spend column.</summary>
    public const string MonetaryColumn = "monetary_value";

    private readonly string[] _ids;
    private readonly Dictionary<string, double[]> _columns;
    private readonly Dictionary<string, int> _columnNumbers;
    private readonly int[] _lines;

    internal SummaryTable(string source, string[] ids, Dictionary<string, double[]> columns, Dictionary<string, int> columnNumbers, int[] lines, TimeUnit? unit)
    {
        Source = source;
        _ids = ids;
        _columns = columns;
        _columnNumbers = columnNumbers;
        _lines = lines;
        Unit = unit;
    }

    /// <summary>Where the rows came from (a file name, or a description), used in messages.</summary>
    public string Source { get; }

    /// <summary>The time unit of recency and T (and of any other time column), or <see langword="null"/> when the source does not record it.</summary>
    public TimeUnit? Unit { get; }

    /// <summary>The number of customers (rows).</summary>
    public int Count => _ids.Length;

    /// <summary>The customer id of each row.</summary>
    public IReadOnlyList<string> CustomerIds => _ids;

    /// <summary>The names of the numeric columns this table holds.</summary>
    public IReadOnlyCollection<string> ColumnNames => _columns.Keys;

    /// <summary>x per customer (the <c>frequency</c> column).</summary>
    /// <exception cref="InvalidDataException">The table has no such column.</exception>
    public ReadOnlySpan<double> Frequency => Column(FrequencyColumn);

    /// <summary>t_x per customer (the <c>recency</c> column).</summary>
    /// <exception cref="InvalidDataException">The table has no such column.</exception>
    public ReadOnlySpan<double> Recency => Column(RecencyColumn);

    /// <summary>T per customer (the <c>T</c> column).</summary>
    /// <exception cref="InvalidDataException">The table has no such column.</exception>
    public ReadOnlySpan<double> Age => Column(AgeColumn);

    /// <summary>The mean repeat spend per customer (the <c>monetary_value</c> column; 0 when x = 0).</summary>
    /// <exception cref="InvalidDataException">The table has no such column.</exception>
    public ReadOnlySpan<double> Monetary => Column(MonetaryColumn);

    /// <summary>Builds a table from lifetimes-style columns, validated as a summary file is.</summary>
    /// <param name="customerIds">The ids, present and unique.</param>
    /// <param name="frequency">x per customer.</param>
    /// <param name="recency">t_x per customer.</param>
    /// <param name="age">T per customer.</param>
    /// <param name="monetary">Mean repeat spend per customer.</param>
    /// <param name="unit">The time unit of recency and T.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentException">The columns differ in length.</exception>
    /// <exception cref="InvalidDataException">A value breaks the conventions; the message names the row, the column and the value.</exception>
    public static SummaryTable FromColumns(IReadOnlyList<string> customerIds, ReadOnlySpan<double> frequency, ReadOnlySpan<double> recency, ReadOnlySpan<double> age, ReadOnlySpan<double> monetary, TimeUnit unit)
    {
        ArgumentNullException.ThrowIfNull(customerIds);
        var n = customerIds.Count;
        if (frequency.Length != n || recency.Length != n || age.Length != n || monetary.Length != n)
        {
            throw new ArgumentException($"customerIds, frequency, recency, age and monetary must have the same length (were {n}, {frequency.Length}, {recency.Length}, {age.Length}, {monetary.Length}).", nameof(customerIds));
        }

        var columns = new Dictionary<string, double[]>(StringComparer.Ordinal)
        {
            [FrequencyColumn] = frequency.ToArray(),
            [RecencyColumn] = recency.ToArray(),
            [AgeColumn] = age.ToArray(),
            [MonetaryColumn] = monetary.ToArray(),
        };
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal) { ["customer_id"] = 1, [FrequencyColumn] = 2, [RecencyColumn] = 3, [AgeColumn] = 4, [MonetaryColumn] = 5 };
        var lines = Enumerable.Range(1, n).ToArray();
        var table = new SummaryTable("summary", [.. customerIds], columns, numbers, lines, Guard.Defined(unit));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            if (string.IsNullOrEmpty(customerIds[i]) || !seen.Add(customerIds[i]))
            {
                throw new InvalidDataException($"summary, row {i + 1} (customer_id): the customer id is blank or repeated (was '{customerIds[i]}').");
            }

            foreach (var (name, values) in columns)
            {
                if (!double.IsFinite(values[i]) || values[i] < 0)
                {
                    throw table.Error(i, name, $"{name} must be finite and zero or more");
                }
            }

            table.CheckRfm(i);
        }

        return table;
    }

    /// <summary>Whether the table has a numeric column of that name.</summary>
    /// <param name="name">The column name as in the header.</param>
    /// <returns><see langword="true"/> when the column is present.</returns>
    public bool HasColumn(string name) => _columns.ContainsKey(name);

    /// <summary>A numeric column by its header name.</summary>
    /// <param name="name">The column name.</param>
    /// <returns>One value per customer.</returns>
    /// <exception cref="InvalidDataException">The table has no such column; the message names the source and the column.</exception>
    public ReadOnlySpan<double> Column(string name) =>
        _columns.TryGetValue(name, out var values)
            ? values
            : throw new InvalidDataException($"{Source}: has no column '{name}' (has {string.Join(", ", _columns.Keys)}).");

    /// <summary>The 1-based line (or row number) of a row in <see cref="Source"/>.</summary>
    /// <param name="row">The 0-based row.</param>
    /// <returns>The line.</returns>
    public int LineOf(int row) => _lines[row];

    /// <summary>The error for a value a model cannot use: names the source, the line, the column and the value.</summary>
    /// <param name="row">The 0-based row.</param>
    /// <param name="column">The column name.</param>
    /// <param name="problem">What is wrong, without a final period.</param>
    /// <returns>The exception to throw.</returns>
    public InvalidDataException Error(int row, string column, string problem)
    {
        var value = _columns.TryGetValue(column, out var values) ? Guard.Show(values[row]) : _ids[row];
        var number = _columnNumbers.TryGetValue(column, out var c) ? c : 0;
        return Error(Source, _lines[row], number, column, problem, value);
    }

    /// <summary>The rows with T &gt; 0 as compressed patterns (T = 0 carries no information for a fit).</summary>
    /// <param name="unit">The unit of the patterns: the table's <see cref="Unit"/> must be it, or unknown.</param>
    /// <returns>The patterns and the number of rows left out because T = 0.</returns>
    /// <exception cref="InvalidDataException">No row has T &gt; 0, or a column is missing.</exception>
    /// <exception cref="UnitMismatchException">The table is in another unit.</exception>
    public (RfmPatterns Patterns, int LeftOut) ToPatterns(TimeUnit unit)
    {
        if (Unit is { } own && own != unit)
        {
            throw new UnitMismatchException(own, unit, $"the patterns of {Source}");
        }

        var x = Frequency;
        var tx = Recency;
        var t = Age;
        var keep = new List<int>(Count);
        for (var i = 0; i < Count; i++)
        {
            if (t[i] > 0)
            {
                keep.Add(i);
            }
        }

        if (keep.Count == 0)
        {
            throw new InvalidDataException($"{Source}: no customer with T greater than 0 to fit on ({Count} rows).");
        }

        var kx = new double[keep.Count];
        var ktx = new double[keep.Count];
        var kt = new double[keep.Count];
        for (var k = 0; k < keep.Count; k++)
        {
            kx[k] = x[keep[k]];
            ktx[k] = tx[keep[k]];
            kt[k] = t[keep[k]];
        }

        return (RfmPatterns.Compress(kx, ktx, kt, unit), Count - keep.Count);
    }

    internal static InvalidDataException Error(string source, int line, int column, string name, string problem, string value) =>
        new(column > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{source}, line {line}, column {column} ({name}): {problem} (was '{value}').")
            : string.Create(CultureInfo.InvariantCulture, $"{source}, line {line} ({name}): {problem} (was '{value}')."));

    /// <summary>The conventions that link frequency, recency and T, when the table has all three.</summary>
    internal void CheckRfm(int i)
    {
        if (!_columns.TryGetValue(FrequencyColumn, out var x) || !_columns.TryGetValue(RecencyColumn, out var tx) || !_columns.TryGetValue(AgeColumn, out var t))
        {
            return;
        }

        if (x[i] != Math.Floor(x[i]))
        {
            throw Error(i, FrequencyColumn, "frequency must be a whole number");
        }

        if (tx[i] > t[i])
        {
            throw Error(i, RecencyColumn, $"recency must not exceed T = {Guard.Show(t[i])}");
        }

        if (x[i] == 0 && tx[i] != 0)
        {
            throw Error(i, RecencyColumn, "recency must be 0 when frequency is 0");
        }

        if (x[i] > 0 && tx[i] == 0)
        {
            throw Error(i, RecencyColumn, "recency must be greater than 0 when frequency is greater than 0");
        }
    }
}
