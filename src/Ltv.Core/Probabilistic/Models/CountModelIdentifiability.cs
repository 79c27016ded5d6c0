using System.Globalization;

namespace Ltv.Core.Probabilistic.Models;

/// <summary>What the data of a purchase-count model must show before a fit can identify it.</summary>
internal static class CountModelIdentifiability
{
    /// <summary>
    /// The reason the patterns cannot identify a count model, or <see langword="null"/>: without a single repeat
    /// purchase the purchase rate and the dropout cannot be told apart (the likelihood rises towards r → 0).
    /// </summary>
    public static string? Reason(PatternData data)
    {
        foreach (var x in data.X)
        {
            if (x > 0)
            {
                return null;
            }
        }

        return string.Create(CultureInfo.InvariantCulture, $"no customer made a repeat purchase (all {data.CustomerCount:0.##} are one-time buyers), so the purchase rate and the dropout cannot be told apart.");
    }
}
