using Ltv.Core.Domain;

namespace Ltv.Core.Bulk;

/// <summary>
/// The currency and time units of the raw <see cref="decimal"/> columns a <see cref="BulkLtvEngine"/>
/// reads. Row i of the columns means exactly the <see cref="ValueDrivers"/> built from these units (see
/// <see cref="BulkLtvEngine"/>), and the engine applies the same exact unit conversions the strategies do.
/// </summary>
public sealed record BulkUnits
{
    /// <summary>The currency of purchase values, costs to serve and acquisition costs.</summary>
    public required Currency Currency { get; init; }

    /// <summary>The period of the purchase-frequency column.</summary>
    /// <value>Default <see cref="TimeUnit.Year"/> (purchases per year).</value>
    public TimeUnit FrequencyPer { get; init; } = TimeUnit.Year;

    /// <summary>The unit of the lifespan column.</summary>
    /// <value>Default <see cref="TimeUnit.Year"/>.</value>
    public TimeUnit LifespanUnit { get; init; } = TimeUnit.Year;

    /// <summary>The period of the churn column (and of the discounted strategy's discount rate).</summary>
    /// <value>Default <see cref="TimeUnit.Month"/>.</value>
    public TimeUnit ChurnPer { get; init; } = TimeUnit.Month;

    /// <summary>The period of the cost-to-serve column.</summary>
    /// <value>Default <see cref="TimeUnit.Year"/>.</value>
    public TimeUnit CostToServePer { get; init; } = TimeUnit.Year;
}
