using Ltv.Core.Domain;
using Ltv.Core.Validation;

namespace Ltv.Core.Economics;

/// <summary>A segment a marketing budget can buy customers in: what one customer is worth, what one costs and how many can be won.</summary>
/// <remarks>Validated at construction: non-blank key, CAC zero or more in the LTV's currency, available customers zero or more.</remarks>
public sealed record BudgetSegment
{
    /// <summary>Creates a segment for budgeting.</summary>
    /// <param name="key">A non-blank key.</param>
    /// <param name="lifetimeValue">The LTV of one acquired customer.</param>
    /// <param name="acquisitionCost">The CAC of one customer, zero or more, same currency.</param>
    /// <param name="availableCustomers">How many customers can be acquired at that CAC, zero or more.</param>
    /// <exception cref="ArgumentException">Blank key.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Negative CAC or available customers.</exception>
    /// <exception cref="CurrencyMismatchException">LTV and CAC currencies differ.</exception>
    public BudgetSegment(string key, Money lifetimeValue, Money acquisitionCost, long availableCustomers)
    {
        Key = Guard.NotBlank(key);
        CurrencyMismatchException.ThrowIfDifferent(lifetimeValue.Currency, acquisitionCost.Currency, $"budget segment '{key}'");
        Guard.NonNegative(acquisitionCost.Amount, nameof(acquisitionCost));
        if (availableCustomers < 0)
        {
            throw Guard.OutOfRange(nameof(availableCustomers), "zero or more", availableCustomers.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        LifetimeValue = lifetimeValue;
        AcquisitionCost = acquisitionCost;
        AvailableCustomers = availableCustomers;
    }

    /// <summary>The key.</summary>
    public string Key { get; }

    /// <summary>The LTV of one customer.</summary>
    public Money LifetimeValue { get; }

    /// <summary>The CAC of one customer.</summary>
    public Money AcquisitionCost { get; }

    /// <summary>How many customers can be acquired.</summary>
    public long AvailableCustomers { get; }

    /// <summary>LTV:CAC of the segment.</summary>
    public LtvCacRatio Ratio => LtvCacRatio.Of(LifetimeValue, AcquisitionCost);
}
