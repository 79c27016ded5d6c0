using System.Globalization;

using Ltv.Core.Domain;
using Ltv.Core.Economics;
using Ltv.Core.Strategies;

namespace Ltv.Core.Segments;

/// <summary>
/// Values segments with any <see cref="ILtvModel"/> and compares them: per-segment LTV, the base total
/// (sum over segments of customers x LTV), shares and a ranking.
/// </summary>
/// <remarks>
/// <para>Ranking is by lifetime value per customer, highest first; equal values are ordered by key
/// (ordinal), so the ranking is deterministic and does not change when every value is scaled by the
/// same positive factor. Use <see cref="SegmentComparison.Rows"/> to re-sort by total value.</para>
/// <para>Bad input: no segments at all throws <see cref="ArgumentException"/>; duplicate keys throw
/// <see cref="ArgumentException"/> naming the key; segments or customers in different currencies throw
/// <see cref="CurrencyMismatchException"/>. An empty segment (zero customers) is a valid row with a
/// total of zero, and a base of zero customers has a zero total and no shares (<see langword="null"/>).</para>
/// </remarks>
public static class SegmentAnalysis
{
    /// <summary>Values each segment's drivers with <paramref name="model"/> and compares them.</summary>
    /// <param name="segments">The segments, at least one, with distinct keys and one currency.</param>
    /// <param name="model">The LTV strategy.</param>
    /// <returns>The comparison.</returns>
    /// <exception cref="ArgumentException">No segments, or a duplicate key.</exception>
    /// <exception cref="CurrencyMismatchException">Segments are in different currencies.</exception>
    /// <exception cref="MissingInputException">A segment lacks a driver the model needs.</exception>
    public static SegmentComparison Compare(IEnumerable<Segment> segments, ILtvModel model)
    {
        ArgumentNullException.ThrowIfNull(segments);
        ArgumentNullException.ThrowIfNull(model);
        var raw = new List<RawRow>();
        foreach (var segment in segments)
        {
            ArgumentNullException.ThrowIfNull(segment, nameof(segments));
            var estimate = model.Estimate(segment.Drivers);
            var total = estimate.Value * segment.CustomerCount;
            raw.Add(new RawRow(segment.Key, segment.CustomerCount, estimate.Value, total, segment.AcquisitionCost, estimate));
        }

        return Build(raw, model.Name, nameof(segments));
    }

    /// <summary>
    /// Values customers one by one and groups them by a key the caller chooses (age band, region,
    /// channel...): a segment's total is the sum of its customers' values, its LTV per customer the mean,
    /// and its CAC the mean CAC of customers whose CAC is known.
    /// </summary>
    /// <typeparam name="T">The caller's customer type.</typeparam>
    /// <param name="customers">The customers, at least one.</param>
    /// <param name="keySelector">The segment key of a customer (non-blank).</param>
    /// <param name="driversSelector">The value drivers of a customer.</param>
    /// <param name="model">The LTV strategy.</param>
    /// <param name="acquisitionCostSelector">A customer's CAC, or <see langword="null"/> when unknown; optional.</param>
    /// <returns>The comparison.</returns>
    /// <exception cref="ArgumentException">No customers, or a blank key.</exception>
    /// <exception cref="CurrencyMismatchException">Customers are in different currencies.</exception>
    public static SegmentComparison CompareBy<T>(
        IEnumerable<T> customers,
        Func<T, string> keySelector,
        Func<T, ValueDrivers> driversSelector,
        ILtvModel model,
        Func<T, Money?>? acquisitionCostSelector = null)
    {
        ArgumentNullException.ThrowIfNull(customers);
        ArgumentNullException.ThrowIfNull(keySelector);
        ArgumentNullException.ThrowIfNull(driversSelector);
        ArgumentNullException.ThrowIfNull(model);
        var groups = new Dictionary<string, Accumulator>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var customer in customers)
        {
            var key = keySelector(customer);
            if (string.IsNullOrWhiteSpace(key))
            {
                throw new ArgumentException($"key must not be empty or blank (was '{key}').", nameof(keySelector));
            }

            var value = model.Estimate(driversSelector(customer)).Value;
            if (!groups.TryGetValue(key, out var group))
            {
                group = new Accumulator(value.Currency);
                groups.Add(key, group);
                order.Add(key);
            }

            group.Add(value, acquisitionCostSelector?.Invoke(customer));
        }

        var raw = order.Select(key =>
        {
            var g = groups[key];
            var perCustomer = g.Total / g.Count;
            Money? cac = g.CacCount > 0 ? g.CacTotal / g.CacCount : null;
            return new RawRow(key, g.Count, perCustomer, g.Total, cac, null);
        }).ToList();
        return Build(raw, model.Name, nameof(customers));
    }

    private static SegmentComparison Build(List<RawRow> raw, string model, string paramName)
    {
        if (raw.Count == 0)
        {
            throw new ArgumentException($"{paramName} must hold at least one {(paramName == "customers" ? "customer" : "segment")} (was empty).", paramName);
        }

        var currency = raw[0].LifetimeValue.Currency;
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var baseTotal = Money.Zero(currency);
        var customers = 0L;
        foreach (var row in raw)
        {
            if (!keys.Add(row.Key))
            {
                throw new ArgumentException($"segment keys must be distinct (was '{row.Key}' twice).", paramName);
            }

            CurrencyMismatchException.ThrowIfDifferent(currency, row.LifetimeValue.Currency, $"segment '{row.Key}'");
            baseTotal += row.Total;
            customers += row.Count;
        }

        var ranked = raw
            .OrderByDescending(r => r.LifetimeValue.Amount)
            .ThenBy(r => r.Key, StringComparer.Ordinal)
            .Select((r, i) => new SegmentValuation(
                i + 1,
                r.Key,
                r.Count,
                r.LifetimeValue,
                r.Total,
                baseTotal.IsZero ? null : r.Total.Amount / baseTotal.Amount,
                r.Cac,
                r.Cac is { } cac ? LtvCacRatio.Of(r.LifetimeValue, cac) : null,
                r.Estimate))
            .ToArray();
        return new SegmentComparison(model, currency, ranked, baseTotal, customers);
    }

    private sealed record RawRow(string Key, long Count, Money LifetimeValue, Money Total, Money? Cac, LtvEstimate? Estimate);

    private sealed class Accumulator(Currency currency)
    {
        public Money Total { get; private set; } = Money.Zero(currency);

        public long Count { get; private set; }

        public Money CacTotal { get; private set; } = Money.Zero(currency);

        public long CacCount { get; private set; }

        public void Add(Money value, Money? cac)
        {
            Total += value;
            Count++;
            if (cac is { } c)
            {
                if (c.IsNegative)
                {
                    throw new ArgumentOutOfRangeException("acquisitionCost", $"acquisitionCost must be non-negative (was '{c.Amount.ToString(CultureInfo.InvariantCulture)}').");
                }

                CacTotal += c;
                CacCount++;
            }
        }
    }
}
