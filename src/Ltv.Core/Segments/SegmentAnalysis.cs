using System.Globalization;

using Ltv.Core.Domain;
using Ltv.Core.Economics;
using Ltv.Core.Strategies;
using Ltv.Core.Validation;

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
    /// <exception cref="ArgumentOutOfRangeException">A total, the customer count or a share does not fit in decimal (or a 64-bit count); the message names the segment and the values.</exception>
    public static SegmentComparison Compare(IEnumerable<Segment> segments, ILtvModel model)
    {
        ArgumentNullException.ThrowIfNull(segments);
        ArgumentNullException.ThrowIfNull(model);
        var raw = new List<RawRow>();
        foreach (var segment in segments)
        {
            ArgumentNullException.ThrowIfNull(segment, nameof(segments));
            var estimate = model.Estimate(segment.Drivers);
            Money total;
            try
            {
                total = estimate.Value * segment.CustomerCount;
            }
            catch (OverflowException)
            {
                throw Guard.TooLarge("customerCount", $"customers x LTV of segment '{segment.Key}'", $"{segment.CustomerCount.ToString(CultureInfo.InvariantCulture)} x {Guard.Show(estimate.Value.Amount)} {estimate.Value.Currency.Code}");
            }

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
    /// <exception cref="ArgumentOutOfRangeException">A segment's total or a share does not fit in decimal; the message names the segment and the values.</exception>
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

            try
            {
                group.Add(value, acquisitionCostSelector?.Invoke(customer));
            }
            catch (OverflowException)
            {
                throw Guard.TooLarge(nameof(customers), $"the total value and CAC of segment '{key}'", $"{Guard.Show(group.Total.Amount)} + {Guard.Show(value.Amount)} {value.Currency.Code} after {group.Count.ToString(CultureInfo.InvariantCulture)} customers");
            }
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
            try
            {
                baseTotal += row.Total;
                customers = checked(customers + row.Count);
            }
            catch (OverflowException)
            {
                throw Guard.TooLarge(paramName, $"the base total and customer count (adding segment '{row.Key}')", $"{Guard.Show(baseTotal.Amount)} + {Guard.Show(row.Total.Amount)} {currency.Code}, {customers.ToString(CultureInfo.InvariantCulture)} + {row.Count.ToString(CultureInfo.InvariantCulture)} customers");
            }
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
                Share(r, baseTotal, paramName),
                r.Cac,
                r.Cac is { } cac ? LtvCacRatio.Of(r.LifetimeValue, cac) : null,
                r.Estimate))
            .ToArray();
        return new SegmentComparison(model, currency, ranked, baseTotal, customers);
    }

    private static decimal? Share(RawRow row, Money baseTotal, string paramName)
    {
        if (baseTotal.IsZero)
        {
            return null;
        }

        try
        {
            return row.Total.Amount / baseTotal.Amount;
        }
        catch (OverflowException)
        {
            throw Guard.TooLarge(paramName, $"segment '{row.Key}''s share of the base total", $"{Guard.Show(row.Total.Amount)} / {Guard.Show(baseTotal.Amount)} {baseTotal.Currency.Code}");
        }
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
