using System.Globalization;

using Ltv.Core.Domain;
using Ltv.Core.Validation;

namespace Ltv.Core.History;

/// <summary>
/// Turns a purchase log into per-customer discrete-opportunity summaries (x, t_x, n) for BG/BB: one opportunity per
/// calendar period (day, week, month or year).
/// </summary>
/// <remarks>
/// <para>A customer's first purchase falls in opportunity 0; a purchase in the k-th period after it is at
/// opportunity k (calendar years or months for <see cref="TimeUnit.Year"/> and <see cref="TimeUnit.Month"/>: 1995 to
/// 1996 is one opportunity; whole days and 7-day steps from the first purchase for <see cref="TimeUnit.Day"/> and
/// <see cref="TimeUnit.Week"/>). x = the number of opportunities 1..n with at least one purchase (several
/// purchases in one period count once), t_x = the last of them (0 when x = 0), n = the opportunity of the
/// calibration end date; <c>monetary_value</c> is the mean spend of the repeat opportunities (a period's purchases
/// summed; 0 when x = 0). Purchases after the end are ignored and customers first seen after it are left out; a
/// customer first seen in the end's own period has n = 0 (no opportunity observed yet): a row, counted in
/// <see cref="CustomerSummaries.ZeroAgeCount"/> and left out of <see cref="CustomerSummaries.ToPatterns()"/>.</para>
/// <para>The result is the one per-customer summary type, in units of one opportunity, with the columns
/// <c>frequency</c>, <c>recency</c>, <c>T</c> and <c>monetary_value</c> (no purchase history): fit BG/BB on its
/// <see cref="CustomerSummaries.ToPatterns()"/>, and predict per customer from its rows.</para>
/// </remarks>
public static class DiscreteSummarizer
{
    /// <summary>Summarises a log per customer into (x, t_x, n) in units of one opportunity.</summary>
    /// <param name="log">The purchase log.</param>
    /// <param name="period">The length of one opportunity.</param>
    /// <param name="end">The last day of the calibration window (inclusive).</param>
    /// <returns>One row per customer first seen on or before <paramref name="end"/>, in order of first appearance; unit <paramref name="period"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="log"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is not a defined unit.</exception>
    public static CustomerSummaries Summarize(PurchaseLog log, TimeUnit period, DateOnly end)
    {
        ArgumentNullException.ThrowIfNull(log);
        Guard.Defined(period);
        var customers = log.CustomerCount;
        var first = new int[customers];
        Array.Fill(first, int.MaxValue);
        var days = log.DayNumber;
        var index = log.CustomerIndex;
        var amount = log.AmountMinor;
        var endDay = end.DayNumber;
        for (var i = 0; i < log.Count; i++)
        {
            if (days[i] <= endDay && days[i] < first[index[i]])
            {
                first[index[i]] = days[i];
            }
        }

        var seen = new HashSet<(int Customer, int Opportunity)>();
        var x = new double[customers];
        var tx = new double[customers];
        var repeatMinor = new decimal[customers];
        for (var i = 0; i < log.Count; i++)
        {
            var c = index[i];
            if (days[i] > endDay || first[c] == int.MaxValue)
            {
                continue;
            }

            var k = Opportunity(first[c], days[i], period);
            if (k > 0)
            {
                repeatMinor[c] += amount[i];
                if (seen.Add((c, k)))
                {
                    x[c]++;
                    tx[c] = Math.Max(tx[c], k);
                }
            }
        }

        var ids = new List<string>();
        var fx = new List<double>();
        var ftx = new List<double>();
        var fn = new List<double>();
        var monetary = new List<double>();
        var idArray = log.CustomerIdArray;
        for (var c = 0; c < customers; c++)
        {
            if (first[c] == int.MaxValue)
            {
                continue;
            }

            ids.Add(idArray[c]);
            fx.Add(x[c]);
            ftx.Add(tx[c]);
            fn.Add(Opportunity(first[c], endDay, period));
            monetary.Add(x[c] == 0 ? 0d : (double)(repeatMinor[c] / log.MinorUnitScale / (decimal)x[c]));
        }

        var columns = new Dictionary<string, double[]>(StringComparer.Ordinal)
        {
            [CustomerSummaries.FrequencyColumn] = [.. fx],
            [CustomerSummaries.RecencyColumn] = [.. ftx],
            [CustomerSummaries.AgeColumn] = [.. fn],
            [CustomerSummaries.MonetaryColumn] = [.. monetary],
        };
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        var source = string.Create(CultureInfo.InvariantCulture, $"the opportunities ({TimeUnits.Name(period)}s) to {end:yyyy-MM-dd}");
        return CustomerSummaries.FromTable(source, [.. ids], columns, numbers, null, period);
    }

    private static int Opportunity(int firstDay, int day, TimeUnit period)
    {
        switch (period)
        {
            case TimeUnit.Day:
                return day - firstDay;
            case TimeUnit.Week:
                return (day - firstDay) / 7;
            case TimeUnit.Month:
                {
                    var a = DateOnly.FromDayNumber(firstDay);
                    var b = DateOnly.FromDayNumber(day);
                    return ((b.Year - a.Year) * 12) + b.Month - a.Month;
                }

            default:
                return DateOnly.FromDayNumber(day).Year - DateOnly.FromDayNumber(firstDay).Year;
        }
    }
}
