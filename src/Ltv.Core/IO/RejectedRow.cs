namespace Ltv.Core.IO;

/// <summary>A rejected log row: where it is, what text was wrong and why.</summary>
/// <param name="File">The file name given to the reader.</param>
/// <param name="Line">The 1-based line number where the row starts.</param>
/// <param name="Column">The 1-based column number of the offending field; 0 when the whole row is at fault.</param>
/// <param name="ColumnName">The column's name (header name or format name such as "date").</param>
/// <param name="Text">The offending text (at most 200 characters).</param>
/// <param name="Reason">The reason.</param>
/// <param name="Message">A sentence naming all of the above.</param>
public sealed record RejectedRow(string File, int Line, int Column, string ColumnName, string Text, RejectReason Reason, string Message);
