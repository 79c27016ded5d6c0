using System.Globalization;
using Ltv.Core.Datasets;
using Ltv.Core.History;

namespace Ltv.Core.Tests.Probabilistic;

/// <summary>
/// The CDNOW sample's calibration summary (1997-01-01 .. 1997-09-30, weeks, same-day rows collapsed) as
/// the probabilistic tests read it, produced by the library's own ingestion path
/// (<see cref="CdnowDatasets.LoadSample"/>), whose agreement with the published summary is tested in
/// <c>Datasets/CdnowSummaryTests</c>.
/// </summary>
internal static class CdnowSampleFixture
{
    private static readonly Lazy<Summary> Cached = new(Load);

    public static Summary Sample => Cached.Value;

    private static Summary Load()
    {
        var summaries = CdnowDatasets.LoadSample().Summaries;
        var ids = summaries.CustomerIds.Select(id => int.Parse(id, CultureInfo.InvariantCulture)).ToArray();
        var x = new double[summaries.Count];
        for (var i = 0; i < x.Length; i++)
        {
            x[i] = summaries.Frequency[i];
        }

        return new Summary(ids, x, summaries.Recency.ToArray(), summaries.Age.ToArray(), summaries.Monetary.ToArray(), summaries.ToPatterns());
    }

    internal sealed record Summary(int[] Ids, double[] X, double[] Tx, double[] T, double[] Zbar, RfmPatterns Patterns)
    {
        public int Count => Ids.Length;
    }
}
