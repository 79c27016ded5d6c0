using System.Globalization;

using Ltv.Core.Domain;
using Ltv.Core.History;

using nietras.SeparatedValues;

namespace Ltv.Core.Datasets;

/// <summary>
/// The donations BG/BB data of Fader, Hardie and Shang (2010): 11,104 donors who first gave in 1995, with
/// 6 annual giving opportunities (1996 .. 2001), as 22 weighted (x, t_x, n) patterns.
/// </summary>
public static class Donations
{
    /// <summary>Loads the patterns: frequency x (0..6), recency t_x (the opportunity of the last gift, 0 if none),
    /// age = the 6 opportunities, weight = donors; the unit is a year (one opportunity a year).</summary>
    /// <returns>22 rows weighing 11,104 donors.</returns>
    public static RfmPatterns Load()
    {
        using var stream = EmbeddedData.Open(EmbeddedData.Donations);
        using var reader = Sep.Reader(o => o with { Sep = new Sep(',') }).From(stream);
        var x = new List<double>();
        var tx = new List<double>();
        var n = new List<double>();
        var w = new List<double>();
        foreach (var row in reader)
        {
            x.Add(double.Parse(row["frequency"].Span, CultureInfo.InvariantCulture));
            tx.Add(double.Parse(row["recency"].Span, CultureInfo.InvariantCulture));
            n.Add(double.Parse(row["periods"].Span, CultureInfo.InvariantCulture));
            w.Add(double.Parse(row["weights"].Span, CultureInfo.InvariantCulture));
        }

        return RfmPatterns.FromWeightedRows([.. x], [.. tx], [.. n], [.. w], TimeUnit.Year);
    }
}
