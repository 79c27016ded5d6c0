using BenchmarkDotNet.Attributes;
using Ltv.Core.Bulk;
using Ltv.Core.Domain;
using Ltv.Core.Strategies;

namespace Ltv.Core.Benchmarks.Strategies;

/// <summary>
/// Each strategy over 1,000,000 customers through the record API (<see cref="ILtvModel.Estimate"/>,
/// which also records the inputs behind every value) against a naive LINQ baseline that computes only
/// the number, and against the columnar bulk engine (<see cref="BulkLtvEngine"/>, the hot path), all in
/// one run. The ratio shows the price of the explained result and the gain of the bulk engine.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 2, iterationCount: 5)]
public class StrategyBenchmarks
{
    private ValueDrivers[] _drivers = [];
    private ILtvModel _model = SimpleLtvModel.Instance;
    private CustomerColumns _columns;
    private decimal[] _values = [];
    private BulkLtvEngine? _engine;

    /// <summary>Number of customers.</summary>
    [Params(1_000_000)]
    public int Customers { get; set; }

    /// <summary>The strategy.</summary>
    [Params("simple", "churn", "discounted", "margin")]
    public string Strategy { get; set; } = "simple";

    /// <summary>Builds the customers (seeded).</summary>
    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _drivers = new ValueDrivers[Customers];
        for (var i = 0; i < Customers; i++)
        {
            _drivers[i] = new ValueDrivers
            {
                AveragePurchaseValue = Money.Of(random.Next(1_000, 100_000) / 100m, Currency.EUR),
                PurchaseFrequency = PurchaseRate.PerMonth(random.Next(1, 400) / 100m),
                Lifespan = Duration.Months(random.Next(1, 120)),
                GrossMargin = new GrossMargin(random.Next(10, 90) / 100m),
                Churn = ChurnRate.PerMonth(random.Next(1, 50) / 100m),
                CostToServe = new MoneyRate(Money.Of(random.Next(0, 500) / 100m, Currency.EUR), TimeUnit.Month),
            };
        }

        _columns = new CustomerColumns
        {
            SegmentIndex = new int[Customers],
            AveragePurchaseValue = _drivers.Select(d => d.AveragePurchaseValue!.Value.Amount).ToArray(),
            PurchaseFrequency = _drivers.Select(d => d.PurchaseFrequency!.Value.Count).ToArray(),
            Lifespan = _drivers.Select(d => d.Lifespan!.Value.Value).ToArray(),
            GrossMargin = _drivers.Select(d => d.GrossMargin!.Value.Value).ToArray(),
            Churn = _drivers.Select(d => d.Churn!.Value.Value).ToArray(),
            CostToServe = _drivers.Select(d => d.CostToServe!.Value.Amount.Amount).ToArray(),
        };
        _values = new decimal[Customers];

        _model = Strategy switch
        {
            "simple" => SimpleLtvModel.Instance,
            "churn" => ChurnLtvModel.Instance,
            "margin" => MarginLtvModel.Instance,
            _ => new DiscountedLtvModel(new() { DiscountRate = DiscountRate.PerMonth(0.01m) }),
        };
    }

    /// <summary>Naive LINQ: the bare formula per customer, summed.</summary>
    /// <returns>The total.</returns>
    [Benchmark(Baseline = true)]
    public decimal NaiveLinq() => Strategy switch
    {
        "simple" => _drivers.Select(d => d.AveragePurchaseValue!.Value.Amount * d.PurchaseFrequency!.Value.Count * d.Lifespan!.Value.Value).Sum(),
        "churn" => _drivers.Select(d => (d.AveragePurchaseValue!.Value.Amount * d.PurchaseFrequency!.Value.Count * d.GrossMargin!.Value.Value - d.CostToServe!.Value.Amount.Amount) / d.Churn!.Value.Value).Sum(),
        "margin" => _drivers.Select(d => d.AveragePurchaseValue!.Value.Amount * d.PurchaseFrequency!.Value.Count * d.Lifespan!.Value.Value * d.GrossMargin!.Value.Value - d.CostToServe!.Value.Amount.Amount * d.Lifespan!.Value.Value).Sum(),
        _ => _drivers.Select(d =>
        {
            var m = d.AveragePurchaseValue!.Value.Amount * d.PurchaseFrequency!.Value.Count * d.GrossMargin!.Value.Value - d.CostToServe!.Value.Amount.Amount;
            var r = 1m - d.Churn!.Value.Value;
            return m * 1.01m / (1.01m - r);
        }).Sum(),
    };

    /// <summary>The strategy's record API, with the explained result per customer.</summary>
    /// <returns>The total.</returns>
    [Benchmark]
    public decimal RecordApi()
    {
        var total = 0m;
        foreach (var drivers in _drivers)
        {
            total += _model.Estimate(drivers).Value.Amount;
        }

        return total;
    }

    /// <summary>The bulk engine over the same customers as columns: one pass, no allocation per customer.</summary>
    /// <returns>The total.</returns>
    [Benchmark]
    public decimal BulkEngine()
    {
        _engine ??= new BulkLtvEngine(_model, new BulkUnits
        {
            Currency = Currency.EUR,
            FrequencyPer = TimeUnit.Month,
            LifespanUnit = TimeUnit.Month,
            ChurnPer = TimeUnit.Month,
            CostToServePer = TimeUnit.Month,
        });
        var totals = new BulkSegmentTotals(1, Currency.EUR);
        _engine.Compute(_columns.AsSpans(), _values, totals);
        return totals.BaseTotal.Amount;
    }
}
