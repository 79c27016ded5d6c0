using Ltv.Core.Domain;
using Ltv.Core.Economics;
using Ltv.Core.Strategies;

namespace Ltv.Core.Scenarios;

/// <summary>The value of one <see cref="ValueCase"/>: LTV per customer, LTV:CAC, payback and totals over its customers.</summary>
/// <param name="Case">The case valued.</param>
/// <param name="Estimate">The strategy's estimate per customer, with its formula and inputs.</param>
/// <param name="Ratio">LTV:CAC; <see langword="null"/> when the CAC is unknown.</param>
/// <param name="Payback">The CAC payback; <see langword="null"/> when the CAC is unknown or the drivers lack APV, frequency or gross margin (the payback needs all three).</param>
public sealed record ScenarioOutcome(ValueCase Case, LtvEstimate Estimate, LtvCacRatio? Ratio, PaybackPeriod? Payback)
{
    /// <summary>The lifetime value per customer (exact, unrounded).</summary>
    public Money LifetimeValue => Estimate.Value;

    /// <summary>LTV - CAC per customer; <see langword="null"/> when the CAC is unknown.</summary>
    public Money? NetValue => Case.AcquisitionCost is { } cac ? LifetimeValue - cac : null;

    /// <summary>LTV x customers.</summary>
    public Money TotalValue => LifetimeValue * Case.CustomerCount;

    /// <summary>CAC x customers: the acquisition spend; <see langword="null"/> when the CAC is unknown.</summary>
    public Money? AcquisitionSpend => Case.AcquisitionCost is { } cac ? cac * Case.CustomerCount : null;

    /// <summary>Total value / acquisition spend (the "1.5x" of marketing reports); <see langword="null"/> when there is no positive spend.</summary>
    public ReturnOnInvestment? Return => AcquisitionSpend is { Amount: > 0m } spend ? new ReturnOnInvestment(TotalValue, spend) : null;
}
