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
}
