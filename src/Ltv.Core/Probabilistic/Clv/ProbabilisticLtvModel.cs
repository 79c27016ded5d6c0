using System.Globalization;

using Ltv.Core.Domain;
using Ltv.Core.Strategies;
using Ltv.Core.Validation;

namespace Ltv.Core.Probabilistic.Clv;

/// <summary>
/// A fitted count model + Gamma-Gamma as an <see cref="ILtvModel"/>, so the segment APIs (which take any
/// <see cref="ILtvModel"/>) can value a segment with it. It values a NEW customer of the segment (acquired now,
/// no history yet). <see cref="Bulk.BulkLtvEngine"/> takes only the built-in strategies and refuses this adapter;
/// to value many customers at once use <see cref="ClvCalculator.Values"/>, which also conditions on their history.
/// </summary>
/// <remarks>
/// <para>How <see cref="ValueDrivers"/> map: the purchase frequency and lifespan come from the fitted
/// count model (E[X(t)] of a new customer, summed over the <see cref="ClvOptions"/> steps with
/// discounting), so <see cref="ValueDrivers.PurchaseFrequency"/>, <see cref="ValueDrivers.Lifespan"/>
/// and <see cref="ValueDrivers.Churn"/> are NOT used (a segment that differs in those needs its own fitted
/// model). <see cref="ValueDrivers.AveragePurchaseValue"/> is the spend per purchase when given; otherwise
/// the Gamma-Gamma population mean pγ/(q - 1) in the calculator's currency. <see cref="ValueDrivers.GrossMargin"/>,
/// when given, replaces <see cref="ClvOptions.Margin"/>. Only repeat purchases are valued (the first purchase
/// is the acquisition), as in lifetimes.</para>
/// <para>The result is in the adapter's <see cref="Currency"/> (the spend data's); an average purchase value in
/// another currency throws <see cref="CurrencyMismatchException"/>. Without an adapter currency the average
/// purchase value's currency is used. <see cref="ValueDrivers.CostToServe"/> is not used: drivers that give it
/// throw <see cref="ArgumentException"/> naming it, rather than returning a value that silently ignores it.</para>
/// <para>For customers WITH history use <see cref="ClvCalculator.Value(double, double, double, double)"/> or
/// <see cref="ClvCalculator.Values"/>, which condition on (x, t_x, T) and their spend.</para>
/// </remarks>
public sealed class ProbabilisticLtvModel : ILtvModel
{
    /// <summary>Creates the adapter.</summary>
    /// <param name="calculator">The CLV calculator holding the fitted models and options.</param>
    /// <param name="currency">The currency of the spend data the Gamma-Gamma model was fitted on, used when the drivers carry no money; <see langword="null"/> if unknown.</param>
    public ProbabilisticLtvModel(ClvCalculator calculator, Currency? currency = null)
    {
        Calculator = Guard.NotNull(calculator);
        Currency = currency;
    }

    /// <summary>The calculator.</summary>
    public ClvCalculator Calculator { get; }

    /// <summary>The currency of the fitted spend model, when known.</summary>
    public Currency? Currency { get; }

    /// <inheritdoc />
    public string Name => "probabilistic (" + Calculator.Purchases.Name + " + Gamma-Gamma)";

    /// <inheritdoc />
    /// <exception cref="MissingInputException">Neither the adapter nor the average purchase value carry a currency.</exception>
    /// <exception cref="CurrencyMismatchException">The average purchase value is in another currency than the adapter's.</exception>
    /// <exception cref="ArgumentException">The drivers give a cost to serve, which this adapter does not use.</exception>
    public LtvEstimate Estimate(ValueDrivers drivers)
    {
        ArgumentNullException.ThrowIfNull(drivers);
        if (drivers.CostToServe is { } cost)
        {
            throw new ArgumentException($"drivers.CostToServe is not used by the {Name} adapter (was '{cost}'): its value is the discounted margin of the repeat purchases only; subtract the cost to serve yourself or use a strategy model that takes it.", nameof(drivers));
        }

        if (Currency is { } own && drivers.AveragePurchaseValue is { } given)
        {
            CurrencyMismatchException.ThrowIfDifferent(own, given.Currency, "a probabilistic CLV with an average purchase value");
        }

        var currency = Currency ?? drivers.AveragePurchaseValue?.Currency
            ?? throw new MissingInputException(Name, nameof(ValueDrivers.AveragePurchaseValue), "Give an average purchase value or construct the adapter with the currency of the spend data.");
        var spend = drivers.AveragePurchaseValue is { } apv ? (double)apv.Amount : Calculator.Spend.MeanSpend;
        var options = Calculator.Options;
        var calculator = drivers.GrossMargin is { } margin
            ? new ClvCalculator(Calculator.Purchases, Calculator.Spend, new ClvOptions(options.Steps, options.StepLength, options.DiscountRatePerStep, margin, options.Unit))
            : Calculator;
        var value = calculator.NewCustomerValue(spend);
        var c = CultureInfo.InvariantCulture;
        return new LtvEstimate(
            new Money(Guard.ToDecimal(value, "ltv"), currency),
            Name,
            "sum over steps i of margin x spend x (E[X(i*step)] - E[X((i-1)*step)]) / (1 + d)^i",
            [
                new("SpendPerPurchase", spend.ToString("R", c) + " " + currency.Code + (drivers.AveragePurchaseValue is null ? " (Gamma-Gamma mean)" : string.Empty)),
                new("GrossMargin", calculator.Options.Margin.ToString()),
                new("Steps", options.Steps.ToString(c)),
                new("StepLength", options.StepLength.ToString("R", c) + " " + TimeUnits.Name(Calculator.Purchases.Unit)),
                new("DiscountRatePerStep", options.DiscountRatePerStep.ToString("R", c)),
                new("ExpectedRepeatPurchases", Calculator.Purchases.ExpectedPurchases(options.Steps * options.StepLength).ToString("R", c)),
            ]);
    }
}
