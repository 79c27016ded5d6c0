using Ltv.Core.Domain;

namespace Ltv.Core.Strategies;

/// <summary>
/// Revenue lifetime value: <c>LTV = APV x PF x CL</c> (average purchase value x purchase frequency x
/// customer lifespan). Units are checked: a frequency per year and a lifespan in months combine
/// exactly (12 months a year); per year and days throw <see cref="UnitMismatchException"/>.
/// </summary>
/// <remarks>
/// Needs <see cref="ValueDrivers.AveragePurchaseValue"/>, <see cref="ValueDrivers.PurchaseFrequency"/> and
/// <see cref="ValueDrivers.Lifespan"/> (or, when no lifespan is given, <see cref="ValueDrivers.Churn"/>:
/// lifespan = 1/churn). Ignores margin and cost to serve: it values revenue. Example: APV 500 SEK,
/// 6 purchases a year, 3 years gives 9,000 SEK.
/// </remarks>
public sealed class SimpleLtvModel : ILtvModel
{
    /// <summary>The shared instance (the model has no options).</summary>
    public static SimpleLtvModel Instance { get; } = new();

    /// <inheritdoc />
    public string Name => "simple";

    /// <inheritdoc />
    public LtvEstimate Estimate(ValueDrivers drivers)
    {
        ArgumentNullException.ThrowIfNull(drivers);
        var apv = DriverRequirements.AveragePurchaseValue(drivers, Name);
        var frequency = DriverRequirements.PurchaseFrequency(drivers, Name);
        var (lifespan, shownLifespan) = DriverRequirements.Lifespan(drivers, Name);
        var purchases = frequency * lifespan;
        return new LtvEstimate(
            apv * purchases,
            Name,
            "APV x PF x CL",
            [
                new(nameof(ValueDrivers.AveragePurchaseValue), apv.ToString()),
                new(nameof(ValueDrivers.PurchaseFrequency), frequency.ToString()),
                new(nameof(ValueDrivers.Lifespan), shownLifespan),
                new("ExpectedPurchases", LtvEstimate.Show(purchases)),
            ]);
    }
}
