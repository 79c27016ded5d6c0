using System.Globalization;

using Ltv.Core.Domain;
using Ltv.Core.Validation;

namespace Ltv.Core.History;

/// <summary>
/// One repeat-purchase summary per customer, as columns (structure of arrays): frequency x, recency t_x,
/// age T, first and repeat spend of the calibration period, and holdout frequency and spend; with the
/// customer ids, the unit, the currency and the counts of the rows summarised.
/// </summary>
/// <remarks>
/// <para>Rows are customers in order of first appearance in the log; customers whose first purchase is after
/// the calibration end are not rows (they have no calibration history) and are counted in
/// <see cref="ExcludedCustomerCount"/>. Spend columns are exact whole minor units of <see cref="Currency"/>;
/// <see cref="MonetaryAt(int)"/> gives the exact mean repeat transaction value and
/// <see cref="MonetaryValues"/> the double column the Gamma-Gamma spend model reads.</para>
/// <para>Immutable and thread safe.</para>
/// </remarks>
public sealed class CustomerSummaries
{
    private readonly Columns _c;
    private readonly System.Collections.ObjectModel.ReadOnlyCollection<string> _idsView;

    internal CustomerSummaries(Columns columns, Currency currency, SummaryOptions options, int rowCount, int calibrationRowCount, int excluded)
    {
        _c = columns;
        _idsView = Array.AsReadOnly(columns.Ids);
        Currency = currency;
        MinorUnitScale = MinorUnits.Scale(currency);
        Options = options;
        RowCount = rowCount;
        CalibrationRowCount = calibrationRowCount;
        ExcludedCustomerCount = excluded;
    }

    /// <summary>The options the summary was made with.</summary>
    public SummaryOptions Options { get; }

    /// <summary>The time unit of recency and age.</summary>
    public TimeUnit Unit => Options.Unit;

    /// <summary>The currency of the spend columns.</summary>
    public Currency Currency { get; }

    /// <summary>Minor units per major unit of <see cref="Currency"/>.</summary>
    public long MinorUnitScale { get; }

    /// <summary>The number of customers (rows of this table).</summary>
    public int Count => _c.Ids.Length;

    /// <summary>Log rows summarised (calibration and holdout, including rows of excluded customers).</summary>
    public int RowCount { get; }

    /// <summary>Log rows dated on or before the calibration end.</summary>
    public int CalibrationRowCount { get; }

    /// <summary>Log rows dated after the calibration end.</summary>
    public int HoldoutRowCount => RowCount - CalibrationRowCount;

    /// <summary>Customers left out because their first purchase is after the calibration end.</summary>
    public int ExcludedCustomerCount { get; }

    /// <summary>Customers with age T = 0 (first purchase on the calibration end): rows of this table, but left out by <see cref="ToPatterns"/>.</summary>
    public int ZeroAgeCount
    {
        get
        {
            var n = 0;
            foreach (var t in _c.Age)
            {
                n += t == 0d ? 1 : 0;
            }

            return n;
        }
    }

    /// <summary>The customer id of each row (a read-only view: casting it does not give a writable array).</summary>
    public IReadOnlyList<string> CustomerIds => _idsView;

    /// <summary>The id array itself, for loops inside the library; never handed out.</summary>
    internal string[] CustomerIdArray => _c.Ids;

    /// <summary>The date of each customer's first purchase.</summary>
    public ReadOnlySpan<int> FirstPurchaseDayNumber => _c.FirstDay;

    /// <summary>Repeat transactions x in the calibration period.</summary>
    public ReadOnlySpan<int> Frequency => _c.Frequency;

    /// <summary>Recency t_x: last minus first transaction, in <see cref="Unit"/>.</summary>
    public ReadOnlySpan<double> Recency => _c.Recency;

    /// <summary>Age T: calibration end minus first transaction, in <see cref="Unit"/>.</summary>
    public ReadOnlySpan<double> Age => _c.Age;

    /// <summary>Value of the first transaction (all rows of the first day or period), minor units.</summary>
    public ReadOnlySpan<long> FirstSpendMinor => _c.FirstSpend;

    /// <summary>Total value of the repeat transactions in the calibration period, minor units.</summary>
    public ReadOnlySpan<long> RepeatSpendMinor => _c.RepeatSpend;

    /// <summary>Transactions in the holdout period (after the calibration end).</summary>
    public ReadOnlySpan<int> HoldoutFrequency => _c.HoldoutFrequency;

    /// <summary>Total spend in the holdout period, minor units.</summary>
    public ReadOnlySpan<long> HoldoutSpendMinor => _c.HoldoutSpend;

    /// <summary>Customers with at least one repeat transaction.</summary>
    public int RepeatCustomerCount
    {
        get
        {
            var n = 0;
            foreach (var x in _c.Frequency)
            {
                n += x > 0 ? 1 : 0;
            }

            return n;
        }
    }

    /// <summary>The row of a customer id.</summary>
    /// <param name="customerId">The id.</param>
    /// <returns>The row, or -1 when the id is not a row.</returns>
    public int IndexOf(string customerId) => _c.Lookup.Value.TryGetValue(customerId, out var i) ? i : -1;

    /// <summary>The mean value of a customer's repeat transactions, exact; zero when x = 0.</summary>
    /// <param name="row">The customer row.</param>
    /// <returns>Repeat spend / x.</returns>
    public Money MonetaryAt(int row)
    {
        CheckRow(row);
        var x = _c.Frequency[row];
        return x == 0 ? Money.Zero(Currency) : new Money(MinorUnits.ToDecimal(_c.RepeatSpend[row], MinorUnitScale) / x, Currency);
    }

    /// <summary>The total calibration spend of a customer (first and repeat transactions), exact.</summary>
    /// <param name="row">The customer row.</param>
    /// <returns>The spend.</returns>
    public Money CalibrationSpendAt(int row)
    {
        CheckRow(row);
        return new Money(MinorUnits.ToDecimal(_c.FirstSpend[row] + _c.RepeatSpend[row], MinorUnitScale), Currency);
    }

    /// <summary>The holdout spend of a customer, exact.</summary>
    /// <param name="row">The customer row.</param>
    /// <returns>The spend.</returns>
    public Money HoldoutSpendAt(int row)
    {
        CheckRow(row);
        return new Money(MinorUnits.ToDecimal(_c.HoldoutSpend[row], MinorUnitScale), Currency);
    }

    /// <summary>The mean repeat transaction value of every customer in major units (0 when x = 0): the Gamma-Gamma input.</summary>
    /// <returns>A new array, one value per row.</returns>
    public double[] MonetaryValues()
    {
        var result = new double[Count];
        for (var i = 0; i < result.Length; i++)
        {
            var x = _c.Frequency[i];
            result[i] = x == 0 ? 0d : (double)_c.RepeatSpend[i] / MinorUnitScale / x;
        }

        return result;
    }

    /// <summary>
    /// Compresses the (x, t_x, T) rows into distinct patterns with counts for model fitting. Customers with
    /// age T = 0 (first purchase on the calibration end, see <see cref="ZeroAgeCount"/>) carry no information
    /// for the models and are left out.
    /// </summary>
    /// <returns>The patterns, in <see cref="Unit"/>.</returns>
    /// <exception cref="ArgumentException">No customer has an age above 0.</exception>
    public RfmPatterns ToPatterns()
    {
        var x = new List<double>(Count);
        var tx = new List<double>(Count);
        var t = new List<double>(Count);
        for (var i = 0; i < Count; i++)
        {
            if (_c.Age[i] > 0d)
            {
                x.Add(_c.Frequency[i]);
                tx.Add(_c.Recency[i]);
                t.Add(_c.Age[i]);
            }
        }

        return RfmPatterns.Compress(
            System.Runtime.InteropServices.CollectionsMarshal.AsSpan(x),
            System.Runtime.InteropServices.CollectionsMarshal.AsSpan(tx),
            System.Runtime.InteropServices.CollectionsMarshal.AsSpan(t),
            Unit);
    }

    /// <summary>
    /// The calibration columns as the <see cref="SummaryTable"/> every model and the summary CSV share: customer ids,
    /// frequency, recency, T and the mean repeat spend (as double, in major units), in <see cref="Unit"/>.
    /// </summary>
    /// <returns>A new table.</returns>
    public SummaryTable ToTable()
    {
        var frequency = new double[Count];
        for (var i = 0; i < frequency.Length; i++)
        {
            frequency[i] = _c.Frequency[i];
        }

        return SummaryTable.FromColumns(_c.Ids, frequency, _c.Recency, _c.Age, MonetaryValues(), Unit);
    }

    private void CheckRow(int row)
    {
        if ((uint)row >= (uint)Count)
        {
            throw Guard.OutOfRange(nameof(row), $"in [0, {Count})", row.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>The column arrays, filled by the summarizer.</summary>
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
            Lookup = new Lazy<Dictionary<string, int>>(() =>
            {
                var d = new Dictionary<string, int>(Ids.Length, StringComparer.Ordinal);
                for (var i = 0; i < Ids.Length; i++)
                {
                    d[Ids[i]] = i;
                }

                return d;
            });
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

        public Lazy<Dictionary<string, int>> Lookup { get; }
    }
}
