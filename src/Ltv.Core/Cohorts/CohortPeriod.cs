namespace Ltv.Core.Cohorts;

/// <summary>How customers are grouped into acquisition cohorts, and the step of a cohort's age.</summary>
public enum CohortPeriod
{
    /// <summary>Calendar month of the first purchase; ages in months.</summary>
    Month,

    /// <summary>Calendar quarter of the first purchase; ages in quarters.</summary>
    Quarter,
}
