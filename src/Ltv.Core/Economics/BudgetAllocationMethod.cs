namespace Ltv.Core.Economics;

/// <summary>How <see cref="BudgetPlanner"/> found a <see cref="BudgetPlan"/>'s allocation.</summary>
public enum BudgetAllocationMethod
{
    /// <summary>
    /// Proven optimal over whole customers: the branch and bound search finished, so no other whole-customer
    /// allocation within the budget has a higher net value.
    /// </summary>
    Exact = 0,

    /// <summary>
    /// The search reached its node limit before proving optimality: the plan is the best allocation found,
    /// never worse than funding greedily by LTV:CAC ratio, and within
    /// <see cref="BudgetPlan.NetValueUpperBound"/> - <see cref="BudgetPlan.NetValue"/> of the optimum (a gap
    /// below the net value of one customer of the segment the continuous optimum splits).
    /// </summary>
    BestFound = 1,
}
