using System.Globalization;

using Ltv.Core.Domain;
using Ltv.Core.Validation;

namespace Ltv.Core.History;

/// <summary>
/// Turns a purchase log into discrete-opportunity patterns (x, t_x, n) for BG/BB: one opportunity per calendar
/// period (day, week, month or year).
/// </summary>
/// <remarks>
/// <para>A customer's first purchase falls in opportunity 0; a purchase in the k-th period after it is at
/// opportunity k (calendar years or months for <see cref="TimeUnit.Year"/> and <see cref="TimeUnit.Month"/>: 1995 to
/// 1996 is one opportunity; whole days and 7-day steps from the first purchase for <see cref="TimeUnit.Day"/> and
/// <see cref="TimeUnit.Week"/>). x = the number of opportunities 1..n with at least one purchase (several
/// purchases in one period count once), t_x = the last of them (0 when x = 0), n = the opportunity of the
/// calibration end date. Purchases after the end are ignored; customers first seen after the end, or in the end's
/// own period (n = 0: no opportunity observed yet), are left out.</para>
/// </remarks>
public static class DiscreteSummarizer
{
    /// <summary>Summarises a log into weighted (x, t_x, n) patterns in units of one opportunity.</summary>
    /// <param name="log">The purchase log.</param>
    /// <param name="period">The length of one opportunity.</param>
    /// <param name="end">The last day of the calibration window (inclusive).</param>
    /// <returns>The compressed patterns (frequency x, recency t_x, age n), unit <paramref name="period"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="log"/> is null.</exception>
    /// <exception cref="ArgumentException">No customer has an opportunity after the first by <paramref name="end"/>.</exception>
    public static RfmPatterns Summarize(PurchaseLog log, TimeUnit period, DateOnly end)
    {
        ArgumentNullException.ThrowIfNull(log);
        Guard.Defined(period);
        var customers = log.CustomerCount;
        var first = new int[customers];
        Array.Fill(first, int.MaxValue);
        var days = log.DayNumber;
        var index = log.CustomerIndex;
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
        for (var i = 0; i < log.Count; i++)
        {
            var c = index[i];
            if (days[i] > endDay || first[c] == int.MaxValue)
            {
                continue;
            }

            var k = Opportunity(first[c], days[i], period);
            if (k > 0 && seen.Add((c, k)))
            {
                x[c]++;
                tx[c] = Math.Max(tx[c], k);
            }
        }

        var fx = new List<double>();
        var ftx = new List<double>();
        var fn = new List<double>();
        for (var c = 0; c < customers; c++)
        {
            if (first[c] == int.MaxValue)
            {
                continue;
            }

            var n = Opportunity(first[c], endDay, period);
            if (n > 0)
            {
                fx.Add(x[c]);
                ftx.Add(tx[c]);
                fn.Add(n);
            }
        }

        if (fn.Count == 0)
        {
            throw new ArgumentException($"end ({end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}) leaves no customer with an opportunity after the first purchase's {TimeUnits.Name(period)}.", nameof(end));
        }

        return RfmPatterns.Compress([.. fx], [.. ftx], [.. fn], period);
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
