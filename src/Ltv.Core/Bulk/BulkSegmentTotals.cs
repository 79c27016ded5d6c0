using Ltv.Core.Domain;
using Ltv.Core.Economics;
using Ltv.Core.Validation;

namespace Ltv.Core.Bulk;

/// <summary>
/// Per-segment totals written by a <see cref="BulkLtvEngine"/>: the sum of customer lifetime values,
/// the number of customers and the sum of acquisition costs per segment. Create it once and reuse it:
/// every computation overwrites it, and reusing it keeps a computation free of allocations.
/// </summary>
/// <remarks>
/// <para>Totals are exact: the engine adds each customer's decimal value exactly (one 128-bit integer
/// per decimal scale) and rounds only once, at the end, to decimal's 28-29 significant digits (half to
/// even). A total is therefore the true sum of the per-customer values to within one unit in its 28th
/// significant digit: exact to the cent for any total below 10^26. Because the additions are exact they
/// do not depend on order, so sequential and parallel runs give the same digits.</para>
/// <para>Not thread safe while a computation writes it.</para>
/// </remarks>
public sealed class BulkSegmentTotals
{
    private readonly decimal[] _values;
    private readonly long[] _customers;
    private readonly decimal[] _costs;

    /// <summary>Creates zeroed totals.</summary>
    /// <param name="segmentCount">The number of segments, at least 1.</param>
    /// <param name="currency">The currency of the amounts.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="segmentCount"/> is below 1.</exception>
    public BulkSegmentTotals(int segmentCount, Currency currency)
    {
        if (segmentCount < 1)
        {
            throw Guard.OutOfRange(nameof(segmentCount), "at least 1", segmentCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        Currency = currency;
        _values = new decimal[segmentCount];
        _customers = new long[segmentCount];
        _costs = new decimal[segmentCount];
        ValueBuckets = new Int128[segmentCount * ExactDecimalSum.Buckets];
        CostBuckets = new Int128[segmentCount * ExactDecimalSum.Buckets];
    }

    /// <summary>The number of segments.</summary>
    public int SegmentCount => _values.Length;

    /// <summary>The currency.</summary>
    public Currency Currency { get; }

    /// <summary>Sum of customer lifetime values per segment.</summary>
    public ReadOnlySpan<decimal> Values => _values;

    /// <summary>Customers per segment.</summary>
    public ReadOnlySpan<long> Customers => _customers;

    /// <summary>Sum of acquisition costs per segment (zero when no CAC column was given).</summary>
    public ReadOnlySpan<decimal> AcquisitionCosts => _costs;

    /// <summary>The base total: the sum over segments of <see cref="Values"/>.</summary>
    public Money BaseTotal
    {
        get
        {
            var sum = 0m;
            foreach (var value in _values)
            {
                sum += value;
            }

            return new Money(sum, Currency);
        }
    }

    /// <summary>The total lifetime value of a segment.</summary>
    /// <param name="segment">The segment index.</param>
    /// <returns>The total.</returns>
    public Money TotalValue(int segment) => new(_values[segment], Currency);

    /// <summary>The mean lifetime value per customer of a segment; <see langword="null"/> for an empty segment.</summary>
    /// <param name="segment">The segment index.</param>
    /// <returns>Total / customers.</returns>
    public Money? LifetimeValue(int segment) => _customers[segment] == 0 ? null : new Money(_values[segment] / _customers[segment], Currency);

    /// <summary>The total acquisition cost of a segment.</summary>
    /// <param name="segment">The segment index.</param>
    /// <returns>The total.</returns>
    public Money TotalAcquisitionCost(int segment) => new(_costs[segment], Currency);

    /// <summary>LTV:CAC of a segment (total value / total CAC; infinite when the CAC total is zero); <see langword="null"/> for an empty segment.</summary>
    /// <param name="segment">The segment index.</param>
    /// <returns>The ratio.</returns>
    public LtvCacRatio? Ratio(int segment) => _customers[segment] == 0 ? null : LtvCacRatio.Of(TotalValue(segment), TotalAcquisitionCost(segment));

    internal Int128[] ValueBuckets { get; }

    internal Int128[] CostBuckets { get; }

    internal long[] CustomerArray => _customers;

    internal void Clear()
    {
        Array.Clear(ValueBuckets);
        Array.Clear(CostBuckets);
        Array.Clear(_customers);
        Array.Clear(_values);
        Array.Clear(_costs);
    }

    internal void Add(ReadOnlySpan<Int128> valueBuckets, ReadOnlySpan<long> customers, ReadOnlySpan<Int128> costBuckets)
    {
        ExactDecimalSum.AddInto(ValueBuckets, valueBuckets);
        ExactDecimalSum.AddInto(CostBuckets, costBuckets);
        for (var s = 0; s < _customers.Length; s++)
        {
            _customers[s] += customers[s];
        }
    }

    internal void Finish()
    {
        for (var s = 0; s < _values.Length; s++)
        {
            _values[s] = ExactDecimalSum.ToDecimal(ValueBuckets.AsSpan(s * ExactDecimalSum.Buckets, ExactDecimalSum.Buckets));
            _costs[s] = ExactDecimalSum.ToDecimal(CostBuckets.AsSpan(s * ExactDecimalSum.Buckets, ExactDecimalSum.Buckets));
        }
    }
}
