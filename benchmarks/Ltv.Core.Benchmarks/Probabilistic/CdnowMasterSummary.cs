using System.Globalization;

using Ltv.Core.Datasets;
using Ltv.Core.Domain;
using Ltv.Core.History;

namespace Ltv.Core.Benchmarks.Probabilistic;

/// <summary>
/// The CDNOW master cohort (23,570 customers) summarised for the probabilistic benchmarks: calibration
/// 1997-01-01 .. 1997-09-30 inclusive, rows on the same day collapsed (dollars summed), weeks = days / 7,
/// zbar = mean dollars of the repeat days. Same conventions as the published CDNOW sample analysis.
/// </summary>
internal sealed class CdnowMasterSummary
{
    private CdnowMasterSummary(double[] x, double[] tx, double[] t, double[] zbar)
    {
        X = x;
        Tx = tx;
        T = t;
        Zbar = zbar;
        Patterns = RfmPatterns.Compress(x, tx, t, TimeUnit.Week);
    }

    public double[] X { get; }

    public double[] Tx { get; }

    public double[] T { get; }

    public double[] Zbar { get; }

    public RfmPatterns Patterns { get; }

    public int Count => X.Length;

    public static CdnowMasterSummary Load()
    {
        var end = new DateOnly(1997, 9, 30);
        var days = new Dictionary<int, SortedDictionary<DateOnly, double>>();
        using var reader = new StreamReader(EmbeddedData.Open(EmbeddedData.CdnowMaster));
        reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 4)
            {
                continue;
            }

            var id = int.Parse(parts[0], CultureInfo.InvariantCulture);
            var date = DateOnly.ParseExact(parts[1], "yyyyMMdd", CultureInfo.InvariantCulture);
            var dollars = double.Parse(parts[3], CultureInfo.InvariantCulture);
            if (!days.TryGetValue(id, out var byDay))
            {
                byDay = [];
                days.Add(id, byDay);
            }

            if (date <= end)
            {
                byDay[date] = byDay.GetValueOrDefault(date) + dollars;
            }
        }

        var ids = days.Keys.Order().ToArray();
        var x = new double[ids.Length];
        var tx = new double[ids.Length];
        var t = new double[ids.Length];
        var zbar = new double[ids.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            var byDay = days[ids[i]];
            var first = byDay.Keys.First();
            x[i] = byDay.Count - 1;
            tx[i] = (byDay.Keys.Last().DayNumber - first.DayNumber) / 7.0;
            t[i] = (end.DayNumber - first.DayNumber) / 7.0;
            zbar[i] = x[i] > 0 ? byDay.Values.Skip(1).Sum() / x[i] : 0;
        }

        return new CdnowMasterSummary(x, tx, t, zbar);
    }

    /// <summary>The same patterns with every weight multiplied (10x the customers, the same distinct rows).</summary>
    public RfmPatterns Scaled(double factor) =>
        RfmPatterns.FromWeightedRows(Patterns.Frequency, Patterns.Recency, Patterns.Age, Patterns.Weight.ToArray().Select(w => w * factor).ToArray(), TimeUnit.Week);
}
