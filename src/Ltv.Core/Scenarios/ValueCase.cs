using Ltv.Core.Domain;
using Ltv.Core.Economics;
using Ltv.Core.Strategies;
using Ltv.Core.Validation;

namespace Ltv.Core.Scenarios;

/// <summary>
/// What a scenario values: the drivers of a customer (or a segment's typical customer), the strategy that
/// values them, and optionally the acquisition cost per customer, the number of customers and payback
/// options. <see cref="Evaluate"/> gives the LTV, LTV:CAC and payback of the case.
/// </summary>
/// <remarks>
/// Immutable with value equality; a <see cref="DriverChange"/> returns a new case. The model may be any
/// <see cref="ILtvModel"/>: the exact strategies (<see cref="SimpleLtvModel"/>, <see cref="ChurnLtvModel"/>,
/// <see cref="DiscountedLtvModel"/>, <see cref="MarginLtvModel"/>) keep every result an exact decimal; a
/// fitted model's population through <see cref="Probabilistic.Clv.ProbabilisticLtvModel"/> can be varied in
/// its APV, margin, CAC and customer count (it reads neither frequency, lifespan nor churn from the drivers:
/// those changes leave its value unchanged, and <see cref="ScenarioComparison.UnchangedValue"/> says so).
/// </remarks>
public sealed record ValueCase
{
    /// <summary>Creates a case.</summary>
    /// <param name="drivers">The value drivers.</param>
    /// <param name="model">The strategy.</param>
    /// <param name="acquisitionCost">The CAC per customer, zero or more; optional.</param>
    /// <param name="customerCount">How many customers the case stands for, zero or more (1 for one customer).</param>
    /// <exception cref="ArgumentNullException">Null drivers or model.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A negative CAC or count.</exception>
    public ValueCase(ValueDrivers drivers, ILtvModel model, Money? acquisitionCost = null, long customerCount = 1)
    {
        Drivers = drivers;
        Model = model;
        AcquisitionCost = acquisitionCost;
        CustomerCount = customerCount;
    }

    /// <summary>The value drivers.</summary>
    public ValueDrivers Drivers
    {
        get;
        init => field = Guard.NotNull(value, "drivers");
    }

    /// <summary>The strategy that values the drivers.</summary>
    public ILtvModel Model
    {
        get;
        init => field = Guard.NotNull(value, "model");
    }

    /// <summary>The acquisition cost per customer; <see langword="null"/> when unknown (no LTV:CAC or payback then).</summary>
    public Money? AcquisitionCost
    {
        get;
        init
        {
            if (value is { } cac)
            {
                Guard.NonNegative(cac.Amount, "acquisitionCost");
            }

            field = value;
        }
    }

    /// <summary>The number of customers the case stands for (totals are LTV x count and CAC x count).</summary>
    public long CustomerCount
    {
        get;
        init => field = value >= 0 ? value : throw Guard.OutOfRange("customerCount", "zero or more", value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Payback options (seasonality, rounding, discount rate); <see langword="null"/> for the defaults, with the discount rate of a <see cref="DiscountedLtvModel"/> when the model is one.</summary>
    public PaybackOptions? Payback { get; init; }

    /// <summary>The discount rate in use: the discounted model's, else the payback options'; <see langword="null"/> when neither discounts.</summary>
    public DiscountRate? DiscountRate => Model is DiscountedLtvModel discounted ? discounted.Options.DiscountRate : Payback?.DiscountRate;

    /// <summary>A case for a segment: its drivers, CAC and customer count.</summary>
    /// <param name="segment">The segment.</param>
    /// <param name="model">The strategy.</param>
    /// <returns>The case.</returns>
    public static ValueCase ForSegment(Segment segment, ILtvModel model)
    {
        ArgumentNullException.ThrowIfNull(segment);
        return new ValueCase(segment.Drivers, model, segment.AcquisitionCost, segment.CustomerCount);
    }

    /// <summary>Applies changes in order.</summary>
    /// <param name="changes">The changes.</param>
    /// <returns>The changed case.</returns>
    public ValueCase With(params IEnumerable<DriverChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var result = this;
        foreach (var change in changes)
        {
            result = Guard.NotNull(change, nameof(changes)).ApplyTo(result);
        }

        return result;
    }

    /// <summary>Values the case: LTV per customer, LTV:CAC and payback when the CAC is known, and the totals.</summary>
    /// <returns>The outcome.</returns>
    /// <exception cref="MissingInputException">The model needs a driver the case lacks.</exception>
    /// <exception cref="UnitMismatchException">Drivers are in time units with no exact conversion.</exception>
    /// <exception cref="CurrencyMismatchException">The CAC is in another currency than the value.</exception>
    public ScenarioOutcome Evaluate()
    {
        var estimate = Model.Estimate(Drivers);
        LtvCacRatio? ratio = null;
        PaybackPeriod? payback = null;
        if (AcquisitionCost is { } cac)
        {
            ratio = LtvCacRatio.Of(estimate.Value, cac);
            if (Drivers is { AveragePurchaseValue: not null, PurchaseFrequency: not null, GrossMargin: not null })
            {
                var options = Payback ?? (Model is DiscountedLtvModel d ? new PaybackOptions { DiscountRate = d.Options.DiscountRate } : null);
                payback = CacPayback.Compute(cac, Drivers, options);
            }
        }

        return new ScenarioOutcome(this, estimate, ratio, payback);
    }

    internal ValueCase WithDiscountRate(DiscountRate rate)
    {
        if (Model is DiscountedLtvModel discounted)
        {
            return this with
            {
                Model = new DiscountedLtvModel(discounted.Options with { DiscountRate = rate }),
                Payback = Payback is null ? null : Payback with { DiscountRate = rate },
            };
        }

        if (Payback?.DiscountRate is not null)
        {
            return this with { Payback = Payback with { DiscountRate = rate } };
        }

        throw new ArgumentException($"DiscountRate cannot be changed to {rate}: the model '{Model.Name}' takes no discount rate and the case's payback options give none (use a DiscountedLtvModel or PaybackOptions.DiscountRate).", "driver");
    }

    /// <summary>A driver's value in this case as text, such as <c>6 % per month</c>, <c>16 months</c> or <c>-</c> when not set.</summary>
    /// <param name="driver">The driver.</param>
    /// <returns>The text.</returns>
    public string Describe(ScenarioDriver driver) => driver switch
    {
        ScenarioDriver.AveragePurchaseValue => Drivers.AveragePurchaseValue?.ToString() ?? "-",
        ScenarioDriver.PurchaseFrequency => Drivers.PurchaseFrequency?.ToString() ?? "-",
        ScenarioDriver.Lifespan => Drivers.Lifespan?.ToString() ?? "-",
        ScenarioDriver.GrossMargin => Drivers.GrossMargin?.ToString() ?? "-",
        ScenarioDriver.Churn => Drivers.Churn?.ToString() ?? "-",
        ScenarioDriver.CostToServe => Drivers.CostToServe?.ToString() ?? "-",
        ScenarioDriver.DiscountRate => DiscountRate?.ToString() ?? "-",
        ScenarioDriver.AcquisitionCost => AcquisitionCost?.ToString() ?? "-",
        _ => CustomerCount.ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
    };
}
