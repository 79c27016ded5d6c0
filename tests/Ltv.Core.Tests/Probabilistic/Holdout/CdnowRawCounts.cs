using System.Globalization;
using Ltv.Core.Datasets;

namespace Ltv.Core.Tests.Probabilistic.Holdout;

/// <summary>
/// Calibration and holdout transaction counts of the CDNOW sample counted straight from the raw text file
/// (distinct purchase days per customer), without the library's reader or summarizer: an independent
/// check of the holdout numbers.
/// </summary>
internal static class CdnowRawCounts
{
    private static readonly Lazy<Counts> Cached = new(Load);

    public static Counts Sample => Cached.Value;

    private static Counts Load()
    {
        var calibrationEnd = new DateOnly(1997, 9, 30);
        var observationEnd = new DateOnly(1998, 6, 30);
        var days = new SortedDictionary<string, SortedSet<DateOnly>>(StringComparer.Ordinal);
        foreach (var line in EmbeddedData.ReadAllText(EmbeddedData.CdnowSample).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var date = DateOnly.ParseExact(fields[2], "yyyyMMdd", CultureInfo.InvariantCulture);
            if (!days.TryGetValue(fields[1], out var set))
            {
                days[fields[1]] = set = [];
            }

            set.Add(date);
        }

        var calibration = new Dictionary<string, int>(StringComparer.Ordinal);
        var holdout = new Dictionary<string, int>(StringComparer.Ordinal);
        var byWeek = new double[78];
        var origin = days.Values.Min(s => s.Min);
        foreach (var (id, set) in days)
        {
            calibration[id] = set.Count(d => d <= calibrationEnd) - 1;
            holdout[id] = set.Count(d => d > calibrationEnd && d <= observationEnd);
            foreach (var d in set.Skip(1))
            {
                byWeek[(d.DayNumber - origin.DayNumber) / 7]++;
            }
        }

        return new Counts(calibration, holdout, byWeek);
    }

    internal sealed record Counts(Dictionary<string, int> CalibrationRepeats, Dictionary<string, int> HoldoutTransactions, double[] RepeatsByWeek);
}
