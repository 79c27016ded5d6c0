using Ltv.Core.Domain;

namespace Ltv.Core.IO;

/// <summary>Options of <see cref="CdnowLogReader"/>.</summary>
public sealed record CdnowLogOptions
{
    /// <summary>Strict (throw on the first bad row, the default) or lenient (collect bad rows).</summary>
    public ReadMode Mode { get; init; } = ReadMode.Strict;

    /// <summary>When set, rows dated after it are rejected as <see cref="RejectReason.AfterObservationEnd"/>.</summary>
    public DateOnly? ObservationEnd { get; init; }

    /// <summary>The currency of the amounts; US dollars for the CDNOW data.</summary>
    public Currency Currency { get; init; } = Currency.USD;

    /// <summary>
    /// Whether the first non-blank line is a header: <see langword="true"/> or <see langword="false"/> to say so,
    /// <see langword="null"/> (the default) to detect it (see <see cref="CdnowLogReader"/>); the outcome is
    /// <see cref="ReadReport.HeaderLine"/>.
    /// </summary>
    public bool? HasHeader { get; init; }

    /// <summary>The longest line, in characters (1,048,576 by default); a longer one throws <see cref="LogFormatException"/> naming the line.</summary>
    public int MaxLineLength
    {
        get;
        init => field = value > 0
            ? value
            : throw new ArgumentOutOfRangeException("maxLineLength", value, $"maxLineLength must be positive (was {value}).");
    } = LogText.DefaultMaxLineLength;
}
