namespace Ltv.Core.IO;

/// <summary>
/// What a reader did with a file: rows read, accepted and rejected, refund rows netted or dropped and
/// purchase rows cancelled by refunds (always <c>RowsRead == RowsAccepted + RowsRejected + RefundRowsNetted +
/// RefundRowsDropped + RowsCancelled</c>; the last three are zero under the default
/// <see cref="History.RefundPolicy.Reject"/>), and every rejected row with its reason.
/// </summary>
/// <remarks>Blank lines and the header line are not rows. Immutable.</remarks>
public sealed class ReadReport
{
    internal ReadReport(string file, int headerLine, int accepted, IReadOnlyList<RejectedRow> rejected, int refundsNetted = 0, int refundsDropped = 0, int cancelled = 0)
    {
        File = file;
        HeaderLine = headerLine;
        RowsAccepted = accepted;
        Rejected = rejected;
        RefundRowsNetted = refundsNetted;
        RefundRowsDropped = refundsDropped;
        RowsCancelled = cancelled;
    }

    /// <summary>The file name given to the reader.</summary>
    public string File { get; }

    /// <summary>The 1-based line of the header; 0 when the file has none.</summary>
    public int HeaderLine { get; }

    /// <summary>Data rows read.</summary>
    public int RowsRead => RowsAccepted + RowsRejected + RefundRowsNetted + RefundRowsDropped + RowsCancelled;

    /// <summary>Rows that made it into the log.</summary>
    public int RowsAccepted { get; }

    /// <summary>Refund rows (negative amounts) subtracted from the same customer's purchases of the day (<see cref="History.RefundPolicy.NetSameDay"/>).</summary>
    public int RefundRowsNetted { get; }

    /// <summary>Refund rows (negative amounts) left out (<see cref="History.RefundPolicy.Drop"/>).</summary>
    public int RefundRowsDropped { get; }

    /// <summary>Purchase rows left out because refunds of the same customer and day netted them to exactly zero.</summary>
    public int RowsCancelled { get; }

    /// <summary>Rows rejected.</summary>
    public int RowsRejected => Rejected.Count;

    /// <summary>Every rejected row, in file order.</summary>
    public IReadOnlyList<RejectedRow> Rejected { get; }

    /// <summary>Rejected rows per reason.</summary>
    /// <returns>Counts by reason, only reasons that occurred.</returns>
    public IReadOnlyDictionary<RejectReason, int> CountByReason()
    {
        var counts = new Dictionary<RejectReason, int>();
        foreach (var r in Rejected)
        {
            counts[r.Reason] = counts.GetValueOrDefault(r.Reason) + 1;
        }

        return counts;
    }

    /// <summary>
    /// Text such as <c>orders.csv: 1000 rows read, 998 accepted, 2 rejected</c>, followed by
    /// <c>, 3 refunds netted, 1 cancelled</c> or <c>, 3 refunds dropped</c> when a refund policy acted.
    /// </summary>
    /// <returns>The summary line.</returns>
    public override string ToString()
    {
        var text = $"{File}: {RowsRead} rows read, {RowsAccepted} accepted, {RowsRejected} rejected";
        if (RefundRowsNetted > 0 || RowsCancelled > 0)
        {
            text += $", {RefundRowsNetted} refunds netted, {RowsCancelled} cancelled";
        }

        if (RefundRowsDropped > 0)
        {
            text += $", {RefundRowsDropped} refunds dropped";
        }

        return text;
    }
}
