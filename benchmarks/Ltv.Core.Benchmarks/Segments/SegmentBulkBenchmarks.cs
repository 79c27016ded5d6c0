using BenchmarkDotNet.Attributes;

using Ltv.Core.Bulk;
using Ltv.Core.Domain;
using Ltv.Core.Strategies;

namespace Ltv.Core.Benchmarks.Segments;

/// <summary>
/// Per-segment LTV over 1,000,000 customers in 100 segments. Baseline: the naive way with the record-based
/// API, LINQ GroupBy by segment and Sum of each customer's <see cref="ILtvModel.Estimate(ValueDrivers)"/>.
/// Compared: the same LINQ shape with the formula inlined (no estimate objects), and the bulk engine
/// sequential and parallel over the same data in columns. Two data shapes, because decimal arithmetic
/// costs far more on 28-digit operands: whole months (lifespan in whole months, frequency per month
/// with one decimal: short decimals) and fractional years (the same lifespans as months / 12 years:
/// 28-digit decimals, the worst case).
/// </summary>
[MemoryDiagnoser]
public class SegmentBulkBenchmarks
{
    private const int Customers = 1_000_000;
    private const int Segments = 100;

    private readonly SimpleLtvModel _model = SimpleLtvModel.Instance;
    private CustomerRecord[] _records = [];
    private int[] _segment = [];
    private decimal[] _apv = [];
    private decimal[] _frequency = [];
    private decimal[] _lifespan = [];
    private decimal[] _values = [];
    private BulkLtvEngine _engine = null!;
    private BulkSegmentTotals _totals = null!;

    [Params("WholeMonths", "FractionalYears")]
    public string Shape { get; set; } = "WholeMonths";

    /// <summary>One customer as the record-based API sees it.</summary>
    /// <param name="Segment">The segment index.</param>
    /// <param name="Drivers">The customer's drivers.</param>
    public sealed record CustomerRecord(int Segment, ValueDrivers Drivers);

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20_261_130);
        var months = Shape == "WholeMonths";
        var unit = months ? TimeUnit.Month : TimeUnit.Year;
        _segment = new int[Customers];
        _apv = new decimal[Customers];
        _frequency = new decimal[Customers];
        _lifespan = new decimal[Customers];
        _values = new decimal[Customers];
        _records = new CustomerRecord[Customers];
        for (var i = 0; i < Customers; i++)
        {
            _segment[i] = random.Next(Segments);
            _apv[i] = random.Next(1_000, 200_000) / 100m;
            _frequency[i] = random.Next(1, 120) / 10m;
            _lifespan[i] = months ? random.Next(1, 120) : random.Next(1, 120) / 12m;
            _records[i] = new CustomerRecord(_segment[i], new ValueDrivers
            {
                AveragePurchaseValue = Money.Of(_apv[i], Currency.DKK),
                PurchaseFrequency = new PurchaseRate(_frequency[i], unit),
                Lifespan = new Duration(_lifespan[i], unit),
            });
        }

        _engine = new BulkLtvEngine(_model, new BulkUnits { Currency = Currency.DKK, FrequencyPer = unit, LifespanUnit = unit });
        _totals = new BulkSegmentTotals(Segments, Currency.DKK);
    }

    [Benchmark(Baseline = true)]
    public decimal[] LinqGroupBySumOverRecords()
    {
        var totals = new decimal[Segments];
        foreach (var group in _records.GroupBy(r => r.Segment))
        {
            totals[group.Key] = group.Sum(r => _model.Estimate(r.Drivers).Value.Amount);
        }

        return totals;
    }

    [Benchmark]
    public decimal[] LinqGroupBySumInlineFormula()
    {
        var totals = new decimal[Segments];
        foreach (var group in _records.GroupBy(r => r.Segment))
        {
            totals[group.Key] = group.Sum(r => r.Drivers.AveragePurchaseValue!.Value.Amount * (r.Drivers.PurchaseFrequency!.Value.Count * r.Drivers.Lifespan!.Value.Value));
        }

        return totals;
    }

    [Benchmark]
    public decimal BulkSequential()
    {
        var columns = new CustomerSpans { SegmentIndex = _segment, AveragePurchaseValue = _apv, PurchaseFrequency = _frequency, Lifespan = _lifespan };
        _engine.Compute(columns, _values, _totals);
        return _totals.Values[0];
    }

    [Benchmark]
    public decimal BulkParallel()
    {
        var columns = new CustomerColumns { SegmentIndex = _segment, AveragePurchaseValue = _apv, PurchaseFrequency = _frequency, Lifespan = _lifespan };
        _engine.ComputeParallel(columns, _values, _totals);
        return _totals.Values[0];
    }
}
