using Ltv.Core.Domain;
using Ltv.Core.History;

namespace Ltv.Core.IO;

/// <summary>The checks every reader's streaming summary makes before its first row (one wording for all readers).</summary>
internal static class StreamingRead
{
    /// <summary>Refuses a read that cannot stream into <paramref name="summarizer"/>; returns the read's observation end.</summary>
    /// <exception cref="ArgumentException">Another currency, netting by order, or an observation end after the summary's.</exception>
    public static DateOnly Check(StreamingSummarizer summarizer, Currency currency, RefundPolicy refunds, DateOnly? observationEnd, string parameter)
    {
        if (currency != summarizer.Currency)
        {
            throw new ArgumentException($"options.Currency must be {summarizer.Currency.Code}, the currency of the summarizer (was '{currency.Code}').", parameter);
        }

        if (refunds == RefundPolicy.NetSameOrder)
        {
            throw new ArgumentException("options.Refunds must not be NetSameOrder when summarising while streaming: a refund can come any number of days after its order, so netting by order needs the whole log; use Read, then Summarize (was 'NetSameOrder').", parameter);
        }

        var summaryEnd = summarizer.Options.ObservationEnd;
        if (observationEnd is { } end && end > summaryEnd)
        {
            throw new ArgumentException($"options.ObservationEnd must be on or before the summary's observation end {summaryEnd:yyyy-MM-dd} (was '{end:yyyy-MM-dd}').", parameter);
        }

        return observationEnd ?? summaryEnd;
    }
}
