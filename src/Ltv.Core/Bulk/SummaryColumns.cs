using System.Globalization;

using Ltv.Core.Domain;
using Ltv.Core.History;
using Ltv.Core.Validation;

namespace Ltv.Core.Bulk;

/// <summary>
/// Turns per-customer summaries of a purchase log into the driver columns of the <see cref="BulkLtvEngine"/>: each
/// customer's observed average purchase value and purchase frequency, so a base of millions of customers is valued
/// from its own history in one pass.
/// </summary>
/// <remarks>
/// <para>Per customer i, over the calibration period (a transaction being a day's or period's rows, the first
/// included): average purchase value = calibration spend / (x_i + 1), exact in <see cref="BulkUnits.Currency"/>;
/// purchase frequency = (x_i + 1) / T_i per the summary's unit, converted to <see cref="BulkUnits.FrequencyPer"/>.
/// A customer with T = 0 (first purchase on the calibration end) has no observed rate and takes the pooled rate of
/// their segment, total transactions / total T of the segment's customers with T &gt; 0 (the rate
/// <see cref="SegmentAggregator"/> reports). Observed rates of young customers are noisy; for forward-looking values
/// per customer use the probabilistic models (<see cref="Probabilistic.Clv.ClvCalculator"/>).</para>
/// <para>The other columns (lifespan or churn, gross margin, costs) are the caller's assumptions: set them on the
/// result with <c>with { Churn = ..., GrossMargin = ... }</c>.</para>
/// </remarks>
public static class SummaryColumns
{
    /// <summary>Builds the average purchase value, purchase frequency and segment columns of every customer.</summary>
    /// <param name="summaries">Summaries of a purchase log (<see cref="CustomerSummaries.HasPurchaseHistory"/>).</param>
    /// <param name="units">The units of the engine's columns; its currency must be the summaries'.</param>
    /// <param name="segmentIndex">The segment of each customer, one per summary row, each zero or more.</param>
    /// <param name="convention">
    /// The calendar convention for converting the summary's unit to <see cref="BulkUnits.FrequencyPer"/> when no exact
    /// conversion exists (weeks to years); <see langword="null"/> for the summary options' convention, else exact only.
    /// </param>
    /// <returns>Columns with <see cref="CustomerColumns.SegmentIndex"/>, <see cref="CustomerColumns.AveragePurchaseValue"/> and <see cref="CustomerColumns.PurchaseFrequency"/> set.</returns>
    /// <exception cref="ArgumentException">The summaries hold no purchase history, the segment column has the wrong length or a negative index, or a segment has no customer with T &gt; 0 for a customer with T = 0.</exception>
    /// <exception cref="CurrencyMismatchException">The units are in another currency than the summaries.</exception>
    /// <exception cref="UnitMismatchException">The summary's unit cannot be converted to the frequency unit without a convention.</exception>
    public static CustomerColumns FromSummaries(CustomerSummaries summaries, BulkUnits units, ReadOnlyMemory<int> segmentIndex, CalendarConvention? convention = null)
    {
        ArgumentNullException.ThrowIfNull(summaries);
        ArgumentNullException.ThrowIfNull(units);
        summaries.RequireHistory("SummaryColumns.FromSummaries");
        if (units.Currency != summaries.Currency)
        {
            throw new CurrencyMismatchException(summaries.Currency, units.Currency, "bulk columns from summaries (BulkUnits.Currency must be the summaries' currency)");
        }

        var n = summaries.Count;
        if (segmentIndex.Length != n)
        {
            throw new ArgumentException($"segmentIndex must have one entry per customer summary ({n.ToString(CultureInfo.InvariantCulture)}) (was {segmentIndex.Length.ToString(CultureInfo.InvariantCulture)}).", nameof(segmentIndex));
        }

        var segments = segmentIndex.Span;
        var x = summaries.Frequency;
        var t = summaries.Age;
        var first = summaries.FirstSpendMinor;
        var repeat = summaries.RepeatSpendMinor;
        var unit = summaries.Options.Unit;
        var calendar = convention ?? summaries.Options.Convention;

        // Per-unit rate -> per FrequencyPer: one factor for every customer (exact where an exact conversion exists).
        var perUnit = new PurchaseRate(1m, unit);
        var factor = (calendar is null ? perUnit.In(units.FrequencyPer) : perUnit.In(units.FrequencyPer, calendar)).Count;

        var segmentCount = 0;
        for (var i = 0; i < n; i++)
        {
            if (segments[i] < 0)
            {
                throw new ArgumentException($"segmentIndex[{i.ToString(CultureInfo.InvariantCulture)}] must be zero or more (was '{segments[i].ToString(CultureInfo.InvariantCulture)}').", nameof(segmentIndex));
            }

            segmentCount = Math.Max(segmentCount, segments[i] + 1);
        }

        var pooledTransactions = new decimal[segmentCount];
        var pooledExposure = new double[segmentCount];
        for (var i = 0; i < n; i++)
        {
            if (t[i] > 0d)
            {
                pooledTransactions[segments[i]] += x[i] + 1;
                pooledExposure[segments[i]] += t[i];
            }
        }

        var scale = summaries.MinorUnitScale;
        var apv = new decimal[n];
        var frequency = new decimal[n];
        for (var i = 0; i < n; i++)
        {
            var transactions = x[i] + 1;
            apv[i] = (first[i] + (decimal)repeat[i]) / scale / transactions;
            if (t[i] > 0d)
            {
                frequency[i] = transactions / Guard.ToDecimal(t[i]) * factor;
            }
            else
            {
                var s = segments[i];
                frequency[i] = pooledExposure[s] > 0d
                    ? pooledTransactions[s] / Guard.ToDecimal(pooledExposure[s]) * factor
                    : throw new ArgumentException($"customer '{summaries.CustomerIdArray[i]}' (row {(i + 1).ToString(CultureInfo.InvariantCulture)}) has T = 0 and segment {s.ToString(CultureInfo.InvariantCulture)} has no customer with T greater than 0 to take a purchase frequency from.", nameof(segmentIndex));
            }
        }

        return new CustomerColumns { SegmentIndex = segmentIndex, AveragePurchaseValue = apv, PurchaseFrequency = frequency };
    }
}
