using System.Collections.ObjectModel;
using System.Globalization;

using Ltv.Core.Domain;
using Ltv.Core.Validation;

namespace Ltv.Core.History;

/// <summary>
/// The per-customer summary every model, the CLI and the bulk path read: one row per customer with its id and named
/// numeric columns (the lifetimes columns <c>frequency</c> x, <c>recency</c> t_x, <c>T</c> and <c>monetary_value</c>,
/// and any other a model declares), the time unit of the time columns, and where each row came from (for messages).
/// A summary made from a purchase log also holds the exact purchase history: first and repeat spend in whole minor
/// units of its currency, the holdout period, the first purchase dates and the counts of the rows summarised.
/// </summary>
/// <remarks>
/// <para><b>Where summaries come from.</b> <see cref="PurchaseLog.Summarize(SummaryOptions)"/>, the streaming readers
/// and <see cref="Pushdown.SqlSummaryReader"/> summarise a log (<see cref="HasPurchaseHistory"/> is
/// <see langword="true"/>); <see cref="IO.SummaryCsvReader"/> and the Parquet summary reader read a summary file, and
/// <see cref="FromColumns"/> takes columns you already have (lifetimes' or CLVTools' summary, a notebook's data frame):
/// these carry the named columns only, and the members of the purchase history throw
/// <see cref="InvalidOperationException"/>.</para>
/// <para><b>Conventions.</b> Rows that hold frequency, recency and T follow those of <see cref="RfmPatterns"/>:
/// frequency whole and zero or more; 0 ≤ recency ≤ T; recency 0 exactly when frequency is 0. Every value is finite and
/// zero or more; ids are present and unique. A summary of a log has its customers in order of first appearance in the
/// log; customers whose first purchase is after the calibration end are not rows (they have no calibration history)
/// and are counted in <see cref="ExcludedCustomerCount"/>.</para>
/// <para><b>For a fit</b>, <see cref="ToPatterns()"/> compresses the (x, t_x, T) rows into distinct weighted patterns;
/// for the bulk engine, <see cref="Bulk.SummaryColumns"/> turns the rows into the engine's driver columns.</para>
/// <para>Immutable and thread safe.</para>
/// </remarks>
public sealed class CustomerSummaries
{
    /// <summary>The name of the repeat-purchase column, x.</summary>
    public const string FrequencyColumn = "frequency";

    /// <summary>The name of the recency column, t_x.</summary>
    public const string RecencyColumn = "recency";

    /// <summary>The name of the age column, T.</summary>
    public const string AgeColumn = "T";

    /// <summary>The name of the mean repeat spend column (major units; 0 when x = 0).</summary>
    public const string MonetaryColumn = "monetary_value";

    private const string IdColumn = "customer_id";

    private readonly string[] _ids;
    private readonly ReadOnlyCollection<string> _idsView;
    private readonly Dictionary<string, double[]> _columns;
    private readonly Dictionary<string, int> _columnNumbers;
    private readonly int[]? _lines;
    private readonly int[]? _frequency;
    private readonly Columns? _history;
    private readonly SummaryOptions? _options;
    private readonly Lazy<Dictionary<string, int>> _lookup;
    private readonly int _excludedCustomerCount;
    private readonly int _calibrationRowCount;
    private readonly int _rowCount;
    private readonly long _minorUnitScale;
    private readonly Currency _currency;

    /// <summary>A summary of a purchase log, from the columns the summarizer filled.</summary>
    internal CustomerSummaries(Columns columns, Currency currency, SummaryOptions options, int rowCount, int calibrationRowCount, int excluded)
    {
        _history = columns;
        _options = options;
        _ids = columns.Ids;
        _frequency = columns.Frequency;
        Source = "the summary";
        Unit = options.Unit;
        _currency = currency;
        _minorUnitScale = MinorUnits.Scale(currency);
        _rowCount = rowCount;
        _calibrationRowCount = calibrationRowCount;
        _excludedCustomerCount = excluded;
        var n = _ids.Length;
        var frequency = new double[n];
        var monetary = new double[n];
        for (var i = 0; i < n; i++)
        {
            var x = columns.Frequency[i];
            frequency[i] = x;
            monetary[i] = x == 0 ? 0d : (double)columns.RepeatSpend[i] / MinorUnitScale / x;
        }

        _columns = new Dictionary<string, double[]>(StringComparer.Ordinal)
        {
            [FrequencyColumn] = frequency,
            [RecencyColumn] = columns.Recency,
            [AgeColumn] = columns.Age,
            [MonetaryColumn] = monetary,
        };
        _columnNumbers = new Dictionary<string, int>(StringComparer.Ordinal);
        _idsView = Array.AsReadOnly(_ids);
        _lookup = new Lazy<Dictionary<string, int>>(BuildLookup);
    }

    /// <summary>A summary of named columns (a summary file, or columns a caller has); validated by <see cref="FromTable"/>.</summary>
    private CustomerSummaries(string source, string[] ids, Dictionary<string, double[]> columns, Dictionary<string, int> columnNumbers, int[]? lines, TimeUnit? unit)
    {
        Source = source;
        _ids = ids;
        _columns = columns;
        _columnNumbers = columnNumbers;
        _lines = lines;
        Unit = unit;
        _idsView = Array.AsReadOnly(_ids);
        _lookup = new Lazy<Dictionary<string, int>>(BuildLookup);
        if (columns.TryGetValue(FrequencyColumn, out var x))
        {
            _frequency = new int[x.Length];
        }
    }

    /// <summary>Where the rows came from (a file name, or a description), used in messages.</summary>
    public string Source { get; }

    /// <summary>The time unit of recency and T (and of any other time column), or <see langword="null"/> when the source does not record it (a summary file without a <c>time_unit</c> column).</summary>
    public TimeUnit? Unit { get; }

    /// <summary>The number of customers (rows).</summary>
    public int Count => _ids.Length;

    /// <summary>The customer id of each row (a read-only view: casting it does not give a writable array).</summary>
    public IReadOnlyList<string> CustomerIds => _idsView;

    /// <summary>The names of the numeric columns this summary holds.</summary>
    public IReadOnlyCollection<string> ColumnNames => _columns.Keys;

    /// <summary>Whether the summary was made from a purchase log and so holds the exact purchase history: spend in minor units, holdout, first purchase dates, row counts and options.</summary>
    public bool HasPurchaseHistory => _history is not null;

    /// <summary>Repeat transactions x per customer (the <c>frequency</c> column).</summary>
    /// <exception cref="InvalidDataException">The summary has no such column.</exception>
    public ReadOnlySpan<int> Frequency => _frequency ?? throw MissingColumn(FrequencyColumn);

    /// <summary>Recency t_x per customer: last minus first transaction, in <see cref="Unit"/> (the <c>recency</c> column).</summary>
    /// <exception cref="InvalidDataException">The summary has no such column.</exception>
    public ReadOnlySpan<double> Recency => Column(RecencyColumn);

    /// <summary>Age T per customer: calibration end minus first transaction, in <see cref="Unit"/> (the <c>T</c> column).</summary>
    /// <exception cref="InvalidDataException">The summary has no such column.</exception>
    public ReadOnlySpan<double> Age => Column(AgeColumn);

    /// <summary>The mean repeat transaction value per customer in major units, 0 when x = 0 (the <c>monetary_value</c> column, the Gamma-Gamma input).</summary>
    /// <exception cref="InvalidDataException">The summary has no such column.</exception>
    public ReadOnlySpan<double> Monetary => Column(MonetaryColumn);

    /// <summary>Customers with age T = 0 (first purchase on the calibration end): rows of this summary, but left out by <see cref="ToPatterns()"/>.</summary>
    /// <exception cref="InvalidDataException">The summary has no <c>T</c> column.</exception>
    public int ZeroAgeCount
    {
        get
        {
            var n = 0;
            foreach (var t in Age)
            {
                n += t == 0d ? 1 : 0;
            }

            return n;
        }
    }

    /// <summary>Customers with at least one repeat transaction.</summary>
    /// <exception cref="InvalidDataException">The summary has no <c>frequency</c> column.</exception>
    public int RepeatCustomerCount
    {
        get
        {
            var n = 0;
            foreach (var x in Frequency)
            {
                n += x > 0 ? 1 : 0;
            }

            return n;
        }
    }

    /// <summary>The options the log was summarised with.</summary>
    /// <exception cref="InvalidOperationException">The summary holds no purchase history (see <see cref="HasPurchaseHistory"/>).</exception>
    public SummaryOptions Options => _options ?? throw NoHistory(nameof(Options));

    /// <summary>The currency of the spend columns.</summary>
    /// <exception cref="InvalidOperationException">The summary holds no purchase history (see <see cref="HasPurchaseHistory"/>).</exception>
    public Currency Currency => _history is not null ? _currency : throw NoHistory(nameof(Currency));

    /// <summary>Minor units per major unit of <see cref="Currency"/>.</summary>
    /// <exception cref="InvalidOperationException">The summary holds no purchase history (see <see cref="HasPurchaseHistory"/>).</exception>
    public long MinorUnitScale => _history is not null ? _minorUnitScale : throw NoHistory(nameof(MinorUnitScale));

    /// <summary>Log rows summarised (calibration and holdout, including rows of excluded customers).</summary>
    /// <exception cref="InvalidOperationException">The summary holds no purchase history (see <see cref="HasPurchaseHistory"/>).</exception>
    public int RowCount => _history is not null ? _rowCount : throw NoHistory(nameof(RowCount));

    /// <summary>Log rows dated on or before the calibration end.</summary>
    /// <exception cref="InvalidOperationException">The summary holds no purchase history (see <see cref="HasPurchaseHistory"/>).</exception>
    public int CalibrationRowCount => _history is not null ? _calibrationRowCount : throw NoHistory(nameof(CalibrationRowCount));

    /// <summary>Log rows dated after the calibration end.</summary>
    /// <exception cref="InvalidOperationException">The summary holds no purchase history (see <see cref="HasPurchaseHistory"/>).</exception>
    public int HoldoutRowCount => RowCount - CalibrationRowCount;

    /// <summary>Customers left out because their first purchase is after the calibration end.</summary>
    /// <exception cref="InvalidOperationException">The summary holds no purchase history (see <see cref="HasPurchaseHistory"/>).</exception>
    public int ExcludedCustomerCount => _history is not null ? _excludedCustomerCount : throw NoHistory(nameof(ExcludedCustomerCount));

    /// <summary>The day number (<see cref="DateOnly.DayNumber"/>) of each customer's first purchase.</summary>
    /// <exception cref="InvalidOperationException">The summary holds no purchase history (see <see cref="HasPurchaseHistory"/>).</exception>
    public ReadOnlySpan<int> FirstPurchaseDayNumber => History(nameof(FirstPurchaseDayNumber)).FirstDay;

    /// <summary>Value of the first transaction (all rows of the first day or period), minor units.</summary>
    /// <exception cref="InvalidOperationException">The summary holds no purchase history (see <see cref="HasPurchaseHistory"/>).</exception>
    public ReadOnlySpan<long> FirstSpendMinor => History(nameof(FirstSpendMinor)).FirstSpend;

    /// <summary>Total value of the repeat transactions in the calibration period, minor units.</summary>
    /// <exception cref="InvalidOperationException">The summary holds no purchase history (see <see cref="HasPurchaseHistory"/>).</exception>
    public ReadOnlySpan<long> RepeatSpendMinor => History(nameof(RepeatSpendMinor)).RepeatSpend;

    /// <summary>Transactions in the holdout period (after the calibration end).</summary>
    /// <exception cref="InvalidOperationException">The summary holds no purchase history (see <see cref="HasPurchaseHistory"/>).</exception>
    public ReadOnlySpan<int> HoldoutFrequency => History(nameof(HoldoutFrequency)).HoldoutFrequency;

    /// <summary>Total spend in the holdout period, minor units.</summary>
    /// <exception cref="InvalidOperationException">The summary holds no purchase history (see <see cref="HasPurchaseHistory"/>).</exception>
    public ReadOnlySpan<long> HoldoutSpendMinor => History(nameof(HoldoutSpendMinor)).HoldoutSpend;

    /// <summary>The id array itself, for loops inside the library; never handed out.</summary>
    internal string[] CustomerIdArray => _ids;

    /// <summary>
    /// Builds a summary from lifetimes-style columns (for example a summary made by another tool), validated as a
    /// summary file is. It holds the named columns only (no purchase history).
    /// </summary>
    /// <param name="customerIds">The ids, present and unique.</param>
    /// <param name="frequency">x per customer: whole, zero or more.</param>
    /// <param name="recency">t_x per customer.</param>
    /// <param name="age">T per customer.</param>
    /// <param name="monetary">Mean repeat spend per customer, major units (0 when x = 0).</param>
    /// <param name="unit">The time unit of recency and T.</param>
    /// <returns>The summary.</returns>
    /// <exception cref="ArgumentException">The columns differ in length.</exception>
    /// <exception cref="InvalidDataException">A value breaks the conventions; the message names the row, the column and the value.</exception>
    public static CustomerSummaries FromColumns(IReadOnlyList<string> customerIds, ReadOnlySpan<double> frequency, ReadOnlySpan<double> recency, ReadOnlySpan<double> age, ReadOnlySpan<double> monetary, TimeUnit unit)
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
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal) { [IdColumn] = 1, [FrequencyColumn] = 2, [RecencyColumn] = 3, [AgeColumn] = 4, [MonetaryColumn] = 5 };
        var ids = new string[n];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            ids[i] = customerIds[i];
            if (string.IsNullOrEmpty(ids[i]) || !seen.Add(ids[i]))
            {
                throw Error("summary", i + 1, 1, IdColumn, "the customer id is blank or repeated", ids[i] ?? string.Empty, rowNumbers: true);
            }

            foreach (var (name, values) in columns)
            {
                if (!double.IsFinite(values[i]) || values[i] < 0)
                {
                    throw Error("summary", i + 1, numbers[name], name, $"{name} must be finite and zero or more", Guard.Show(values[i]), rowNumbers: true);
                }
            }
        }

        return FromTable("summary", ids, columns, numbers, null, Guard.Defined(unit));
    }

    /// <summary>
    /// A summary of named columns read by a summary reader, checked against the conventions that link frequency,
    /// recency and T (each value is already finite and zero or more).
    /// </summary>
    /// <param name="source">The file or description, for messages.</param>
    /// <param name="ids">The ids, present and unique.</param>
    /// <param name="columns">The numeric columns by name.</param>
    /// <param name="columnNumbers">The 1-based column number of each name in the source.</param>
    /// <param name="lines">The 1-based line of each row, or <see langword="null"/> when the source has rows, not lines (messages then say "row").</param>
    /// <param name="unit">The recorded time unit, if any.</param>
    internal static CustomerSummaries FromTable(string source, string[] ids, Dictionary<string, double[]> columns, Dictionary<string, int> columnNumbers, int[]? lines, TimeUnit? unit)
    {
        var summaries = new CustomerSummaries(source, ids, columns, columnNumbers, lines, unit);
        for (var i = 0; i < ids.Length; i++)
        {
            summaries.CheckRow(i);
        }

        return summaries;
    }

    /// <summary>Whether the summary has a numeric column of that name.</summary>
    /// <param name="name">The column name as in the header.</param>
    /// <returns><see langword="true"/> when the column is present.</returns>
    public bool HasColumn(string name) => _columns.ContainsKey(name);

    /// <summary>A numeric column by its name.</summary>
    /// <param name="name">The column name.</param>
    /// <returns>One value per customer.</returns>
    /// <exception cref="InvalidDataException">The summary has no such column; the message names the source and the column.</exception>
    public ReadOnlySpan<double> Column(string name) =>
        _columns.TryGetValue(name, out var values) ? values : throw MissingColumn(name);

    /// <summary>The row of a customer id.</summary>
    /// <param name="customerId">The id.</param>
    /// <returns>The row, or -1 when the id is not a row.</returns>
    public int IndexOf(string customerId) => _lookup.Value.TryGetValue(customerId, out var i) ? i : -1;

    /// <summary>The 1-based line of a row in <see cref="Source"/>, or its 1-based row number when the source has no lines (a log, a Parquet file, columns).</summary>
    /// <param name="row">The 0-based row.</param>
    /// <returns>The line or row number.</returns>
    public int LineOf(int row)
    {
        CheckIndex(row);
        return _lines is null ? row + 1 : _lines[row];
    }

    /// <summary>The error for a value a model cannot use: names the source, the line (or row), the column and the value.</summary>
    /// <param name="row">The 0-based row.</param>
    /// <param name="column">The column name.</param>
    /// <param name="problem">What is wrong, without a final period.</param>
    /// <returns>The exception to throw.</returns>
    public InvalidDataException Error(int row, string column, string problem)
    {
        CheckIndex(row);
        var value = _columns.TryGetValue(column, out var values) ? Guard.Show(values[row]) : _ids[row];
        var number = _columnNumbers.TryGetValue(column, out var c) ? c : 0;
        return Error(Source, LineOf(row), number, column, problem, value, rowNumbers: _lines is null);
    }

    /// <summary>The mean value of a customer's repeat transactions, exact; zero when x = 0.</summary>
    /// <param name="row">The customer row.</param>
    /// <returns>Repeat spend / x.</returns>
    /// <exception cref="InvalidOperationException">The summary holds no purchase history (see <see cref="HasPurchaseHistory"/>).</exception>
    public Money MonetaryAt(int row)
    {
        var h = History(nameof(MonetaryAt));
        CheckIndex(row);
        var x = h.Frequency[row];
        return x == 0 ? Money.Zero(Currency) : new Money(MinorUnits.ToDecimal(h.RepeatSpend[row], MinorUnitScale) / x, Currency);
    }

    /// <summary>The total calibration spend of a customer (first and repeat transactions), exact.</summary>
    /// <param name="row">The customer row.</param>
    /// <returns>The spend.</returns>
    /// <exception cref="InvalidOperationException">The summary holds no purchase history (see <see cref="HasPurchaseHistory"/>).</exception>
    public Money CalibrationSpendAt(int row)
    {
        var h = History(nameof(CalibrationSpendAt));
        CheckIndex(row);
        return new Money(MinorUnits.ToDecimal(h.FirstSpend[row] + h.RepeatSpend[row], MinorUnitScale), Currency);
    }

    /// <summary>The holdout spend of a customer, exact.</summary>
    /// <param name="row">The customer row.</param>
    /// <returns>The spend.</returns>
    /// <exception cref="InvalidOperationException">The summary holds no purchase history (see <see cref="HasPurchaseHistory"/>).</exception>
    public Money HoldoutSpendAt(int row)
    {
        var h = History(nameof(HoldoutSpendAt));
        CheckIndex(row);
        return new Money(MinorUnits.ToDecimal(h.HoldoutSpend[row], MinorUnitScale), Currency);
    }

    /// <summary>
    /// Compresses the (x, t_x, T) rows into distinct patterns with counts for model fitting, in <see cref="Unit"/>.
    /// Customers with age T = 0 (see <see cref="ZeroAgeCount"/>) carry no information for the models and are left out.
    /// </summary>
    /// <returns>The patterns.</returns>
    /// <exception cref="InvalidOperationException">The summary does not record its unit: use <see cref="ToPatterns(TimeUnit)"/>.</exception>
    /// <exception cref="InvalidDataException">No customer has an age above 0, or a column is missing.</exception>
    public RfmPatterns ToPatterns() =>
        ToPatterns(Unit ?? throw new InvalidOperationException($"{Source} does not record its time unit (no time_unit column): call ToPatterns(unit) with the unit of recency and T."));

    /// <summary>The rows with T &gt; 0 as compressed patterns in the given unit (T = 0 carries no information for a fit; see <see cref="ZeroAgeCount"/>).</summary>
    /// <param name="unit">The unit of the patterns: the summary's <see cref="Unit"/> must be it, or unknown.</param>
    /// <returns>The patterns.</returns>
    /// <exception cref="InvalidDataException">No row has T &gt; 0, or a column is missing.</exception>
    /// <exception cref="UnitMismatchException">The summary is in another unit.</exception>
    public RfmPatterns ToPatterns(TimeUnit unit)
    {
        Guard.Defined(unit);
        if (Unit is { } own && own != unit)
        {
            throw new UnitMismatchException(own, unit, $"the patterns of {Source}");
        }

        var x = Frequency;
        var tx = Recency;
        var t = Age;
        var kept = 0;
        foreach (var age in t)
        {
            kept += age > 0d ? 1 : 0;
        }

        if (kept == 0)
        {
            throw new InvalidDataException($"{Source}: no customer with T greater than 0 to fit on ({Count} rows).");
        }

        var kx = new double[kept];
        var ktx = new double[kept];
        var kt = new double[kept];
        var k = 0;
        for (var i = 0; i < t.Length; i++)
        {
            if (t[i] > 0d)
            {
                kx[k] = x[i];
                ktx[k] = tx[i];
                kt[k] = t[i];
                k++;
            }
        }

        return RfmPatterns.Compress(kx, ktx, kt, unit);
    }

    /// <summary>The names of the numeric columns in the order files are written: the lifetimes columns first, then the others (ordinal).</summary>
    internal string[] ColumnNamesInFileOrder()
    {
        string[] lifetimes = [FrequencyColumn, RecencyColumn, AgeColumn, MonetaryColumn];
        return [.. lifetimes.Where(HasColumn), .. _columns.Keys.Where(n => Array.IndexOf(lifetimes, n) < 0).Order(StringComparer.Ordinal)];
    }

    /// <summary>Refuses a summary without purchase history, for library methods that need it; the message says what needs it.</summary>
    internal void RequireHistory(string what)
    {
        if (_history is null)
        {
            throw new ArgumentException($"{what} needs the purchase history (exact spend, holdout, first purchase dates) of a summarised log, and {Source} holds only summary columns; summarise the purchase log instead.");
        }
    }

    internal static InvalidDataException Error(string source, int line, int column, string name, string problem, string value, bool rowNumbers = false)
    {
        var where = rowNumbers ? "row" : "line";
        return new(column > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{source}, {where} {line}, column {column} ({name}): {problem} (was '{value}').")
            : string.Create(CultureInfo.InvariantCulture, $"{source}, {where} {line} ({name}): {problem} (was '{value}')."));
    }

    /// <summary>The conventions that link frequency, recency and T, when the summary has them; fills the whole-number frequency.</summary>
    private void CheckRow(int i)
    {
        if (!_columns.TryGetValue(FrequencyColumn, out var x))
        {
            return;
        }

        if (x[i] != Math.Floor(x[i]) || x[i] > int.MaxValue)
        {
            throw Error(i, FrequencyColumn, "frequency must be a whole number up to 2147483647");
        }

        _frequency![i] = (int)x[i];
        if (!_columns.TryGetValue(RecencyColumn, out var tx) || !_columns.TryGetValue(AgeColumn, out var t))
        {
            return;
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

    private Dictionary<string, int> BuildLookup()
    {
        var d = new Dictionary<string, int>(_ids.Length, StringComparer.Ordinal);
        for (var i = 0; i < _ids.Length; i++)
        {
            d[_ids[i]] = i;
        }

        return d;
    }

    private Columns History(string member) => _history ?? throw NoHistory(member);

    private InvalidOperationException NoHistory(string member) =>
        new($"{member}: {Source} holds only summary columns ({string.Join(", ", _columns.Keys)}), not the purchase history of a summarised log (exact spend, holdout, first purchase dates, row counts); summarise the purchase log for it.");

    private InvalidDataException MissingColumn(string name) =>
        new($"{Source}: has no column '{name}' (has {string.Join(", ", _columns.Keys)}).");

    private void CheckIndex(int row)
    {
        if ((uint)row >= (uint)Count)
        {
            throw Guard.OutOfRange(nameof(row), $"in [0, {Count})", row.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>The column arrays of a summarised log, filled by the summarizer.</summary>
    internal sealed class Columns
    {
        public Columns(int count)
        {
            Ids = new string[count];
            FirstDay = new int[count];
            Frequency = new int[count];
            Recency = new double[count];
            Age = new double[count];
            FirstSpend = new long[count];
            RepeatSpend = new long[count];
            HoldoutFrequency = new int[count];
            HoldoutSpend = new long[count];
        }

        public string[] Ids { get; }

        public int[] FirstDay { get; }

        public int[] Frequency { get; }

        public double[] Recency { get; }

        public double[] Age { get; }

        public long[] FirstSpend { get; }

        public long[] RepeatSpend { get; }

        public int[] HoldoutFrequency { get; }

        public long[] HoldoutSpend { get; }

        /// <summary>Fills one customer's row from a summarizer's totals: times in days or periods from the first transaction, divided by the days of one unit.</summary>
        public void Set(int row, string id, int firstDay, int first, int last, int end, double daysPerUnit, int transactions, long firstSum, long calibrationSum, int holdoutTransactions, long holdoutSum)
        {
            Ids[row] = id;
            FirstDay[row] = firstDay;
            Frequency[row] = transactions - 1;
            Recency[row] = (last - first) / daysPerUnit;
            Age[row] = (end - first) / daysPerUnit;
            FirstSpend[row] = firstSum;
            RepeatSpend[row] = checked(calibrationSum - firstSum);
            HoldoutFrequency[row] = holdoutTransactions;
            HoldoutSpend[row] = holdoutSum;
        }
    }
}
