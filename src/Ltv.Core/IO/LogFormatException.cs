namespace Ltv.Core.IO;

/// <summary>
/// A purchase log cannot be read: in strict mode, the first bad row; in any mode, a file-level problem
/// (a missing header column, an unreadable header). The message and the properties name the file, the
/// line, the column and the offending text.
/// </summary>
public sealed class LogFormatException : FormatException
{
    /// <summary>Creates the exception for a rejected row.</summary>
    /// <param name="row">The rejected row.</param>
    public LogFormatException(RejectedRow row)
        : base((row ?? throw new ArgumentNullException(nameof(row))).Message)
    {
        File = row.File;
        Line = row.Line;
        Column = row.Column;
        ColumnName = row.ColumnName;
        Text = row.Text;
        Reason = row.Reason;
    }

    /// <summary>Creates the exception for a file-level problem.</summary>
    /// <param name="file">The file name.</param>
    /// <param name="line">The 1-based line.</param>
    /// <param name="text">The offending text.</param>
    /// <param name="message">The full message.</param>
    /// <param name="inner">The underlying exception, if any.</param>
    /// <param name="reason">The reason when one applies (a header without a needed column is <see cref="RejectReason.MissingColumn"/>).</param>
    public LogFormatException(string file, int line, string text, string message, Exception? inner = null, RejectReason? reason = null)
        : base(message, inner)
    {
        File = file;
        Line = line;
        ColumnName = string.Empty;
        Text = text;
        Reason = reason;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public LogFormatException()
        : this(string.Empty, 0, string.Empty, "The purchase log cannot be read.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public LogFormatException(string message)
        : this(string.Empty, 0, string.Empty, message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public LogFormatException(string message, Exception innerException)
        : this(string.Empty, 0, string.Empty, message, innerException)
    {
    }

    /// <summary>The file name given to the reader.</summary>
    public string File { get; }

    /// <summary>The 1-based line number.</summary>
    public int Line { get; }

    /// <summary>The 1-based column number; 0 for the whole row or file.</summary>
    public int Column { get; }

    /// <summary>The column's name.</summary>
    public string ColumnName { get; }

    /// <summary>The offending text.</summary>
    public string Text { get; }

    /// <summary>The reason of a rejected row or a missing header column; <see langword="null"/> for other file-level problems.</summary>
    public RejectReason? Reason { get; }
}
