using Ltv.Core.Validation;

namespace Ltv.Core.Domain;

/// <summary>
/// The measured drivers of a customer's or a segment's value, as the LTV strategies read them:
/// average purchase value (APV), purchase frequency (PF), lifespan (CL), gross margin, churn and
/// cost to serve. Every driver is optional; a strategy that needs a missing one fails with a
/// <see cref="Strategies.MissingInputException"/> naming it.
/// </summary>
/// <remarks>
/// Validated at construction and in <c>with</c> expressions: amounts are zero or more and all money
/// is in one currency. Units are kept as given; the strategies convert only where exact.
/// <example>
/// <code>
/// var drivers = new ValueDrivers
/// {
///     AveragePurchaseValue = Money.Of(500m, Currency.SEK),
///     PurchaseFrequency = PurchaseRate.PerYear(6),
///     Lifespan = Duration.Years(3),
/// };
/// </code>
/// </example>
/// </remarks>
public sealed record ValueDrivers
{
    /// <summary>Average purchase value (APV) = revenue / purchases; zero or more.</summary>
    public Money? AveragePurchaseValue
    {
        get;
        init
        {
            if (value is { } apv)
            {
                Guard.NonNegative(apv.Amount, "averagePurchaseValue");
                CheckCurrency(apv.Currency, CostToServe?.Amount.Currency);
            }

            field = value;
        }
    }

    /// <summary>Purchase frequency (PF): purchases per customer per unit of time.</summary>
    public PurchaseRate? PurchaseFrequency { get; init; }

    /// <summary>Customer lifespan (CL): how long a customer stays.</summary>
    public Duration? Lifespan { get; init; }

    /// <summary>Gross margin on revenue.</summary>
    public GrossMargin? GrossMargin { get; init; }

    /// <summary>Churn per period.</summary>
    public ChurnRate? Churn { get; init; }

    /// <summary>Cost to serve a customer per unit of time (support, shipping not charged...); zero or more.</summary>
    public MoneyRate? CostToServe
    {
        get;
        init
        {
            if (value is { } cost)
            {
                Guard.NonNegative(cost.Amount.Amount, "costToServe");
                CheckCurrency(cost.Amount.Currency, AveragePurchaseValue?.Currency);
            }

            field = value;
        }
    }

    /// <summary>The currency of the money drivers, when any is given.</summary>
    public Currency? Currency => AveragePurchaseValue?.Currency ?? CostToServe?.Amount.Currency;

    private static void CheckCurrency(Currency offered, Currency? existing)
    {
        if (existing is { } current)
        {
            CurrencyMismatchException.ThrowIfDifferent(current, offered, "value drivers");
        }
    }
}
