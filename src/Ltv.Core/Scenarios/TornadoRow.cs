using Ltv.Core.Domain;

namespace Ltv.Core.Scenarios;

/// <summary>One bar of a tornado (sensitivity) table: the LTV at a driver's low and high setting, all else at the baseline.</summary>
/// <param name="Driver">The driver varied.</param>
/// <param name="LowSetting">The driver's value at the low setting, as text.</param>
/// <param name="HighSetting">The driver's value at the high setting, as text.</param>
/// <param name="Low">The outcome at the low setting.</param>
/// <param name="High">The outcome at the high setting.</param>
/// <param name="Baseline">The baseline LTV per customer.</param>
public sealed record TornadoRow(ScenarioDriver Driver, string LowSetting, string HighSetting, ScenarioOutcome Low, ScenarioOutcome High, Money Baseline)
{
    /// <summary>LTV at the low setting - baseline LTV.</summary>
    public Money LowDifference => Low.LifetimeValue - Baseline;

    /// <summary>LTV at the high setting - baseline LTV.</summary>
    public Money HighDifference => High.LifetimeValue - Baseline;

    /// <summary>|LTV high - LTV low|: the width of the bar; rows are sorted by it, widest first.</summary>
    public Money Swing
    {
        get
        {
            var d = High.LifetimeValue - Low.LifetimeValue;
            return d.IsNegative ? -d : d;
        }
    }
}
