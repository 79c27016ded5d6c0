namespace Ltv.Core.IO;

/// <summary>
/// What a reader did with a file: rows read, accepted and rejected (always
/// <c>RowsRead == RowsAccepted + RowsRejected</c>), and every rejected row with its reason.
/// </summary>
/// <remarks>Blank lines and the header line are not rows. Immutable.</remarks>
public sealed class ReadReport
{
    internal ReadReport(string file, int headerLine, int accepted, IReadOnlyList<RejectedRow> rejected)
    {
        File = file;
        HeaderLine = headerLine;
        RowsAccepted = accepted;
        Rejected = rejected;
    }

    /// <summary>The file name given to the reader.</summary>
    public string File { get; }

    /// <summary>The 1-based line of the header; 0 when the file has none.</summary>
    public int HeaderLine { get; }

    /// <summary>Data rows read.</summary>
    public int RowsRead => RowsAccepted + RowsRejected;

    /// <summary>Rows that made it into the log.</summary>
    public int RowsAccepted { get; }

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

    /// <summary>Text such as <c>orders.csv: 1000 rows read, 998 accepted, 2 rejected</c>.</summary>
    /// <returns>The summary line.</returns>
    public override string ToString() => $"{File}: {RowsRead} rows read, {RowsAccepted} accepted, {RowsRejected} rejected";
}
