namespace Ltv.Core.Datasets;

/// <summary>
/// The published per-customer calibration summary of the CDNOW sample (weeks, values rounded to 2
/// decimals): sample id, frequency x, recency t_x, age T and mean repeat spend zbar.
/// </summary>
/// <param name="Id">The sample id (1 .. 2357).</param>
/// <param name="Frequency">x.</param>
/// <param name="Recency">t_x in weeks.</param>
/// <param name="Age">T in weeks.</param>
/// <param name="MeanRepeatSpend">zbar in US dollars; 0 when x = 0.</param>
public sealed record CdnowPublishedSummary(int[] Id, int[] Frequency, double[] Recency, double[] Age, decimal[] MeanRepeatSpend);
