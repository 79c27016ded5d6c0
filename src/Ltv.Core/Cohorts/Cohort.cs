using Ltv.Core.Domain;

namespace Ltv.Core.Cohorts;

/// <summary>
/// One acquisition cohort: the customers whose first purchase fell in one month or quarter, and their
/// cumulative realised revenue per customer by age.
/// </summary>
/// <param name="Key">"1997-01" for a month, "1997-Q1" for a quarter.</param>
/// <param name="Start">The first day of the acquisition period.</param>
/// <param name="CustomerCount">Customers acquired in the period.</param>
/// <param name="CumulativeRevenuePerCustomer">Index a: total revenue of the cohort from its start to the end of age a (a = 0 is the acquisition period itself), divided by the customers; exact decimals. Only ages that ended by the observation end are listed.</param>
public sealed record Cohort(string Key, DateOnly Start, int CustomerCount, IReadOnlyList<Money> CumulativeRevenuePerCustomer)
{
    /// <summary>The number of complete ages observed.</summary>
    public int ObservedAges => CumulativeRevenuePerCustomer.Count;
}
