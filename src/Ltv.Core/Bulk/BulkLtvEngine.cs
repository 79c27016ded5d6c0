using System.Buffers;
using System.Globalization;
using System.Runtime.ExceptionServices;

using Ltv.Core.Domain;
using Ltv.Core.Economics;
using Ltv.Core.Strategies;
using Ltv.Core.Validation;

namespace Ltv.Core.Bulk;

/// <summary>
/// The hot path: values millions of customers from columnar data in one pass, writing each customer's
/// lifetime value into a caller-owned span and summing per segment, with no allocation per customer.
/// </summary>
/// <remarks>
/// <para><b>Same numbers as the record-based API.</b> The engine takes one of the built-in strategies
/// (<see cref="SimpleLtvModel"/>, <see cref="ChurnLtvModel"/>, <see cref="DiscountedLtvModel"/> with its
/// options, <see cref="MarginLtvModel"/>) and performs, per customer, the same <see cref="decimal"/>
/// operations in the same order as <see cref="ILtvModel.Estimate(ValueDrivers)"/> on the drivers of row i:
/// <c>AveragePurchaseValue = Money(apv[i], Currency)</c>, <c>PurchaseFrequency = PurchaseRate(frequency[i], FrequencyPer)</c>,
/// <c>Lifespan = Duration(lifespan[i], LifespanUnit)</c> when the lifespan column is given, <c>Churn = ChurnRate(churn[i], ChurnPer)</c>,
/// <c>GrossMargin = GrossMargin(margin[i])</c>, <c>CostToServe = MoneyRate(Money(cost[i]), CostToServePer)</c> when the cost column is given.
/// The values are therefore identical, digit for digit (a property test checks this on random data).</para>
/// <para><b>Columns read.</b> simple: APV, frequency, lifespan (or churn: lifespan = 1/churn). margin: those and
/// gross margin, cost to serve optional. churn and discounted: APV, frequency, gross margin, churn, cost to
/// serve optional. The CAC column is optional and only summed per segment.</para>
/// <para><b>Money.</b> Everything is <see cref="decimal"/>; per-segment totals are summed in a fixed order
/// (see <see cref="BulkSegmentTotals"/>), so a parallel run gives exactly the digits of a sequential one and
/// totals are exact to the cent.</para>
/// <para><b>Bad input.</b> A missing required column throws <see cref="MissingInputException"/>; a column of
/// the wrong length, a segment index out of range or a value outside its domain (negative amounts, churn
/// outside (0, 1], margin outside [0, 1]) throws <see cref="ArgumentException"/> /
/// <see cref="ArgumentOutOfRangeException"/> naming the column, the row and the value, for example
/// <c>churn[17] must be in (0, 1] (was '0')</c>. Decimal columns cannot hold NaN or infinity. Zero customers
/// is valid and gives zero totals. Instances are immutable and thread safe.</para>
/// </remarks>
public sealed class BulkLtvEngine
{
    /// <summary>Customers per block: totals are summed per block, then over blocks in order.</summary>
    public const int BlockSize = 32_768;

    private readonly Kind _kind;
    private readonly DiscountedLtvOptions? _discount;
    private readonly long? _periods;
    private readonly ExactConversion? _lifespanToFrequency;
    private readonly ExactConversion? _churnToFrequency;
    private readonly ExactConversion? _lifespanToCost;
    private readonly ExactConversion? _churnToCost;

    /// <summary>Creates an engine for a built-in strategy and the units of the columns.</summary>
    /// <param name="model">A <see cref="SimpleLtvModel"/>, <see cref="ChurnLtvModel"/>, <see cref="DiscountedLtvModel"/> or <see cref="MarginLtvModel"/>.</param>
    /// <param name="units">The currency and time units of the columns.</param>
    /// <exception cref="ArgumentException">The model is not a built-in strategy.</exception>
    /// <exception cref="UnitMismatchException">The discounted model's discount rate or seasonal weights are not per <see cref="BulkUnits.ChurnPer"/>.</exception>
    public BulkLtvEngine(ILtvModel model, BulkUnits units)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(units);
        Model = model;
        Units = units;
        _kind = model switch
        {
            SimpleLtvModel => Kind.Simple,
            MarginLtvModel => Kind.Margin,
            ChurnLtvModel => Kind.Churn,
            DiscountedLtvModel => Kind.Discounted,
            _ => throw new ArgumentException($"model must be one of the built-in strategies simple, margin, churn or discounted (was '{model.Name}').", nameof(model)),
        };
        if (model is DiscountedLtvModel discounted)
        {
            _discount = discounted.Options;
            if (_discount.DiscountRate.Per != units.ChurnPer)
            {
                throw new UnitMismatchException(_discount.DiscountRate.Per, units.ChurnPer, "a discounted LTV (the discount rate must be per the churn's period)");
            }

            if (DiscountedLtvModel.IsExtended(_discount))
            {
                DiscountedLtvModel.ValidateExtended(_discount, units.ChurnPer);
            }

            _periods = _discount.Horizon is { } horizon ? DiscountedLtvModel.Periods(horizon, units.ChurnPer) : null;
        }

        _lifespanToFrequency = Try(units.LifespanUnit, units.FrequencyPer);
        _churnToFrequency = Try(units.ChurnPer, units.FrequencyPer);
        _lifespanToCost = Try(units.LifespanUnit, units.CostToServePer);
        _churnToCost = Try(units.ChurnPer, units.CostToServePer);
    }

    private enum Kind
    {
        Simple,
        Margin,
        Churn,
        Discounted,
    }

    /// <summary>The strategy.</summary>
    public ILtvModel Model { get; }

    /// <summary>The units of the columns.</summary>
    public BulkUnits Units { get; }

    /// <summary>Values every customer in one sequential pass.</summary>
    /// <param name="columns">The customer columns.</param>
    /// <param name="customerValues">Receives each customer's lifetime value; same length as the columns, or empty to compute totals only.</param>
    /// <param name="totals">Receives the per-segment totals (overwritten); its segment count bounds the segment indexes.</param>
    /// <exception cref="MissingInputException">A column the strategy needs is empty.</exception>
    /// <exception cref="ArgumentException">Column or output lengths differ from the customer count, or the totals' currency differs.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value is outside its domain; the message names column, row and value.</exception>
    public void Compute(CustomerSpans columns, Span<decimal> customerValues, BulkSegmentTotals totals)
    {
        ArgumentNullException.ThrowIfNull(totals);
        Check(columns, customerValues.Length, totals);
        totals.Clear();
        var count = columns.Count;
        for (var start = 0; start < count; start += BlockSize)
        {
            var length = Math.Min(BlockSize, count - start);
            Array.Clear(totals.ScratchValues);
            Array.Clear(totals.ScratchCustomers);
            Array.Clear(totals.ScratchCosts);
            RunBlock(columns, start, length, customerValues.IsEmpty ? default : customerValues.Slice(start, length), totals.ScratchValues, totals.ScratchCustomers, totals.ScratchCosts);
            totals.AddBlock(totals.ScratchValues, totals.ScratchCustomers, totals.ScratchCosts);
        }
    }

    /// <summary>
    /// Values every customer with blocks of <see cref="BlockSize"/> customers processed in parallel; the totals
    /// are combined in block order, so they equal those of <see cref="Compute(CustomerSpans, Span{decimal}, BulkSegmentTotals)"/> exactly.
    /// </summary>
    /// <param name="columns">The customer columns.</param>
    /// <param name="customerValues">Receives each customer's lifetime value; same length as the columns, or empty.</param>
    /// <param name="totals">Receives the per-segment totals (overwritten).</param>
    /// <param name="maxDegreeOfParallelism">At most this many threads; -1 (the default) lets the runtime choose.</param>
    /// <exception cref="MissingInputException">A column the strategy needs is empty.</exception>
    /// <exception cref="ArgumentException">Column or output lengths differ from the customer count, or the totals' currency differs.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value is outside its domain; the first bad row in customer order is reported, as in a sequential run.</exception>
    public void ComputeParallel(CustomerColumns columns, Memory<decimal> customerValues, BulkSegmentTotals totals, int maxDegreeOfParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(totals);
        Check(columns.AsSpans(), customerValues.Length, totals);
        if (maxDegreeOfParallelism is 0 or < -1)
        {
            throw Guard.OutOfRange(nameof(maxDegreeOfParallelism), "-1 or positive", maxDegreeOfParallelism.ToString(CultureInfo.InvariantCulture));
        }

        totals.Clear();
        var count = columns.Count;
        var segments = totals.SegmentCount;
        var blocks = (count + BlockSize - 1) / BlockSize;
        var values = ArrayPool<decimal>.Shared.Rent(Math.Max(1, blocks * segments));
        var customers = ArrayPool<long>.Shared.Rent(Math.Max(1, blocks * segments));
        var costs = ArrayPool<decimal>.Shared.Rent(Math.Max(1, blocks * segments));
        try
        {
            Array.Clear(values, 0, blocks * segments);
            Array.Clear(customers, 0, blocks * segments);
            Array.Clear(costs, 0, blocks * segments);
            var errors = new Exception?[blocks];
            Parallel.For(0, blocks, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism }, block =>
            {
                var start = block * BlockSize;
                var length = Math.Min(BlockSize, count - start);
                try
                {
                    RunBlock(
                        columns.AsSpans(),
                        start,
                        length,
                        customerValues.IsEmpty ? default : customerValues.Span.Slice(start, length),
                        values.AsSpan(block * segments, segments),
                        customers.AsSpan(block * segments, segments),
                        costs.AsSpan(block * segments, segments));
                }
                catch (Exception error) when (error is ArgumentException or ArithmeticException)
                {
                    errors[block] = error;
                }
            });

            // Report the bad row a sequential run would report: the first in the earliest failing block.
            if (Array.Find(errors, e => e is not null) is { } first)
            {
                ExceptionDispatchInfo.Capture(first).Throw();
            }

            for (var block = 0; block < blocks; block++)
            {
                totals.AddBlock(values.AsSpan(block * segments, segments), customers.AsSpan(block * segments, segments), costs.AsSpan(block * segments, segments));
            }
        }
        finally
        {
            ArrayPool<decimal>.Shared.Return(values);
            ArrayPool<long>.Shared.Return(customers);
            ArrayPool<decimal>.Shared.Return(costs);
        }
    }

    private static ExactConversion? Try(TimeUnit from, TimeUnit to) =>
        TimeUnits.AreExactlyConvertible(from, to) ? ExactConversion.Between(from, to, "a bulk LTV") : null;

    private static ExactConversion Need(ExactConversion? conversion, TimeUnit from, TimeUnit to) =>
        conversion ?? throw new UnitMismatchException(from, to, "a bulk LTV");

    private void Check(CustomerSpans c, int outputLength, BulkSegmentTotals totals)
    {
        if (!totals.Currency.Equals(Units.Currency))
        {
            throw new CurrencyMismatchException(Units.Currency, totals.Currency, "bulk totals");
        }

        var n = c.Count;
        if (outputLength != 0 && outputLength != n)
        {
            throw new ArgumentException($"customerValues must be empty or hold one value per customer ({n.ToString(CultureInfo.InvariantCulture)}) (was {outputLength.ToString(CultureInfo.InvariantCulture)}).", "customerValues");
        }

        Length(c.AveragePurchaseValue, n, "averagePurchaseValue");
        Length(c.PurchaseFrequency, n, "purchaseFrequency");
        Length(c.Lifespan, n, "lifespan");
        Length(c.Churn, n, "churn");
        Length(c.GrossMargin, n, "grossMargin");
        Length(c.CostToServe, n, "costToServe");
        Length(c.AcquisitionCost, n, "acquisitionCost");
        if (n == 0)
        {
            return;
        }

        Require(c.AveragePurchaseValue, nameof(ValueDrivers.AveragePurchaseValue));
        Require(c.PurchaseFrequency, nameof(ValueDrivers.PurchaseFrequency));
        if (_kind is Kind.Simple or Kind.Margin)
        {
            if (c.Lifespan.IsEmpty && c.Churn.IsEmpty)
            {
                throw new MissingInputException(Model.Name, nameof(ValueDrivers.Lifespan), "Give the Lifespan column, or the Churn column (lifespan = 1 / churn).");
            }

            if (c.Lifespan.IsEmpty)
            {
                Need(_churnToFrequency, Units.ChurnPer, Units.FrequencyPer);
            }
            else
            {
                Need(_lifespanToFrequency, Units.LifespanUnit, Units.FrequencyPer);
            }

            if (_kind is Kind.Margin && !c.CostToServe.IsEmpty)
            {
                if (c.Lifespan.IsEmpty)
                {
                    Need(_churnToCost, Units.ChurnPer, Units.CostToServePer);
                }
                else
                {
                    Need(_lifespanToCost, Units.LifespanUnit, Units.CostToServePer);
                }
            }
        }
        else
        {
            Require(c.Churn, nameof(ValueDrivers.Churn));
            Need(_churnToFrequency, Units.ChurnPer, Units.FrequencyPer);
            if (!c.CostToServe.IsEmpty)
            {
                Need(_churnToCost, Units.ChurnPer, Units.CostToServePer);
            }
        }

        if (_kind is not Kind.Simple)
        {
            Require(c.GrossMargin, nameof(ValueDrivers.GrossMargin));
        }
    }

    private void Require(ReadOnlySpan<decimal> column, string name)
    {
        if (column.IsEmpty)
        {
            throw new MissingInputException(Model.Name, name, $"Give the {name} column.");
        }
    }

    private static void Length<T>(ReadOnlySpan<T> column, int n, string name)
    {
        if (!column.IsEmpty && column.Length != n)
        {
            throw new ArgumentException($"{name} must be empty or hold one value per customer ({n.ToString(CultureInfo.InvariantCulture)}) (was {column.Length.ToString(CultureInfo.InvariantCulture)}).", name);
        }
    }

    private void RunBlock(CustomerSpans all, int start, int length, Span<decimal> output, Span<decimal> segmentValues, Span<long> segmentCustomers, Span<decimal> segmentCosts)
    {
        var c = all.Slice(start, length);
        switch (_kind)
        {
            case Kind.Simple:
                Simple(c, start, output, segmentValues);
                break;
            case Kind.Margin:
                Margin(c, start, output, segmentValues);
                break;
            case Kind.Churn:
                Churn(c, start, output, segmentValues);
                break;
            default:
                Discounted(c, start, output, segmentValues);
                break;
        }

        var segments = c.SegmentIndex;
        var cac = c.AcquisitionCost;
        for (var i = 0; i < segments.Length; i++)
        {
            segmentCustomers[segments[i]]++;
        }

        if (!cac.IsEmpty)
        {
            for (var i = 0; i < cac.Length; i++)
            {
                var cost = cac[i];
                if (cost < 0m)
                {
                    throw Bad("acquisitionCost", start + i, "non-negative", cost);
                }

                segmentCosts[segments[i]] += cost;
            }
        }
    }

    private void Simple(CustomerSpans c, int offset, Span<decimal> output, Span<decimal> totals)
    {
        var segments = c.SegmentIndex;
        var apv = c.AveragePurchaseValue;
        var frequency = c.PurchaseFrequency;
        var useLifespan = !c.Lifespan.IsEmpty;
        var lifespan = useLifespan ? c.Lifespan : c.Churn;
        var conversion = useLifespan ? _lifespanToFrequency!.Value : _churnToFrequency!.Value;
        var write = !output.IsEmpty;
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = CheckSegment(segments[i], totals.Length, offset + i);
            var a = NonNegative(apv[i], "averagePurchaseValue", offset + i);
            var f = NonNegative(frequency[i], "purchaseFrequency", offset + i);
            var years = useLifespan ? NonNegative(lifespan[i], "lifespan", offset + i) : 1m / ChurnValue(lifespan[i], offset + i);
            var value = a * (f * conversion.Apply(years));
            if (write)
            {
                output[i] = value;
            }

            totals[segment] += value;
        }
    }

    private void Margin(CustomerSpans c, int offset, Span<decimal> output, Span<decimal> totals)
    {
        var segments = c.SegmentIndex;
        var apv = c.AveragePurchaseValue;
        var frequency = c.PurchaseFrequency;
        var margin = c.GrossMargin;
        var cost = c.CostToServe;
        var hasCost = !cost.IsEmpty;
        var useLifespan = !c.Lifespan.IsEmpty;
        var lifespan = useLifespan ? c.Lifespan : c.Churn;
        var toFrequency = useLifespan ? _lifespanToFrequency!.Value : _churnToFrequency!.Value;
        var toCost = hasCost ? (useLifespan ? _lifespanToCost!.Value : _churnToCost!.Value) : default;
        var write = !output.IsEmpty;
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = CheckSegment(segments[i], totals.Length, offset + i);
            var a = NonNegative(apv[i], "averagePurchaseValue", offset + i);
            var f = NonNegative(frequency[i], "purchaseFrequency", offset + i);
            var m = Fraction(margin[i], "grossMargin", offset + i);
            var life = useLifespan ? NonNegative(lifespan[i], "lifespan", offset + i) : 1m / ChurnValue(lifespan[i], offset + i);
            var value = a * (f * toFrequency.Apply(life)) * m;
            if (hasCost)
            {
                value -= NonNegative(cost[i], "costToServe", offset + i) * toCost.Apply(life);
            }

            if (write)
            {
                output[i] = value;
            }

            totals[segment] += value;
        }
    }

    private void Churn(CustomerSpans c, int offset, Span<decimal> output, Span<decimal> totals)
    {
        var segments = c.SegmentIndex;
        var apv = c.AveragePurchaseValue;
        var frequency = c.PurchaseFrequency;
        var margin = c.GrossMargin;
        var churn = c.Churn;
        var cost = c.CostToServe;
        var hasCost = !cost.IsEmpty;
        var toFrequency = _churnToFrequency!.Value;
        var toCost = hasCost ? _churnToCost!.Value : default;
        var write = !output.IsEmpty;
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = CheckSegment(segments[i], totals.Length, offset + i);
            var a = NonNegative(apv[i], "averagePurchaseValue", offset + i);
            var f = NonNegative(frequency[i], "purchaseFrequency", offset + i);
            var m = Fraction(margin[i], "grossMargin", offset + i);
            var ch = ChurnValue(churn[i], offset + i);
            var contribution = a * toFrequency.Apply(f) * m;
            if (hasCost)
            {
                contribution -= toCost.Apply(NonNegative(cost[i], "costToServe", offset + i));
            }

            var value = contribution / ch;
            if (write)
            {
                output[i] = value;
            }

            totals[segment] += value;
        }
    }

    private void Discounted(CustomerSpans c, int offset, Span<decimal> output, Span<decimal> totals)
    {
        var options = _discount!;
        var extended = DiscountedLtvModel.IsExtended(options);
        var d = options.DiscountRate.Value;
        var segments = c.SegmentIndex;
        var apv = c.AveragePurchaseValue;
        var frequency = c.PurchaseFrequency;
        var margin = c.GrossMargin;
        var churn = c.Churn;
        var cost = c.CostToServe;
        var hasCost = !cost.IsEmpty;
        var toFrequency = _churnToFrequency!.Value;
        var toCost = hasCost ? _churnToCost!.Value : default;
        var write = !output.IsEmpty;

        // The factors depend on churn only: cache them for runs of equal churn.
        var cachedChurn = -1m;
        var factor = 0m;
        var weighted = 0m;
        var plain = 0m;
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = CheckSegment(segments[i], totals.Length, offset + i);
            var a = NonNegative(apv[i], "averagePurchaseValue", offset + i);
            var f = NonNegative(frequency[i], "purchaseFrequency", offset + i);
            var m = Fraction(margin[i], "grossMargin", offset + i);
            var ch = ChurnValue(churn[i], offset + i);
            var k = hasCost ? toCost.Apply(NonNegative(cost[i], "costToServe", offset + i)) : 0m;
            if (ch != cachedChurn)
            {
                var r = 1m - ch;
                if (extended)
                {
                    var (p, first) = DiscountedLtvModel.ExtendedRatio(r, d, options, _periods);
                    (weighted, plain) = DiscountedLtvModel.ExtendedSums(p, first, true, options, _periods);
                }
                else
                {
                    factor = DiscountedLtvModel.Factor(r / (1m + d), r, d, options, _periods);
                }

                cachedChurn = ch;
            }

            var revenue = a * toFrequency.Apply(f) * m;
            decimal value;
            if (extended)
            {
                value = (revenue * weighted) - (k * plain);
            }
            else
            {
                var contribution = hasCost ? revenue - k : revenue;
                value = contribution * factor;
            }

            if (write)
            {
                output[i] = value;
            }

            totals[segment] += value;
        }
    }

    private static int CheckSegment(int segment, int segmentCount, int row)
    {
        if ((uint)segment >= (uint)segmentCount)
        {
            throw new ArgumentOutOfRangeException(
                "segmentIndex",
                $"segmentIndex[{row.ToString(CultureInfo.InvariantCulture)}] must be in [0, {segmentCount.ToString(CultureInfo.InvariantCulture)}) (was '{segment.ToString(CultureInfo.InvariantCulture)}').");
        }

        return segment;
    }

    private static decimal NonNegative(decimal value, string column, int row) =>
        value >= 0m ? value : throw Bad(column, row, "non-negative", value);

    private static decimal Fraction(decimal value, string column, int row) =>
        value is >= 0m and <= 1m ? value : throw Bad(column, row, "in [0, 1]", value);

    private static decimal ChurnValue(decimal value, int row) =>
        value is > 0m and <= 1m ? value : throw Bad("churn", row, "in (0, 1]", value);

    private static ArgumentOutOfRangeException Bad(string column, int row, string rule, decimal value) =>
        new(column, $"{column}[{row.ToString(CultureInfo.InvariantCulture)}] must be {rule} (was '{Guard.Show(value)}').");
}
