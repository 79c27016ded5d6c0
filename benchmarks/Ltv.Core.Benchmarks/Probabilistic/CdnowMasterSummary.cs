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

    public static CdnowMasterSummary Load() => From(CdnowDatasets.LoadMaster());

    /// <summary>The CDNOW sample (2,357 customers, the published analysis's cohort) with the same conventions.</summary>
    public static CdnowMasterSummary LoadSample() => From(CdnowDatasets.LoadSample());

    private static CdnowMasterSummary From(CdnowDataset dataset)
    {
        // The library's own ingestion path (same conventions as the published CDNOW sample analysis).
        var summaries = dataset.Summaries;
        var x = new double[summaries.Count];
        for (var i = 0; i < x.Length; i++)
        {
            x[i] = summaries.Frequency[i];
        }

        return new CdnowMasterSummary(x, summaries.Recency.ToArray(), summaries.Age.ToArray(), summaries.Monetary.ToArray());
    }

    /// <summary>The same patterns with every weight multiplied (10x the customers, the same distinct rows).</summary>
    public RfmPatterns Scaled(double factor) =>
        RfmPatterns.FromWeightedRows(Patterns.Frequency, Patterns.Recency, Patterns.Age, Patterns.Weight.ToArray().Select(w => w * factor).ToArray(), TimeUnit.Week);
}
