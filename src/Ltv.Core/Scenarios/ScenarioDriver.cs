namespace Ltv.Core.Scenarios;

/// <summary>A driver of value a scenario can change.</summary>
public enum ScenarioDriver
{
    /// <summary>Average purchase value (APV), <see cref="Domain.ValueDrivers.AveragePurchaseValue"/>.</summary>
    AveragePurchaseValue,

    /// <summary>Purchase frequency (PF), <see cref="Domain.ValueDrivers.PurchaseFrequency"/>.</summary>
    PurchaseFrequency,

    /// <summary>Customer lifespan (CL), <see cref="Domain.ValueDrivers.Lifespan"/>.</summary>
    Lifespan,

    /// <summary>Gross margin, <see cref="Domain.ValueDrivers.GrossMargin"/>.</summary>
    GrossMargin,

    /// <summary>Churn per period, <see cref="Domain.ValueDrivers.Churn"/>.</summary>
    Churn,

    /// <summary>Cost to serve per period, <see cref="Domain.ValueDrivers.CostToServe"/>.</summary>
    CostToServe,

    /// <summary>The discount rate of a <see cref="Strategies.DiscountedLtvModel"/> (and of the payback).</summary>
    DiscountRate,

    /// <summary>The acquisition cost per customer (CAC).</summary>
    AcquisitionCost,

    /// <summary>The number of customers valued (a segment's or a campaign's size).</summary>
    CustomerCount,
}
