namespace Ltv.Core.Pushdown;

/// <summary>
/// Where the purchase rows live in the engine: a table, view or parenthesised query, and the names of its
/// customer, date and amount columns.
/// </summary>
/// <remarks>
/// <see cref="Source"/> is SQL text put into the FROM clause as written (for example <c>sales.orders</c>,
/// <c>read_parquet('orders/*.parquet')</c> or <c>(SELECT * FROM orders WHERE shop = 'se')</c>): it must come
/// from the program, never from an end user. Column names are quoted as identifiers in the dialect.
/// The amount column should be a DECIMAL/NUMERIC in major units (dollars, not cents); the date column a DATE
/// or TIMESTAMP (its date is used).
/// </remarks>
public sealed record PurchaseTable
{
    /// <summary>Creates the description.</summary>
    /// <param name="source">The table, view or parenthesised query; not blank.</param>
    /// <exception cref="ArgumentException">A blank source.</exception>
    public PurchaseTable(string source)
    {
        Source = source;
    }

    /// <summary>The FROM-clause text: a table, view, table function or parenthesised query.</summary>
    public string Source
    {
        get;
        init => field = string.IsNullOrWhiteSpace(value)
            ? throw new ArgumentException($"source must not be empty or blank (was '{value}').", "source")
            : value;
    }

    /// <summary>The customer id column; "customer_id" by default.</summary>
    public string CustomerColumn { get; init; } = "customer_id";

    /// <summary>The date or timestamp column; "date" by default.</summary>
    public string DateColumn { get; init; } = "date";

    /// <summary>The amount column, in major units; "amount" by default.</summary>
    public string AmountColumn { get; init; } = "amount";
}
