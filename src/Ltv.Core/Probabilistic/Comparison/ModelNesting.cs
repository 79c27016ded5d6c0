namespace Ltv.Core.Probabilistic.Comparison;

/// <summary>Whether one model is a special case of another, so that a likelihood-ratio test applies, and why.</summary>
/// <param name="First">The first model's name.</param>
/// <param name="Second">The second model's name.</param>
/// <param name="IsNested">Whether one is a special case of the other.</param>
/// <param name="Reason">Why (or why not), in words.</param>
public sealed record ModelNesting(string First, string Second, bool IsNested, string Reason)
{
    /// <summary>The nesting of two of the library's count models, by name.</summary>
    /// <param name="first">A model name ("BG/NBD", "MBG/NBD", "Pareto/NBD", ...).</param>
    /// <param name="second">Another model name.</param>
    /// <returns>The verdict: none of BG/NBD, MBG/NBD and Pareto/NBD nests another; other names are reported as unknown (not nested).</returns>
    public static ModelNesting Of(string first, string second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        var pair = string.CompareOrdinal(first, second) <= 0 ? (first, second) : (second, first);
        var reason = pair switch
        {
            ("BG/NBD", "MBG/NBD") => "not nested: both have 4 parameters; MBG/NBD lets customers with no repeat purchase drop out, BG/NBD does not, and neither is a special case of the other (compare by AIC/BIC)",
            ("BG/NBD", "Pareto/NBD") => "not nested: BG/NBD drops customers out after purchases (beta-geometric), Pareto/NBD at any time (exponential-gamma); neither is a special case of the other (compare by AIC/BIC)",
            ("MBG/NBD", "Pareto/NBD") => "not nested: MBG/NBD drops customers out at purchases and at the start, Pareto/NBD at any time; neither is a special case of the other (compare by AIC/BIC)",
            _ when first == second => "the same model: nothing to test",
            _ => $"unknown: the library does not know whether {first} and {second} are nested; if one is the other with parameters fixed, use LikelihoodRatioTest.ForNested",
        };
        return new ModelNesting(first, second, false, reason);
    }
}
