using Ltv.Core.History;
using Ltv.Core.IO;

namespace Ltv.Core.Datasets;

/// <summary>A CDNOW purchase log as loaded, with its read report and the usual calibration summary.</summary>
/// <param name="Log">The purchase rows (US dollars).</param>
/// <param name="Report">The read report (every row of the embedded files is accepted).</param>
/// <param name="Summaries">Per-customer summary in weeks, calibration 1997-01-01 .. 1997-09-30, holdout to 1998-06-30.</param>
public sealed record CdnowDataset(PurchaseLog Log, ReadReport Report, CustomerSummaries Summaries);
