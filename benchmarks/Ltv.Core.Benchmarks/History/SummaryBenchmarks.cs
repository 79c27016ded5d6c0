using BenchmarkDotNet.Attributes;

using Ltv.Core.Domain;
using Ltv.Core.History;

namespace Ltv.Core.Benchmarks.History;

/// <summary>
/// Per-customer summary (x, t_x, T, monetary) of 10,000,000 in-memory rows of 1,000,000 customers, against
/// a naive LINQ GroupBy that computes the same columns. Rows are in date order (as an export is); the
/// shuffled case exercises the engine's any-order fallback.
/// </summary>
[MemoryDiagnoser]
public class SummaryBenchmarks
{
    private PurchaseLog _log = null!;
    private PurchaseLog _shuffled = null!;
    private SummaryOptions _options = null!;

    /// <summary>Rows in the log.</summary>
    [Params(10_000_000)]
    public int Rows { get; set; }

    /// <summary>Customers drawn from.</summary>
    [Params(1_000_000)]
    public int Customers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _log = SyntheticPurchaseLog.Generate(Rows, Customers, seed: 2026);
        var order = Enumerable.Range(0, _log.Count).ToArray();
        new Random(7).Shuffle(order);
        var c = _log.CustomerIndex.ToArray();
        var d = _log.DayNumber.ToArray();
        var a = _log.AmountMinor.ToArray();
        _shuffled = PurchaseLog.FromColumns(_log.CustomerIds, order.Select(i => c[i]).ToArray(), order.Select(i => d[i]).ToArray(), order.Select(i => a[i]).ToArray(), _log.Currency);
        _options = new SummaryOptions(DateOnly.FromDayNumber(d[^1]), TimeUnit.Week);
    }

    [Benchmark(Baseline = true)]
    public int NaiveLinqGroupBy()
    {
        var customer = _log.CustomerIndex.ToArray();
        var day = _log.DayNumber.ToArray();
        var amount = _log.AmountMinor.ToArray();
        var end = _options.ObservationEnd.DayNumber;
        var summaries = Enumerable.Range(0, customer.Length)
            .Select(i => (Customer: customer[i], Day: day[i], Amount: amount[i]))
            .GroupBy(r => r.Customer)
            .Select(g =>
            {
                var days = g.GroupBy(r => r.Day).Select(t => (Day: t.Key, Sum: t.Sum(r => r.Amount))).OrderBy(t => t.Day).ToList();
                var x = days.Count - 1;
                var recency = (days[^1].Day - days[0].Day) / 7d;
                var age = (end - days[0].Day) / 7d;
                var monetary = x == 0 ? 0m : days.Skip(1).Sum(t => (decimal)t.Sum) / 100m / x;
                return (Customer: g.Key, X: x, Recency: recency, Age: age, Monetary: monetary);
            })
            .ToList();
        return summaries.Count;
    }

    [Benchmark]
    public int Engine() => _log.Summarize(_options).Count;

    [Benchmark]
    public int EngineShuffledRows() => _shuffled.Summarize(_options).Count;

    [Benchmark]
    public int EngineWithMonetaryColumn() => _log.Summarize(_options).Monetary.ToArray().Length;
}
