using Ltv.Core.Validation;

namespace Ltv.Core.Domain;

/// <summary>
/// One purchase (transaction row): who bought, when, for how much, and optionally what it cost the
/// business. Immutable; validated at construction and in <c>with</c> expressions; value equality.
/// </summary>
/// <remarks>
/// Amounts are zero or more: refunds are not purchases and are rejected (net them out before, or
/// leave them out of the log). When <see cref="Cost"/> is given it must be in the amount's currency.
/// </remarks>
public sealed record Purchase
{
    /// <summary>Creates a purchase.</summary>
    /// <param name="customerId">The buyer's non-blank identifier.</param>
    /// <param name="timestamp">When the purchase happened (date, or date and time; the kind is kept as given).</param>
    /// <param name="amount">The amount paid, zero or more.</param>
    /// <param name="cost">The cost of goods sold for this purchase, zero or more, same currency; optional.</param>
    /// <exception cref="ArgumentException">Blank customer id.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Negative amount or cost.</exception>
    /// <exception cref="CurrencyMismatchException">The cost is in another currency than the amount.</exception>
    public Purchase(string customerId, DateTime timestamp, Money amount, Money? cost = null)
    {
        CustomerId = customerId;
        Timestamp = timestamp;
        Amount = amount;
        Cost = cost;
    }

    /// <summary>The buyer's identifier.</summary>
    public string CustomerId
    {
        get;
        init => field = Guard.NotBlank(value, "customerId");
    }

    /// <summary>When the purchase happened.</summary>
    public DateTime Timestamp { get; init; }

    /// <summary>The amount paid, never negative.</summary>
    public Money Amount
    {
        get;
        init
        {
            Guard.NonNegative(value.Amount, "amount");
            if (Cost is { } cost)
            {
                CurrencyMismatchException.ThrowIfDifferent(value.Currency, cost.Currency, "a purchase's amount and cost");
            }

            field = value;
        }
    }

    /// <summary>The cost of goods sold; <see langword="null"/> when unknown.</summary>
    public Money? Cost
    {
        get;
        init
        {
            if (value is { } cost)
            {
                Guard.NonNegative(cost.Amount, "cost");
                CurrencyMismatchException.ThrowIfDifferent(Amount.Currency, cost.Currency, "a purchase's amount and cost");
            }

            field = value;
        }
    }

    /// <summary>The contribution of this purchase, amount - cost, when the cost is known.</summary>
    public Money? Margin => Cost is { } cost ? Amount - cost : null;
}
