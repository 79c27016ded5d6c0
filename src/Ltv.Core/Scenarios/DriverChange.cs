using System.Globalization;
using Ltv.Core.Domain;
using Ltv.Core.Validation;

namespace Ltv.Core.Scenarios;

/// <summary>
/// One change to one driver of a <see cref="ValueCase"/>: set it to a new value (churn 10 % -> 6 % a month,
/// lifespan 10 -> 16 months) or scale its current value by a factor (APV + 10 %).
/// </summary>
/// <remarks>
/// Immutable with value equality. Setting keeps the exact decimal the caller gives; scaling multiplies the
/// current decimal value, so a scenario on an exact strategy stays exact. A scaled driver must be present
/// in the case (<see cref="ArgumentException"/> naming it otherwise); a scaled fraction (margin, churn) that
/// leaves its range is refused by the fraction's own validation.
/// </remarks>
public sealed record DriverChange
{
    private readonly Money? _money;
    private readonly PurchaseRate? _frequency;
    private readonly Duration? _duration;
    private readonly GrossMargin? _margin;
    private readonly ChurnRate? _churn;
    private readonly MoneyRate? _cost;
    private readonly DiscountRate? _discount;
    private readonly long? _count;

    private DriverChange(ScenarioDriver driver, decimal? factor = null, Money? money = null, PurchaseRate? frequency = null, Duration? duration = null, GrossMargin? margin = null, ChurnRate? churn = null, MoneyRate? cost = null, DiscountRate? discount = null, long? count = null)
    {
        Driver = driver;
        Factor = factor;
        _money = money;
        _frequency = frequency;
        _duration = duration;
        _margin = margin;
        _churn = churn;
        _cost = cost;
        _discount = discount;
        _count = count;
    }

    /// <summary>The driver changed.</summary>
    public ScenarioDriver Driver { get; }

    /// <summary>The factor the current value is multiplied by, for a scaling change; <see langword="null"/> when the change sets a value.</summary>
    public decimal? Factor { get; }

    /// <summary>Sets the average purchase value.</summary>
    /// <param name="value">The new APV, zero or more.</param>
    /// <returns>The change.</returns>
    public static DriverChange AveragePurchaseValue(Money value) => new(ScenarioDriver.AveragePurchaseValue, money: value);

    /// <summary>Sets the purchase frequency.</summary>
    /// <param name="value">The new frequency.</param>
    /// <returns>The change.</returns>
    public static DriverChange PurchaseFrequency(PurchaseRate value) => new(ScenarioDriver.PurchaseFrequency, frequency: value);

    /// <summary>Sets the lifespan (the gym's 10 -> 16 months).</summary>
    /// <param name="value">The new lifespan.</param>
    /// <returns>The change.</returns>
    public static DriverChange Lifespan(Duration value) => new(ScenarioDriver.Lifespan, duration: value);

    /// <summary>Sets the gross margin.</summary>
    /// <param name="value">The new margin.</param>
    /// <returns>The change.</returns>
    public static DriverChange GrossMargin(GrossMargin value) => new(ScenarioDriver.GrossMargin, margin: value);

    /// <summary>Sets the churn (10 % -> 6 % a month).</summary>
    /// <param name="value">The new churn.</param>
    /// <returns>The change.</returns>
    public static DriverChange Churn(ChurnRate value) => new(ScenarioDriver.Churn, churn: value.Validated());

    /// <summary>Sets the cost to serve.</summary>
    /// <param name="value">The new cost to serve, zero or more.</param>
    /// <returns>The change.</returns>
    public static DriverChange CostToServe(MoneyRate value) => new(ScenarioDriver.CostToServe, cost: value);

    /// <summary>Sets the discount rate of a discounted strategy and of the payback.</summary>
    /// <param name="value">The new rate.</param>
    /// <returns>The change.</returns>
    public static DriverChange DiscountRate(DiscountRate value) => new(ScenarioDriver.DiscountRate, discount: value);

    /// <summary>Sets the acquisition cost per customer.</summary>
    /// <param name="value">The new CAC, zero or more.</param>
    /// <returns>The change.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The CAC is negative.</exception>
    public static DriverChange AcquisitionCost(Money value)
    {
        Guard.NonNegative(value.Amount, "acquisitionCost");
        return new(ScenarioDriver.AcquisitionCost, money: value);
    }

    /// <summary>Sets the number of customers.</summary>
    /// <param name="value">Customers, zero or more.</param>
    /// <returns>The change.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The count is negative.</exception>
    public static DriverChange CustomerCount(long value) =>
        value >= 0
            ? new(ScenarioDriver.CustomerCount, count: value)
            : throw Guard.OutOfRange("customerCount", "zero or more", value.ToString(CultureInfo.InvariantCulture));

    /// <summary>Scales a driver's current value: <c>Scale(Churn, 0.9m)</c> is 10 % less churn.</summary>
    /// <param name="driver">The driver.</param>
    /// <param name="factor">The factor, zero or more (1.1 is +10 %).</param>
    /// <returns>The change.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The factor is negative, or the driver undefined or <see cref="ScenarioDriver.CustomerCount"/> with a factor that does not give whole customers (checked when applied).</exception>
    public static DriverChange Scale(ScenarioDriver driver, decimal factor)
    {
        if (!Enum.IsDefined(driver))
        {
            throw Guard.OutOfRange(nameof(driver), "a defined ScenarioDriver", driver.ToString());
        }

        Guard.NonNegative(factor, nameof(factor));
        return new(driver, factor: factor);
    }

    /// <summary>Applies the change to a case.</summary>
    /// <param name="current">The case before the change.</param>
    /// <returns>The case after it.</returns>
    /// <exception cref="ArgumentException">A scaled driver is missing, or a discount rate is set on a model that takes none; the message names the driver.</exception>
    /// <exception cref="CurrencyMismatchException">A new amount is in another currency than the case's.</exception>
    public ValueCase ApplyTo(ValueCase current)
    {
        ArgumentNullException.ThrowIfNull(current);
        var d = current.Drivers;
        return Driver switch
        {
            ScenarioDriver.AveragePurchaseValue => current with { Drivers = d with { AveragePurchaseValue = _money ?? Scaled(d.AveragePurchaseValue) } },
            ScenarioDriver.PurchaseFrequency => current with { Drivers = d with { PurchaseFrequency = _frequency ?? Scaled(d.PurchaseFrequency) } },
            ScenarioDriver.Lifespan => current with { Drivers = d with { Lifespan = _duration ?? Scaled(d.Lifespan) } },
            ScenarioDriver.GrossMargin => current with { Drivers = d with { GrossMargin = _margin ?? Scaled(d.GrossMargin) } },
            ScenarioDriver.Churn => current with { Drivers = d with { Churn = _churn ?? Scaled(d.Churn) } },
            ScenarioDriver.CostToServe => current with { Drivers = d with { CostToServe = _cost ?? Scaled(d.CostToServe) } },
            ScenarioDriver.DiscountRate => current.WithDiscountRate(_discount ?? Scaled(current.DiscountRate)),
            ScenarioDriver.AcquisitionCost => current with { AcquisitionCost = _money ?? Scaled(current.AcquisitionCost) },
            _ => current with { CustomerCount = _count ?? ScaledCount(current.CustomerCount) },
        };
    }

    /// <summary>The driver's value after this change applied to a case, as text (for tables).</summary>
    /// <param name="current">The case before the change.</param>
    /// <returns>Text such as <c>6 % per month</c> or <c>16 months</c>.</returns>
    public string DescribeOn(ValueCase current) => ApplyTo(current).Describe(Driver);

    /// <summary>Text such as <c>Churn = 6 % per month</c> or <c>AveragePurchaseValue x 1.1</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        if (Factor is { } f)
        {
            return $"{Driver} x {f.ToString(CultureInfo.InvariantCulture)}";
        }

        string value = Driver switch
        {
            ScenarioDriver.AveragePurchaseValue or ScenarioDriver.AcquisitionCost => _money.ToString() ?? string.Empty,
            ScenarioDriver.PurchaseFrequency => _frequency.ToString() ?? string.Empty,
            ScenarioDriver.Lifespan => _duration.ToString() ?? string.Empty,
            ScenarioDriver.GrossMargin => _margin.ToString() ?? string.Empty,
            ScenarioDriver.Churn => _churn.ToString() ?? string.Empty,
            ScenarioDriver.CostToServe => _cost.ToString() ?? string.Empty,
            ScenarioDriver.DiscountRate => _discount.ToString() ?? string.Empty,
            _ => _count?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
        };
        return $"{Driver} = {value}";
    }

    private decimal FactorOrOne => Factor ?? 1m;

    private Money Scaled(Money? value) => (value ?? throw Missing()) * FactorOrOne;

    private PurchaseRate Scaled(PurchaseRate? value) => value is { } v ? new PurchaseRate(v.Count * FactorOrOne, v.Per) : throw Missing();

    private Duration Scaled(Duration? value) => value is { } v ? new Duration(v.Value * FactorOrOne, v.Unit) : throw Missing();

    private GrossMargin Scaled(GrossMargin? value) => value is { } v ? new GrossMargin(v.Value * FactorOrOne) : throw Missing();

    private ChurnRate Scaled(ChurnRate? value) => value is { } v ? new ChurnRate(v.Value * FactorOrOne, v.Per).Validated() : throw Missing();

    private MoneyRate Scaled(MoneyRate? value) => value is { } v ? new MoneyRate(v.Amount * FactorOrOne, v.Per) : throw Missing();

    private DiscountRate Scaled(DiscountRate? value) => value is { } v ? new DiscountRate(v.Value * FactorOrOne, v.Per) : throw Missing();

    private long ScaledCount(long count)
    {
        var scaled = count * FactorOrOne;
        return scaled == decimal.Truncate(scaled)
            ? (long)scaled
            : throw Guard.OutOfRange("factor", $"a factor that gives a whole number of customers from {count.ToString(CultureInfo.InvariantCulture)}", Guard.Show(FactorOrOne));
    }

    private ArgumentException Missing() =>
        new($"{Driver} cannot be scaled by {Guard.Show(FactorOrOne)}: the case has no {Driver} (give it in the drivers or set it with a DriverChange).", "driver");
}
