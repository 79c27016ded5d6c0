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
/// Totals are <see cref="decimal"/> sums in a fixed order (customer order within blocks of
/// <see cref="BulkLtvEngine.BlockSize"/> customers, then block order), so sequential and parallel runs give
/// the same digits. Each addition is exact while the sum fits in decimal's 28 significant digits and
/// otherwise rounds at the 28th digit: for totals below 10^15 (a quadrillion) over fewer than 10^9
/// customers the accumulated error stays below 10^-3 of a minor unit, so totals are exact to the cent.
/// Not thread safe while a computation writes it.
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
        ScratchValues = new decimal[segmentCount];
        ScratchCustomers = new long[segmentCount];
        ScratchCosts = new decimal[segmentCount];
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

    internal decimal[] ScratchValues { get; }

    internal long[] ScratchCustomers { get; }

    internal decimal[] ScratchCosts { get; }

    internal decimal[] ValueArray => _values;

    internal long[] CustomerArray => _customers;

    internal decimal[] CostArray => _costs;

    internal void Clear()
    {
        Array.Clear(_values);
        Array.Clear(_customers);
        Array.Clear(_costs);
    }

    internal void AddBlock(ReadOnlySpan<decimal> values, ReadOnlySpan<long> customers, ReadOnlySpan<decimal> costs)
    {
        for (var s = 0; s < _values.Length; s++)
        {
            _values[s] += values[s];
            _customers[s] += customers[s];
            _costs[s] += costs[s];
        }
    }
}
