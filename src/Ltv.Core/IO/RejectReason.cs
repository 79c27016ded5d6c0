namespace Ltv.Core.IO;

/// <summary>Why a log row was rejected.</summary>
public enum RejectReason
{
    /// <summary>A column the format needs is missing from the row (too few columns).</summary>
    MissingColumn,

    /// <summary>The row has more columns than the format allows.</summary>
    ExtraColumn,

    /// <summary>The customer id is empty or blank.</summary>
    BlankCustomerId,

    /// <summary>The date does not parse in the expected format.</summary>
    UnparsableDate,

    /// <summary>The amount (or quantity) is not a number in the expected culture.</summary>
    MalformedNumber,

    /// <summary>The amount is below zero (refunds are not purchases).</summary>
    NegativeAmount,

    /// <summary>The amount has more decimals than the currency's minor unit (for example 1.005 USD).</summary>
    AmountTooPrecise,

    /// <summary>The currency code is not an active ISO 4217 code.</summary>
    UnknownCurrency,

    /// <summary>The currency differs from the currency of the log.</summary>
    CurrencyMismatch,

    /// <summary>The date is after the observation end.</summary>
    AfterObservationEnd,

    /// <summary>The amount is too large: more than <see cref="long.MaxValue"/> minor units of the currency (92,233,720,368,547,758.07 USD).</summary>
    AmountOutOfRange,

    /// <summary>A refund (negative amount, <see cref="History.RefundPolicy.NetSameDay"/>) exceeds the customer's purchases of that day.</summary>
    UnmatchedRefund,
}
