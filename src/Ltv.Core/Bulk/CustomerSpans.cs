namespace Ltv.Core.Bulk;

/// <summary>
/// Columnar customer data as spans, one element per customer, for <see cref="BulkLtvEngine.Compute(CustomerSpans, Span{decimal}, BulkSegmentTotals)"/>.
/// Columns a strategy does not read may be left empty; every non-empty column has one value per customer.
/// </summary>
/// <remarks>
/// Units come from <see cref="BulkUnits"/>. Which columns each strategy reads is listed on
/// <see cref="BulkLtvEngine"/>. A <c>ref struct</c>: build it on the stack around your arrays.
/// </remarks>
public readonly ref struct CustomerSpans
{
    /// <summary>The segment of each customer, 0 to segment count - 1. Required; its length is the customer count.</summary>
    public ReadOnlySpan<int> SegmentIndex { get; init; }

    /// <summary>Average purchase value (revenue / purchases), zero or more.</summary>
    public ReadOnlySpan<decimal> AveragePurchaseValue { get; init; }

    /// <summary>Purchases per <see cref="BulkUnits.FrequencyPer"/>, zero or more.</summary>
    public ReadOnlySpan<decimal> PurchaseFrequency { get; init; }

    /// <summary>Lifespan in <see cref="BulkUnits.LifespanUnit"/>, zero or more; when empty, 1 / churn is used.</summary>
    public ReadOnlySpan<decimal> Lifespan { get; init; }

    /// <summary>Churn per <see cref="BulkUnits.ChurnPer"/>, in (0, 1].</summary>
    public ReadOnlySpan<decimal> Churn { get; init; }

    /// <summary>Gross margin, in [0, 1].</summary>
    public ReadOnlySpan<decimal> GrossMargin { get; init; }

    /// <summary>Cost to serve per <see cref="BulkUnits.CostToServePer"/>, zero or more; empty means none.</summary>
    public ReadOnlySpan<decimal> CostToServe { get; init; }

    /// <summary>Acquisition cost (CAC) of each customer, zero or more; empty means unknown.</summary>
    public ReadOnlySpan<decimal> AcquisitionCost { get; init; }

    /// <summary>The number of customers: the length of <see cref="SegmentIndex"/>.</summary>
    public int Count => SegmentIndex.Length;

    internal CustomerSpans Slice(int start, int length) => new()
    {
        SegmentIndex = SegmentIndex.Slice(start, length),
        AveragePurchaseValue = Part(AveragePurchaseValue, start, length),
        PurchaseFrequency = Part(PurchaseFrequency, start, length),
        Lifespan = Part(Lifespan, start, length),
        Churn = Part(Churn, start, length),
        GrossMargin = Part(GrossMargin, start, length),
        CostToServe = Part(CostToServe, start, length),
        AcquisitionCost = Part(AcquisitionCost, start, length),
    };

    private static ReadOnlySpan<decimal> Part(ReadOnlySpan<decimal> column, int start, int length) =>
        column.IsEmpty ? column : column.Slice(start, length);
}
