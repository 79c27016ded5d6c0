using Ltv.Core.Bulk;
using Ltv.Core.Domain;
using Ltv.Core.Strategies;

namespace Ltv.Core.Tests.Bulk;

/// <summary>Issue 13 item 14: the bulk engine refuses a customerValues span that shares memory with an input column.</summary>
public class BulkOverlapTests
{
    private static readonly BulkUnits Units = new()
    {
        Currency = Currency.DKK,
        FrequencyPer = TimeUnit.Year,
        LifespanUnit = TimeUnit.Year,
        ChurnPer = TimeUnit.Year,
        CostToServePer = TimeUnit.Year,
    };

    [Fact]
    public void Compute_refuses_values_written_over_an_input_column()
    {
        var engine = new BulkLtvEngine(SimpleLtvModel.Instance, Units);
        decimal[] apv = [100m, 200m], frequency = [2m, 3m], lifespan = [1m, 2m];
        int[] segment = [0, 0];
        CustomerSpans Spans() => new() { SegmentIndex = segment, AveragePurchaseValue = apv, PurchaseFrequency = frequency, Lifespan = lifespan };
        var totals = new BulkSegmentTotals(1, Currency.DKK);
        var error = Assert.Throws<ArgumentException>(() => engine.Compute(Spans(), apv, totals));
        Assert.Equal("customerValues", error.ParamName);
        Assert.Contains("customerValues must not share memory with averagePurchaseValue", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => engine.Compute(Spans(), lifespan, totals));
        Assert.Equal([100m, 200m], apv);

        var values = new decimal[2];
        engine.Compute(Spans(), values, totals);
        Assert.Equal([200m, 1200m], values);
    }

    [Fact]
    public void ComputeParallel_refuses_values_written_over_an_input_column()
    {
        var engine = new BulkLtvEngine(SimpleLtvModel.Instance, Units);
        var block = new decimal[] { 100m, 200m, 2m, 3m, 1m, 2m };
        var columns = new CustomerColumns
        {
            SegmentIndex = new[] { 0, 0 },
            AveragePurchaseValue = block.AsMemory(0, 2),
            PurchaseFrequency = block.AsMemory(2, 2),
            Lifespan = block.AsMemory(4, 2),
        };
        var totals = new BulkSegmentTotals(1, Currency.DKK);
        var error = Assert.Throws<ArgumentException>(() => engine.ComputeParallel(columns, block.AsMemory(3, 2), totals));
        Assert.Contains("customerValues must not share memory with purchaseFrequency", error.Message, StringComparison.Ordinal);
        var values = new decimal[2];
        engine.ComputeParallel(columns, values, totals);
        Assert.Equal([200m, 1200m], values);
    }
}
