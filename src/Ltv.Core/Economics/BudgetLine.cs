using Ltv.Core.Domain;

namespace Ltv.Core.Economics;

/// <summary>One segment's line in a <see cref="BudgetPlan"/>: its economics and what the plan buys there.</summary>
/// <param name="Key">The segment key.</param>
/// <param name="LifetimeValue">LTV per customer.</param>
/// <param name="AcquisitionCost">CAC per customer.</param>
/// <param name="AffordableCac">The largest CAC that keeps the plan's target LTV:CAC ratio: LTV / target.</param>
/// <param name="Ratio">LTV:CAC of the segment.</param>
/// <param name="Customers">Customers the plan acquires in the segment.</param>
/// <param name="Spend">Customers x CAC.</param>
/// <param name="ExpectedValue">Customers x LTV.</param>
/// <param name="Return">The return on the segment's spend (both definitions); <see langword="null"/> when nothing is spent.</param>
public sealed record BudgetLine(
    string Key,
    Money LifetimeValue,
    Money AcquisitionCost,
    Money AffordableCac,
    LtvCacRatio Ratio,
    long Customers,
    Money Spend,
    Money ExpectedValue,
    ReturnOnInvestment? Return)
{
    /// <summary>Expected value - spend.</summary>
    public Money NetValue => ExpectedValue - Spend;

    /// <summary>Whether the segment's CAC is within the affordable CAC at the plan's target ratio.</summary>
    public bool MeetsTarget => AcquisitionCost <= AffordableCac && !LifetimeValue.IsNegative;
}
