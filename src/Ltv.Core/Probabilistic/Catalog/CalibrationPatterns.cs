using Ltv.Core.Domain;
using Ltv.Core.History;

namespace Ltv.Core.Probabilistic.Catalog;

/// <summary>The patterns a frequency-recency model fits on, from a summary, written once for the declarations that fit on them.</summary>
internal static class CalibrationPatterns
{
    /// <summary>The summary's patterns without the customers with T = 0, with a note in <paramref name="notes"/> when any were left out.</summary>
    /// <param name="summary">The customers.</param>
    /// <param name="unit">The time unit of the summary.</param>
    /// <param name="notes">Receives the note.</param>
    /// <param name="whyLeftOut">What T = 0 means for the model, in the note's parentheses.</param>
    /// <returns>The patterns.</returns>
    public static RfmPatterns Of(CustomerSummaries summary, TimeUnit unit, ICollection<string> notes, string whyLeftOut)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(notes);
        var patterns = summary.ToPatterns(unit);
        var leftOut = summary.ZeroAgeCount;
        if (leftOut > 0)
        {
            notes.Add($"left out {leftOut} customers with T = 0 ({whyLeftOut})");
        }

        return patterns;
    }
}
