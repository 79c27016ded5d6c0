using Ltv.Core.Validation;

namespace Ltv.Core.Bulk;

/// <summary>The bulk engine's per-customer output must not share memory with any input column (it is written while the columns are still being read).</summary>
internal static class OutputOverlap
{
    /// <summary>Throws <see cref="ArgumentException"/> naming customerValues and the column it overlaps.</summary>
    public static void Refuse(CustomerSpans c, ReadOnlySpan<decimal> customerValues)
    {
        const string output = "customerValues";
        SpanOverlap.Refuse(customerValues, output, c.SegmentIndex, "segmentIndex");
        SpanOverlap.Refuse(customerValues, output, c.AveragePurchaseValue, "averagePurchaseValue");
        SpanOverlap.Refuse(customerValues, output, c.PurchaseFrequency, "purchaseFrequency");
        SpanOverlap.Refuse(customerValues, output, c.Lifespan, "lifespan");
        SpanOverlap.Refuse(customerValues, output, c.Churn, "churn");
        SpanOverlap.Refuse(customerValues, output, c.GrossMargin, "grossMargin");
        SpanOverlap.Refuse(customerValues, output, c.CostToServe, "costToServe");
        SpanOverlap.Refuse(customerValues, output, c.AcquisitionCost, "acquisitionCost");
    }
}
