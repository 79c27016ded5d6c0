namespace Ltv.Core.History;

/// <summary>
/// What a reader does with a negative amount (a refund, return or correction line). Whatever the policy, no
/// negative spend reaches a summary: a refund is rejected, netted against purchases it can cover, or dropped
/// and counted.
/// </summary>
public enum RefundPolicy
{
    /// <summary>
    /// A negative amount is a bad row: rejected as <see cref="IO.RejectReason.NegativeAmount"/> (strict mode
    /// throws). The default, as a refund is not a purchase.
    /// </summary>
    Reject,

    /// <summary>
    /// A negative amount is subtracted from the same customer's purchases of the same day (the rows that
    /// make up that day's transaction). When the day's purchases net to exactly zero, the purchase was undone:
    /// its rows leave the log and are counted in <see cref="IO.ReadReport.RowsCancelled"/>. A refund larger than
    /// that day's purchases (or with no purchase that day) is rejected as
    /// <see cref="IO.RejectReason.UnmatchedRefund"/>. Netted refund rows are counted in
    /// <see cref="IO.ReadReport.RefundRowsNetted"/>.
    /// </summary>
    NetSameDay,

    /// <summary>
    /// A negative amount is left out and counted in <see cref="IO.ReadReport.RefundRowsDropped"/>; purchases are
    /// kept at their gross value.
    /// </summary>
    Drop,

    /// <summary>
    /// A negative amount is subtracted from the same customer's purchase rows of the same order id (the order
    /// column: <see cref="IO.CsvLogOptions.OrderColumn"/>, <see cref="IO.Db.DbLogOptions.OrderColumn"/>), in row
    /// order, whatever their dates. When an order's purchases net to exactly zero, the order was undone: its rows
    /// leave the log and are counted in <see cref="IO.ReadReport.RowsCancelled"/>. A refund whose order has no
    /// purchase of that customer, whose order's refunds exceed its purchases, or that has no order id (a blank
    /// order, or no order column) is rejected as <see cref="IO.RejectReason.UnmatchedRefund"/>, naming the line,
    /// the amount column and the amount. Netted refund rows are counted in <see cref="IO.ReadReport.RefundRowsNetted"/>.
    /// </summary>
    NetSameOrder,
}
