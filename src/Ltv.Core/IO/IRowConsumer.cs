namespace Ltv.Core.IO;

/// <summary>Takes the rows a <see cref="RowSink"/> accepts instead of its log builder (a streaming summary, say).</summary>
internal interface IRowConsumer
{
    /// <summary>Takes one checked row; a negative amount is a refund under <see cref="History.RefundPolicy.NetSameDay"/>.</summary>
    /// <param name="id">The customer id.</param>
    /// <param name="date">The date, on or before the observation end.</param>
    /// <param name="minor">The amount in minor units.</param>
    /// <param name="line">The row's number, for messages.</param>
    /// <param name="column">The amount's column, for messages.</param>
    /// <param name="columnName">The amount column's name.</param>
    void Accept(ReadOnlySpan<char> id, DateOnly date, long minor, int line, int column, string columnName);
}
