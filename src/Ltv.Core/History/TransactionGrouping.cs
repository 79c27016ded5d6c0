namespace Ltv.Core.History;

/// <summary>How purchase rows are collapsed into transactions before counting repeat purchases.</summary>
public enum TransactionGrouping
{
    /// <summary>
    /// All rows of one customer on one calendar day form one transaction whose value is the day's total
    /// (the lifetimes / BTYD convention; the published CDNOW summaries use it). Times are measured in days
    /// and divided by the length of the summary unit.
    /// </summary>
    SameDay,

    /// <summary>
    /// All rows of one customer in one calendar period of the summary unit form one transaction: ISO weeks
    /// (Monday to Sunday), calendar months or calendar years. Recency and age are then whole numbers of
    /// periods (period index of the last purchase or of the end minus that of the first purchase).
    /// </summary>
    SamePeriod,
}
