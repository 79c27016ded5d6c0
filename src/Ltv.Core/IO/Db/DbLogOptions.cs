using Ltv.Core.Domain;
using Ltv.Core.History;

namespace Ltv.Core.IO.Db;

/// <summary>
/// How <see cref="DbLogReader"/> reads a purchase log from a <see cref="System.Data.Common.DbDataReader"/>:
/// the columns (by name or ordinal), the currency, mode, observation end, refund policy and the name used in
/// messages.
/// </summary>
/// <remarks>
/// Column values may be of these types. Customer: text, or any integer or other value (written with the
/// invariant culture). Date: DATE, TIMESTAMP or TIMESTAMP WITH TIME ZONE values (the date as the driver returns
/// it is used: <see cref="DateTime"/>, <see cref="DateOnly"/> or <see cref="DateTimeOffset"/>), or ISO 8601 text
/// (as SQLite stores dates). Amount: DECIMAL/NUMERIC, floating point (converted to <see cref="decimal"/> first),
/// integer, or text in the invariant culture. A NULL is a bad value of its column.
/// </remarks>
public sealed record DbLogOptions
{
    /// <summary>The customer id column; "customer_id" by default.</summary>
    public DbColumn CustomerColumn { get; init; } = "customer_id";

    /// <summary>The date or timestamp column; "date" by default.</summary>
    public DbColumn DateColumn { get; init; } = "date";

    /// <summary>The amount column; "amount" by default.</summary>
    public DbColumn AmountColumn { get; init; } = "amount";

    /// <summary>An optional currency column (ISO 4217 codes); <see langword="null"/> when the log has one currency.</summary>
    public DbColumn? CurrencyColumn { get; init; }

    /// <summary>The currency of the log; rows of another currency (by <see cref="CurrencyColumn"/>) are rejected. US dollars by default.</summary>
    public Currency Currency { get; init; } = Currency.USD;

    /// <summary>An exact format for dates stored as text, such as "dd.MM.yyyy"; <see langword="null"/> for ISO 8601.</summary>
    public string? DateFormat { get; init; }

    /// <summary>Strict (throw on the first bad row, the default) or lenient (collect bad rows).</summary>
    public ReadMode Mode { get; init; } = ReadMode.Strict;

    /// <summary>When set, rows dated after it are rejected as <see cref="RejectReason.AfterObservationEnd"/>.</summary>
    public DateOnly? ObservationEnd { get; init; }

    /// <summary>What a negative amount does; <see cref="RefundPolicy.Reject"/> by default.</summary>
    public RefundPolicy Refunds { get; init; } = RefundPolicy.Reject;

    /// <summary>
    /// An optional order id column, read only under <see cref="RefundPolicy.NetSameOrder"/> (a refund nets against
    /// the same customer's purchase rows of its order id; any type, written with the invariant culture; NULL is no
    /// order id); <see langword="null"/> (the default) when the source has none.
    /// </summary>
    public DbColumn? OrderColumn { get; init; }

    /// <summary>The name of the source in messages and in <see cref="ReadReport.File"/>; "query" by default.</summary>
    public string SourceName
    {
        get;
        init => field = string.IsNullOrWhiteSpace(value)
            ? throw new ArgumentException($"sourceName must not be empty or blank (was '{value}').", "sourceName")
            : value;
    } = "query";
}
