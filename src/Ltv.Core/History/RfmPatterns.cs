using System.Globalization;

using Ltv.Core.Domain;
using Ltv.Core.Validation;

namespace Ltv.Core.History;

/// <summary>
/// The fit input of the probabilistic models, derived from <see cref="CustomerSummaries"/> (the one per-customer
/// summary) by <see cref="CustomerSummaries.ToPatterns()"/>: the distinct (frequency x, recency t_x, age T) rows of a
/// customer base, each with the number of customers (a weight) who share it, in one explicit <see cref="TimeUnit"/>,
/// with no customer ids.
/// </summary>
/// <remarks>
/// <para>Conventions (as in lifetimes and BTYD): x = number of repeat transactions (whole, zero or more);
/// t_x = time from the first to the last transaction (0 when x = 0, greater than 0 when x &gt; 0);
/// T = time from the first transaction to the end of observation, greater than 0 and at least t_x.</para>
/// <para>Fitting cost grows with <see cref="Count"/> (distinct rows), not with the number of customers.
/// Rows keep the order in which each distinct pattern first appeared. Immutable and thread safe.</para>
/// </remarks>
public sealed class RfmPatterns
{
    private readonly double[] _frequency;
    private readonly double[] _recency;
    private readonly double[] _age;
    private readonly double[] _weight;

    private RfmPatterns(double[] frequency, double[] recency, double[] age, double[] weight, TimeUnit unit)
    {
        _frequency = frequency;
        _recency = recency;
        _age = age;
        _weight = weight;
        Unit = unit;
        double total = 0;
        foreach (var w in weight)
        {
            total += w;
        }

        CustomerCount = total;
    }

    /// <summary>The time unit of recency and age.</summary>
    public TimeUnit Unit { get; }

    /// <summary>The number of distinct (x, t_x, T) rows.</summary>
    public int Count => _frequency.Length;

    /// <summary>The number of customers: the sum of the weights.</summary>
    public double CustomerCount { get; }

    /// <summary>Repeat transactions x per row.</summary>
    public ReadOnlySpan<double> Frequency => _frequency;

    /// <summary>Recency t_x per row, in <see cref="Unit"/>.</summary>
    public ReadOnlySpan<double> Recency => _recency;

    /// <summary>Age T per row, in <see cref="Unit"/>.</summary>
    public ReadOnlySpan<double> Age => _age;

    /// <summary>Customers per row (positive).</summary>
    public ReadOnlySpan<double> Weight => _weight;

    /// <summary>Compresses one row per customer into distinct rows with counts.</summary>
    /// <param name="frequency">x per customer.</param>
    /// <param name="recency">t_x per customer.</param>
    /// <param name="age">T per customer.</param>
    /// <param name="unit">The time unit of recency and age.</param>
    /// <returns>The distinct rows with their counts.</returns>
    /// <exception cref="ArgumentException">The spans differ in length or are empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value breaks the conventions; the message names the column, the row and the value.</exception>
    public static RfmPatterns Compress(ReadOnlySpan<double> frequency, ReadOnlySpan<double> recency, ReadOnlySpan<double> age, TimeUnit unit)
    {
        CheckLengths(frequency.Length, recency.Length, age.Length, frequency.Length);
        var index = new Dictionary<(double X, double Tx, double T), int>();
        var x = new List<double>();
        var tx = new List<double>();
        var t = new List<double>();
        var w = new List<double>();
        for (var i = 0; i < frequency.Length; i++)
        {
            Validate(frequency[i], recency[i], age[i], 1d, i);
            var key = (frequency[i], recency[i], age[i]);
            if (index.TryGetValue(key, out var row))
            {
                w[row] += 1d;
            }
            else
            {
                index.Add(key, x.Count);
                x.Add(key.Item1);
                tx.Add(key.Item2);
                t.Add(key.Item3);
                w.Add(1d);
            }
        }

        return new RfmPatterns([.. x], [.. tx], [.. t], [.. w], unit);
    }

    /// <summary>Takes rows that already carry weights (for example published pattern tables); rows are not merged.</summary>
    /// <param name="frequency">x per row.</param>
    /// <param name="recency">t_x per row.</param>
    /// <param name="age">T per row.</param>
    /// <param name="weight">Customers per row, positive.</param>
    /// <param name="unit">The time unit of recency and age.</param>
    /// <returns>The patterns.</returns>
    /// <exception cref="ArgumentException">The spans differ in length or are empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value breaks the conventions; the message names the column, the row and the value.</exception>
    public static RfmPatterns FromWeightedRows(ReadOnlySpan<double> frequency, ReadOnlySpan<double> recency, ReadOnlySpan<double> age, ReadOnlySpan<double> weight, TimeUnit unit)
    {
        CheckLengths(frequency.Length, recency.Length, age.Length, weight.Length);
        for (var i = 0; i < frequency.Length; i++)
        {
            Validate(frequency[i], recency[i], age[i], weight[i], i);
        }

        return new RfmPatterns(frequency.ToArray(), recency.ToArray(), age.ToArray(), weight.ToArray(), unit);
    }

    private static void CheckLengths(int x, int tx, int t, int w)
    {
        if (x != tx || x != t || x != w)
        {
            throw new ArgumentException($"frequency, recency, age and weight must have the same length (were {x}, {tx}, {t}, {w}).", "recency");
        }

        if (x == 0)
        {
            throw new ArgumentException("frequency must hold at least one customer (was empty).", "frequency");
        }
    }

    private static void Validate(double x, double tx, double t, double w, int row)
    {
        string At(string column) => $"{column} at row {row.ToString(CultureInfo.InvariantCulture)}";
        if (!double.IsFinite(x) || x < 0 || x != Math.Floor(x))
        {
            throw Guard.OutOfRange(At("frequency"), "a whole number, zero or more", Guard.Show(x));
        }

        if (!double.IsFinite(t) || t <= 0)
        {
            throw Guard.OutOfRange(At("age"), "finite and greater than 0", Guard.Show(t));
        }

        if (!double.IsFinite(tx) || tx < 0 || tx > t)
        {
            throw Guard.OutOfRange(At("recency"), $"between 0 and the age T = {Guard.Show(t)}", Guard.Show(tx));
        }

        if (x > 0 && tx == 0)
        {
            throw Guard.OutOfRange(At("recency"), $"greater than 0 when frequency is {Guard.Show(x)} (a repeat purchase happens after the first)", Guard.Show(tx));
        }

        if (x == 0 && tx != 0)
        {
            throw Guard.OutOfRange(At("recency"), "0 when frequency is 0", Guard.Show(tx));
        }

        if (!double.IsFinite(w) || w <= 0)
        {
            throw Guard.OutOfRange(At("weight"), "finite and greater than 0", Guard.Show(w));
        }
    }
}
