using Ltv.Core.Domain;

namespace Ltv.Core.Strategies;

/// <summary>
/// Contribution lifetime value: <c>LTV = APV x PF x CL x gross margin - cost to serve x CL</c>, that is
/// revenue x gross margin minus the cost to serve over the lifespan. Undiscounted.
/// </summary>
/// <remarks>
/// Needs <see cref="ValueDrivers.AveragePurchaseValue"/>, <see cref="ValueDrivers.PurchaseFrequency"/>,
/// <see cref="ValueDrivers.GrossMargin"/> and <see cref="ValueDrivers.Lifespan"/> (or churn: lifespan =
/// 1/churn); the cost to serve is zero when not given. With a 100 % margin and no cost to serve it equals
/// <see cref="SimpleLtvModel"/>. The result may be negative when serving costs more than the margin.
/// </remarks>
public sealed class MarginLtvModel : ILtvModel
{
    /// <summary>The shared instance (the model has no options).</summary>
    public static MarginLtvModel Instance { get; } = new();

    /// <inheritdoc />
    public string Name => "margin";

    /// <inheritdoc />
    public LtvEstimate Estimate(ValueDrivers drivers)
    {
        ArgumentNullException.ThrowIfNull(drivers);
        var apv = DriverRequirements.AveragePurchaseValue(drivers, Name);
        var frequency = DriverRequirements.PurchaseFrequency(drivers, Name);
        var margin = DriverRequirements.GrossMargin(drivers, Name);
        var (lifespan, shownLifespan) = DriverRequirements.Lifespan(drivers, Name);
        var revenue = apv * (frequency * lifespan);
        var value = revenue * margin.Value;
        var inputs = new List<LtvInput>
        {
            new(nameof(ValueDrivers.AveragePurchaseValue), apv.ToString()),
            new(nameof(ValueDrivers.PurchaseFrequency), frequency.ToString()),
            new(nameof(ValueDrivers.Lifespan), shownLifespan),
            new(nameof(ValueDrivers.GrossMargin), margin.ToString()),
        };
        if (drivers.CostToServe is { } cost)
        {
            value -= cost * lifespan;
            inputs.Add(new(nameof(ValueDrivers.CostToServe), cost.ToString()));
        }

        return new LtvEstimate(value, Name, "APV x PF x CL x gross margin - cost to serve x CL", inputs);
    }
}
