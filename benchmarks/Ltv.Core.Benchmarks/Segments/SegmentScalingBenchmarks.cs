using BenchmarkDotNet.Attributes;

using Ltv.Core.Bulk;
using Ltv.Core.Domain;
using Ltv.Core.Strategies;

namespace Ltv.Core.Benchmarks.Segments;

/// <summary>
/// Scaling of per-segment LTV (churn model, 100 segments) with 100k, 1M and 10M customers: the bulk engine
/// against a naive LINQ GroupBy/Sum over the same columns with the formula inlined.
/// </summary>
[MemoryDiagnoser]
public class SegmentScalingBenchmarks
{
    private const int Segments = 100;

    private int[] _segment = [];
    private decimal[] _apv = [];
    private decimal[] _frequency = [];
    private decimal[] _margin = [];
    private decimal[] _churn = [];
    private decimal[] _values = [];
    private BulkLtvEngine _engine = null!;
    private BulkSegmentTotals _totals = null!;

    [Params(100_000, 1_000_000, 10_000_000)]
    public int Customers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20_261_130);
        _segment = new int[Customers];
        _apv = new decimal[Customers];
        _frequency = new decimal[Customers];
        _margin = new decimal[Customers];
        _churn = new decimal[Customers];
        _values = new decimal[Customers];
        for (var i = 0; i < Customers; i++)
        {
            _segment[i] = random.Next(Segments);
            _apv[i] = random.Next(1_000, 200_000) / 100m;
            _frequency[i] = random.Next(1, 12);
            _margin[i] = random.Next(10, 90) / 100m;
            _churn[i] = random.Next(1, 20) / 100m;
        }

        _engine = new BulkLtvEngine(ChurnLtvModel.Instance, new BulkUnits { Currency = Currency.DKK, FrequencyPer = TimeUnit.Month, ChurnPer = TimeUnit.Month });
        _totals = new BulkSegmentTotals(Segments, Currency.DKK);
    }

    [Benchmark(Baseline = true)]
    public decimal[] LinqGroupBySum()
    {
        var totals = new decimal[Segments];
        foreach (var group in Enumerable.Range(0, Customers).GroupBy(i => _segment[i]))
        {
            totals[group.Key] = group.Sum(i => _apv[i] * _frequency[i] * _margin[i] / _churn[i]);
        }

        return totals;
    }

    [Benchmark]
    public decimal Bulk()
    {
        var columns = new CustomerSpans { SegmentIndex = _segment, AveragePurchaseValue = _apv, PurchaseFrequency = _frequency, GrossMargin = _margin, Churn = _churn };
        _engine.Compute(columns, _values, _totals);
        return _totals.Values[0];
    }
}
