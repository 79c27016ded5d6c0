using Ltv.Core.Domain;

namespace Ltv.Core.Strategies;

/// <summary>Reads required drivers for a strategy, failing with <see cref="MissingInputException"/> when absent.</summary>
internal static class DriverRequirements
{
    public static Money AveragePurchaseValue(ValueDrivers drivers, string model) =>
        drivers.AveragePurchaseValue ?? throw new MissingInputException(model, nameof(ValueDrivers.AveragePurchaseValue), "Give the average purchase value (revenue / purchases).");

    public static PurchaseRate PurchaseFrequency(ValueDrivers drivers, string model) =>
        drivers.PurchaseFrequency ?? throw new MissingInputException(model, nameof(ValueDrivers.PurchaseFrequency), "Give purchases per customer per unit of time, e.g. PurchaseRate.PerYear(6).");

    public static GrossMargin GrossMargin(ValueDrivers drivers, string model) =>
        drivers.GrossMargin ?? throw new MissingInputException(model, nameof(ValueDrivers.GrossMargin), "Give the gross margin; GrossMargin.Full values revenue as contribution.");

    public static ChurnRate Churn(ValueDrivers drivers, string model)
    {
        var churn = (drivers.Churn ?? throw new MissingInputException(model, nameof(ValueDrivers.Churn), "Give the churn per period, e.g. ChurnRate.PerMonth(0.1m).")).Validated();
        CheckLifespanAgreesWithChurn(drivers, model);
        return churn;
    }

    /// <summary>The lifespan: the explicit one, else 1/churn periods; the second item says which.</summary>
    public static (Duration Lifespan, string Shown) Lifespan(ValueDrivers drivers, string model)
    {
        CheckLifespanAgreesWithChurn(drivers, model);
        if (drivers.Lifespan is { } lifespan)
        {
            return (lifespan, lifespan.ToString());
        }

        if (drivers.Churn is { } churn)
        {
            var expected = churn.ExpectedLifespan;
            return (expected, $"{expected} (1 / churn {churn})");
        }

        throw new MissingInputException(model, nameof(ValueDrivers.Lifespan), "Give the lifespan, e.g. Duration.Years(3), or a churn rate (lifespan = 1 / churn).");
    }

    /// <summary>
    /// Both a lifespan and a churn rate are one driver given twice (lifespan = 1 / churn): a strategy would use one
    /// and silently drop the other, so they must agree (to 1e-12 relative, after an exact unit conversion).
    /// </summary>
    private static void CheckLifespanAgreesWithChurn(ValueDrivers drivers, string model)
    {
        if (drivers.Lifespan is not { } lifespan || drivers.Churn is not { } churn || churn.Value <= 0m)
        {
            return;
        }

        var expected = churn.ExpectedLifespan;
        decimal? inLifespanUnit = null;
        try
        {
            inLifespanUnit = expected.In(lifespan.Unit).Value;
        }
        catch (UnitMismatchException)
        {
            // Days against months or years: no exact conversion, so they cannot be shown to agree.
        }

        if (inLifespanUnit is { } e && Math.Abs(e - lifespan.Value) <= 1e-12m * Math.Max(1m, Math.Abs(lifespan.Value)))
        {
            return;
        }

        throw new ConflictingInputException(
            model,
            nameof(ValueDrivers.Lifespan),
            nameof(ValueDrivers.Churn),
            $"they disagree: Lifespan is {lifespan}, but Churn {churn} means an expected lifespan of {expected} (lifespan = 1 / churn). Give one of them (set the other to null), or make them agree.");
    }

    /// <summary>Contribution per period: APV x PF x gross margin - cost to serve, in <paramref name="period"/>.</summary>
    public static Money MarginPerPeriod(ValueDrivers drivers, string model, TimeUnit period, List<LtvInput> inputs)
    {
        var apv = AveragePurchaseValue(drivers, model);
        var frequency = PurchaseFrequency(drivers, model);
        var margin = GrossMargin(drivers, model);
        var perPeriod = frequency.In(period);
        inputs.Add(new(nameof(ValueDrivers.AveragePurchaseValue), apv.ToString()));
        inputs.Add(new(nameof(ValueDrivers.PurchaseFrequency), perPeriod.ToString()));
        inputs.Add(new(nameof(ValueDrivers.GrossMargin), margin.ToString()));
        var contribution = apv * perPeriod.Count * margin.Value;
        if (drivers.CostToServe is { } cost)
        {
            var costPerPeriod = cost.In(period);
            inputs.Add(new(nameof(ValueDrivers.CostToServe), costPerPeriod.ToString()));
            contribution -= costPerPeriod.Amount;
        }

        return contribution;
    }
}
