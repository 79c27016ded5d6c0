namespace Ltv.Core.Bulk;

/// <summary>
/// Columnar customer data as <see cref="ReadOnlyMemory{T}"/> (arrays convert implicitly), for the
/// parallel <see cref="BulkLtvEngine.ComputeParallel(CustomerColumns, Memory{decimal}, BulkSegmentTotals, int)"/>,
/// which cannot capture spans. The same columns and rules as <see cref="CustomerSpans"/>.
/// </summary>
public readonly record struct CustomerColumns
{
    /// <summary>The segment of each customer. Required; its length is the customer count.</summary>
    public ReadOnlyMemory<int> SegmentIndex { get; init; }

    /// <summary>Average purchase value.</summary>
    public ReadOnlyMemory<decimal> AveragePurchaseValue { get; init; }

    /// <summary>Purchases per <see cref="BulkUnits.FrequencyPer"/>.</summary>
    public ReadOnlyMemory<decimal> PurchaseFrequency { get; init; }

    /// <summary>Lifespan in <see cref="BulkUnits.LifespanUnit"/>; empty means 1 / churn.</summary>
    public ReadOnlyMemory<decimal> Lifespan { get; init; }

    /// <summary>Churn per <see cref="BulkUnits.ChurnPer"/>.</summary>
    public ReadOnlyMemory<decimal> Churn { get; init; }

    /// <summary>Gross margin.</summary>
    public ReadOnlyMemory<decimal> GrossMargin { get; init; }

    /// <summary>Cost to serve per <see cref="BulkUnits.CostToServePer"/>; empty means none.</summary>
    public ReadOnlyMemory<decimal> CostToServe { get; init; }

    /// <summary>Acquisition cost per customer; empty means unknown.</summary>
    public ReadOnlyMemory<decimal> AcquisitionCost { get; init; }

    /// <summary>The number of customers.</summary>
    public int Count => SegmentIndex.Length;

    /// <summary>The same columns as spans.</summary>
    /// <returns>The spans.</returns>
    public CustomerSpans AsSpans() => new()
    {
        SegmentIndex = SegmentIndex.Span,
        AveragePurchaseValue = AveragePurchaseValue.Span,
        PurchaseFrequency = PurchaseFrequency.Span,
        Lifespan = Lifespan.Span,
        Churn = Churn.Span,
        GrossMargin = GrossMargin.Span,
        CostToServe = CostToServe.Span,
        AcquisitionCost = AcquisitionCost.Span,
    };
}
