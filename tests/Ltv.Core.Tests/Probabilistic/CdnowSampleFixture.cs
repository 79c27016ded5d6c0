using System.Globalization;

using Ltv.Core.Datasets;
using Ltv.Core.Domain;
using Ltv.Core.History;

namespace Ltv.Core.Tests.Probabilistic;

/// <summary>
/// TEST FIXTURE ONLY (to be replaced by the history-ingestion API of issue 5): the CDNOW sample's
/// calibration summary computed from the raw embedded log. Calibration 1997-01-01 .. 1997-09-30
/// inclusive; rows on the same day of one customer are collapsed (dollars summed); x = repeat purchase
/// days, t_x = (last day - first day) / 7 and T = (1997-09-30 - first day) / 7 in weeks, exactly;
/// zbar = mean dollars of the repeat days (0 when x = 0).
/// </summary>
internal static class CdnowSampleFixture
{
    private static readonly Lazy<Summary> Cached = new(() => Build(EmbeddedData.CdnowSample, sampleIdColumn: 1, dateColumn: 2, dollarColumn: 4, header: false));

    public static Summary Sample => Cached.Value;

    public static Summary Build(string file, int sampleIdColumn, int dateColumn, int dollarColumn, bool header)
    {
        var end = new DateOnly(1997, 9, 30);
        var days = new Dictionary<int, SortedDictionary<DateOnly, double>>();
        using var reader = new StreamReader(EmbeddedData.Open(file));
        if (header)
        {
            reader.ReadLine();
        }

        while (reader.ReadLine() is { } line)
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 0)
            {
                continue;
            }

            var id = int.Parse(parts[sampleIdColumn], CultureInfo.InvariantCulture);
            var date = DateOnly.ParseExact(parts[dateColumn], "yyyyMMdd", CultureInfo.InvariantCulture);
            var dollars = double.Parse(parts[dollarColumn], CultureInfo.InvariantCulture);
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
            var last = byDay.Keys.Last();
            x[i] = byDay.Count - 1;
            tx[i] = (last.DayNumber - first.DayNumber) / 7.0;
            t[i] = (end.DayNumber - first.DayNumber) / 7.0;
            zbar[i] = x[i] > 0 ? byDay.Values.Skip(1).Sum() / x[i] : 0;
        }

        return new Summary(ids, x, tx, t, zbar);
    }

    /// <summary>The published rounded summary (ID, x, t_x, T, zbar) for cross-checking the fixture.</summary>
    public static (int Id, double X, double Tx, double T, double Zbar)[] Published()
    {
        return EmbeddedData.ReadAllText(EmbeddedData.CdnowSampleSummary)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Skip(1)
            .Select(l => l.Split(','))
            .Select(p => (int.Parse(p[0], CultureInfo.InvariantCulture), D(p[1]), D(p[2]), D(p[3]), D(p[4])))
            .ToArray();

        static double D(string s) => double.Parse(s, CultureInfo.InvariantCulture);
    }

    internal sealed record Summary(int[] Ids, double[] X, double[] Tx, double[] T, double[] Zbar)
    {
        public RfmPatterns Patterns { get; } = RfmPatterns.Compress(X, Tx, T, TimeUnit.Week);

        public int Count => Ids.Length;
    }
}
