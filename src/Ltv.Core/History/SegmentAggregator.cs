using Ltv.Core.Domain;
using Ltv.Core.Validation;

namespace Ltv.Core.History;

/// <summary>
/// Aggregates customer summaries into per-segment value drivers for the simple, churn, margin and
/// discounted strategies: APV, PF and CL, grouped by a caller-chosen key of the customer id.
/// </summary>
/// <remarks>
/// <para>Per segment, over the calibration period of the summary (all transactions, first included, a
/// transaction being a day's or period's rows): APV = revenue / transactions (exact money);
/// PF = transactions / customer exposure, where a customer's exposure is their age T (first purchase to the
/// calibration end), in the summary's unit; CL = the mean observed tenure t_x (first to last transaction) in
/// that unit, a lower bound because tenures are cut off at the calibration end, or, when a churn rate is
/// given, 1 / churn in the churn's period (and the churn is set on the drivers).</para>
/// <para>When every customer of a segment has age 0 the purchase frequency is unknown and left unset (a
/// strategy then reports it missing). Segments come sorted by key (ordinal).</para>
/// </remarks>
public static class SegmentAggregator
{
    /// <summary>Aggregates per segment.</summary>
    /// <param name="summaries">The customer summaries.</param>
    /// <param name="segmentOf">The segment key of a customer id (for example a lookup of region by id); not blank.</param>
    /// <param name="churn">A known churn rate applied to every segment; <see langword="null"/> for lifespans from observed tenure.</param>
    /// <returns>One segment per key.</returns>
    /// <exception cref="ArgumentException">A key is blank.</exception>
    public static IReadOnlyList<Segment> Aggregate(CustomerSummaries summaries, Func<string, string> segmentOf, ChurnRate? churn = null)
    {
        ArgumentNullException.ThrowIfNull(summaries);
        ArgumentNullException.ThrowIfNull(segmentOf);
        summaries.RequireHistory("SegmentAggregator.Aggregate");
        var unit = summaries.Options.Unit;
        var totals = new Dictionary<string, Totals>(StringComparer.Ordinal);
        var ids = summaries.CustomerIdArray;
        for (var i = 0; i < summaries.Count; i++)
        {
            var key = Guard.NotBlank(segmentOf(ids[i]), "segment key");
            if (!totals.TryGetValue(key, out var t))
            {
                t = new Totals();
                totals.Add(key, t);
            }

            t.Customers++;
            t.Transactions += summaries.Frequency[i] + 1;
            t.RevenueMinor += summaries.FirstSpendMinor[i] + summaries.RepeatSpendMinor[i];
            t.Exposure += summaries.Age[i];
            t.Tenure += summaries.Recency[i];
        }

        var result = new List<Segment>(totals.Count);
        foreach (var (key, t) in totals.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var apv = new Money(t.RevenueMinor / summaries.MinorUnitScale / t.Transactions, summaries.Currency);
            var drivers = new ValueDrivers
            {
                AveragePurchaseValue = apv,
                PurchaseFrequency = t.Exposure > 0d ? new PurchaseRate(t.Transactions / Guard.ToDecimal(t.Exposure), unit) : null,
                Lifespan = churn is { } c ? c.ExpectedLifespan : new Duration(Guard.ToDecimal(t.Tenure) / t.Customers, unit),
                Churn = churn,
            };
            result.Add(new Segment(key, drivers, t.Customers));
        }

        return result;
    }

    private sealed class Totals
    {
        public long Customers;
        public long Transactions;
        public decimal RevenueMinor; // decimal: a segment's total may pass long.MaxValue minor units
        public double Exposure;
        public double Tenure;
    }
}
