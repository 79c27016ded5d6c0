using System.Globalization;

using Ltv.Core.Domain;
using Ltv.Core.History;
using Ltv.Core.IO;

using nietras.SeparatedValues;

namespace Ltv.Core.Datasets;

/// <summary>
/// One-call loaders for the embedded CDNOW data (Fader and Hardie; see the package README for
/// attribution): the 1/10 sample used in the published BG/NBD, Pareto/NBD and Gamma-Gamma examples, the
/// full master cohort, and the published summary of the sample.
/// </summary>
/// <example>
/// <code>
/// var cdnow = CdnowDatasets.LoadSample();
/// var patterns = cdnow.Summaries.ToPatterns(); // 2,357 customers, weeks
/// </code>
/// </example>
public static class CdnowDatasets
{
    /// <summary>The usual end of the calibration period: 1997-09-30 (39 weeks from 1997-01-01).</summary>
    public static DateOnly CalibrationEnd { get; } = new(1997, 9, 30);

    /// <summary>The end of observation: 1998-06-30.</summary>
    public static DateOnly ObservationEnd { get; } = new(1998, 6, 30);

    /// <summary>The summary options of the published examples: weeks, same-day grouping, calibration to 1997-09-30.</summary>
    public static SummaryOptions StandardOptions { get; } = new(ObservationEnd, TimeUnit.Week) { CalibrationEnd = CalibrationEnd };

    /// <summary>Loads the CDNOW sample: 6,919 rows, 2,357 customers (ids are the 4-digit sample ids, "0001" .. "2357").</summary>
    /// <returns>The log, report and standard summary.</returns>
    public static CdnowDataset LoadSample() => Load(EmbeddedData.CdnowSample);

    /// <summary>Loads the CDNOW master cohort: 69,659 rows, 23,570 customers (5-digit ids).</summary>
    /// <returns>The log, report and standard summary.</returns>
    public static CdnowDataset LoadMaster() => Load(EmbeddedData.CdnowMaster);

    /// <summary>Loads the published calibration summary of the sample (ID,x,t_x,T,zbar).</summary>
    /// <returns>The columns, one row per customer in file order.</returns>
    public static CdnowPublishedSummary LoadPublishedSampleSummary()
    {
        using var stream = EmbeddedData.Open(EmbeddedData.CdnowSampleSummary);
        using var reader = Sep.Reader(o => o with { Sep = new Sep(',') }).From(stream);
        var id = new List<int>();
        var x = new List<int>();
        var tx = new List<double>();
        var t = new List<double>();
        var zbar = new List<decimal>();
        foreach (var row in reader)
        {
            id.Add(int.Parse(row["ID"].Span, CultureInfo.InvariantCulture));
            x.Add(int.Parse(row["x"].Span, CultureInfo.InvariantCulture));
            tx.Add(double.Parse(row["t_x"].Span, CultureInfo.InvariantCulture));
            t.Add(double.Parse(row["T"].Span, CultureInfo.InvariantCulture));
            zbar.Add(decimal.Parse(row["zbar"].Span, NumberStyles.Float, CultureInfo.InvariantCulture));
        }

        return new CdnowPublishedSummary([.. id], [.. x], [.. tx], [.. t], [.. zbar]);
    }

    private static CdnowDataset Load(string name)
    {
        using var stream = EmbeddedData.Open(name);
        var (log, report) = CdnowLogReader.Read(stream, name, new CdnowLogOptions { ObservationEnd = ObservationEnd });
        return new CdnowDataset(log, report, log.Summarize(StandardOptions));
    }
}
