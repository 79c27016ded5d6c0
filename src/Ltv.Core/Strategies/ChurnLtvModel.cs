using Ltv.Core.Domain;

namespace Ltv.Core.Strategies;

/// <summary>
/// Lifetime value under constant churn: <c>LTV = margin per period / churn per period</c>, where margin
/// per period = APV x PF x gross margin - cost to serve, measured in the churn's period. The expected
/// lifespan is 1/churn periods. Undiscounted.
/// </summary>
/// <remarks>
/// Needs <see cref="ValueDrivers.AveragePurchaseValue"/>, <see cref="ValueDrivers.PurchaseFrequency"/>,
/// <see cref="ValueDrivers.GrossMargin"/> and <see cref="ValueDrivers.Churn"/>; uses
/// <see cref="ValueDrivers.CostToServe"/> when given. The frequency is converted exactly into the churn's
/// period (6 a year is 0.5 a month) or the call throws <see cref="UnitMismatchException"/>.
/// Example: 400 NOK a month, margin 100 %, churn 10 % a month gives 4,000 NOK.
/// </remarks>
public sealed class ChurnLtvModel : ILtvModel
{
    /// <summary>The shared instance (the model has no options).</summary>
    public static ChurnLtvModel Instance { get; } = new();

    /// <inheritdoc />
    public string Name => "churn";

    /// <inheritdoc />
    public LtvEstimate Estimate(ValueDrivers drivers)
    {
        ArgumentNullException.ThrowIfNull(drivers);
        var churn = DriverRequirements.Churn(drivers, Name);
        var inputs = new List<LtvInput>();
        var marginPerPeriod = DriverRequirements.MarginPerPeriod(drivers, Name, churn.Per, inputs);
        inputs.Add(new(nameof(ValueDrivers.Churn), churn.ToString()));
        inputs.Add(new("ExpectedLifespan", churn.ExpectedLifespan.ToString()));
        return new LtvEstimate(marginPerPeriod / churn.Value, Name, "(APV x PF x gross margin - cost to serve) per period / churn per period", inputs);
    }
}
