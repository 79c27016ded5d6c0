namespace Ltv.Core.IO;

/// <summary>
/// The progress and cancellation cadence every log reader shares: the rows read so far are reported every 65,536
/// rows (and once at the end, by the reader), and a cancelled token stops the read within 4,096 rows.
/// </summary>
internal static class ReadTicks
{
    /// <summary>Rows between two progress reports.</summary>
    public const int ProgressEvery = 1 << 16;

    /// <summary>Rows between two looks at the cancellation token.</summary>
    public const int CancelEvery = 1 << 12;

    /// <summary>After row <paramref name="row"/> (counted from 1): stops when cancelled, reports on the cadence.</summary>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static void Tick(long row, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        if ((row & (CancelEvery - 1)) == 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if ((row & (ProgressEvery - 1)) == 0)
            {
                progress?.Report(row);
            }
        }
    }
}
