using Ltv.Core.Domain;

namespace Ltv.Core.Cohorts;

/// <summary>A cohort's realised cumulative revenue per customer and the model's expected continuation after the observation end.</summary>
/// <param name="Cohort">The cohort.</param>
/// <param name="Expected">Index k: expected cumulative revenue per customer k + 1 cohort periods after the observation end (realised to date + spend per purchase x mean expected purchases).</param>
public sealed record CohortContinuation(Cohort Cohort, IReadOnlyList<Money> Expected)
{
    /// <summary>The realised cumulative revenue per customer at the observation end (the whole observed revenue, including an incomplete last age).</summary>
    public required Money RealisedToDate { get; init; }
}
