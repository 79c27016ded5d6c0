using Ltv.Core.History;

namespace Ltv.Core.IO;

/// <summary>What a streaming summary of a log returns: the per-customer summary and the read's report.</summary>
/// <param name="Summaries">The summary of the accepted rows.</param>
/// <param name="Report">Rows read, accepted, rejected (with reasons), refunds netted or dropped and rows cancelled.</param>
public sealed record LogSummaryResult(CustomerSummaries Summaries, ReadReport Report);
