using System.Globalization;

using Ltv.Core.Domain;
using Ltv.Core.Validation;

namespace Ltv.Core.Probabilistic.Contractual;

/// <summary>
/// Contract durations that a contractual churn model (<see cref="SbgModel"/>) fits on: distinct rows of
/// (periods, churned) with the number of customers who share them, in one explicit period <see cref="Unit"/>.
/// </summary>
/// <remarks>
/// <para>Convention. A customer's lifetime T is the number of contract periods they paid for. A row with
/// <see cref="Churned"/> = <see langword="true"/> and <see cref="Periods"/> = t is a customer who paid for t
/// periods and then did not renew (T = t). A row with <see cref="Churned"/> = <see langword="false"/> and
/// <see cref="Periods"/> = t is a customer still subscribed, now in their t-th period (they renewed t - 1
/// times; T ≥ t, right-censored). Periods are whole and at least 1.</para>
/// <para>Cohort survivor counts (Fader and Hardie 2007) map onto this with <see cref="FromSurvivors"/>: of a
/// cohort whose survivors after k periods are s_k, s_(t-1) - s_t churned with T = t for t = 1..K, and the s_K
/// still active at the end are right-censored (T &gt; K, that is <see cref="Periods"/> = K + 1, active).</para>
/// <para>Immutable and thread safe.</para>
/// </remarks>
public sealed class ContractDurations
{
    private readonly int[] _periods;
    private readonly bool[] _churned;
    private readonly double[] _weight;

    private ContractDurations(int[] periods, bool[] churned, double[] weight, TimeUnit unit)
    {
        _periods = periods;
        _churned = churned;
        _weight = weight;
        Unit = Guard.Defined(unit);
        CustomerCount = weight.Sum();
    }

    /// <summary>The length of one contract period.</summary>
    public TimeUnit Unit { get; }

    /// <summary>The number of distinct rows.</summary>
    public int Count => _periods.Length;

    /// <summary>The number of customers (the sum of the weights).</summary>
    public double CustomerCount { get; }

    /// <summary>Periods paid for, per row (whole, at least 1).</summary>
    public ReadOnlySpan<int> Periods => _periods;

    /// <summary>Whether the row's customers have churned (<see langword="false"/>: still subscribed, right-censored).</summary>
    public ReadOnlySpan<bool> Churned => _churned;

    /// <summary>Customers per row, positive.</summary>
    public ReadOnlySpan<double> Weight => _weight;

    /// <summary>Durations from a cohort's survivor counts per period, the last one right-censored.</summary>
    /// <param name="survivors">s_0, s_1, ..., s_K: the customers still subscribed after 0, 1, ..., K periods (s_0 is the cohort size); finite, zero or more, non-increasing, s_0 &gt; 0, at least two values.</param>
    /// <param name="unit">The length of one period.</param>
    /// <returns>The durations: one churned row per period with churn and one censored row for the last survivors.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="survivors"/> is null.</exception>
    /// <exception cref="ArgumentException">Fewer than two counts.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, not finite or larger than the one before, or s_0 is 0; the message names the index and the value.</exception>
    public static ContractDurations FromSurvivors(IReadOnlyList<double> survivors, TimeUnit unit)
    {
        ArgumentNullException.ThrowIfNull(survivors);
        if (survivors.Count < 2)
        {
            throw new ArgumentException($"survivors must hold at least two counts, the cohort size and the survivors after one period (was {survivors.Count.ToString(CultureInfo.InvariantCulture)}).", nameof(survivors));
        }

        for (var k = 0; k < survivors.Count; k++)
        {
            var s = survivors[k];
            var name = $"survivors[{k.ToString(CultureInfo.InvariantCulture)}]";
            if (!double.IsFinite(s) || s < 0)
            {
                throw Guard.OutOfRange(name, "finite and zero or more", Guard.Show(s));
            }

            if (k == 0 && s == 0)
            {
                throw Guard.OutOfRange(name, "greater than 0 (the cohort size)", Guard.Show(s));
            }

            if (k > 0 && s > survivors[k - 1])
            {
                throw Guard.OutOfRange(name, $"at most the survivors one period earlier ({Guard.Show(survivors[k - 1])})", Guard.Show(s));
            }
        }

        var periods = new List<int>();
        var churned = new List<bool>();
        var weight = new List<double>();
        for (var t = 1; t < survivors.Count; t++)
        {
            var lost = survivors[t - 1] - survivors[t];
            if (lost > 0)
            {
                periods.Add(t);
                churned.Add(true);
                weight.Add(lost);
            }
        }

        var last = survivors[^1];
        if (last > 0)
        {
            periods.Add(survivors.Count);
            churned.Add(false);
            weight.Add(last);
        }

        return new ContractDurations([.. periods], [.. churned], [.. weight], unit);
    }

    /// <summary>Durations from one row per customer; identical rows are merged into one weighted row.</summary>
    /// <param name="periods">Periods paid for per customer, whole and at least 1.</param>
    /// <param name="churned">Per customer: <see langword="true"/> when they did not renew after their last paid period, <see langword="false"/> when still subscribed.</param>
    /// <param name="unit">The length of one period.</param>
    /// <returns>The durations.</returns>
    /// <exception cref="ArgumentException">The spans differ in length or are empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A period count is below 1; the message names the row and the value.</exception>
    public static ContractDurations FromCustomers(ReadOnlySpan<int> periods, ReadOnlySpan<bool> churned, TimeUnit unit)
    {
        if (periods.Length != churned.Length)
        {
            throw new ArgumentException($"periods and churned must have the same length (were {periods.Length.ToString(CultureInfo.InvariantCulture)} and {churned.Length.ToString(CultureInfo.InvariantCulture)}).", nameof(churned));
        }

        if (periods.IsEmpty)
        {
            throw new ArgumentException("periods must hold at least one customer (was empty).", nameof(periods));
        }

        var index = new Dictionary<(int, bool), int>();
        var p = new List<int>();
        var c = new List<bool>();
        var w = new List<double>();
        for (var i = 0; i < periods.Length; i++)
        {
            if (periods[i] < 1)
            {
                throw Guard.OutOfRange($"periods at row {i.ToString(CultureInfo.InvariantCulture)}", "a whole number of at least 1 (the periods paid for, the current one included)", periods[i].ToString(CultureInfo.InvariantCulture));
            }

            var key = (periods[i], churned[i]);
            if (index.TryGetValue(key, out var k))
            {
                w[k]++;
            }
            else
            {
                index.Add(key, p.Count);
                p.Add(periods[i]);
                c.Add(churned[i]);
                w.Add(1);
            }
        }

        return new ContractDurations([.. p], [.. c], [.. w], unit);
    }
}
