namespace Ltv.Core.IO;

/// <summary>
/// A streaming summary met a row older than the same customer's previous row of its period (calibration or
/// holdout): summarising while streaming keeps no rows, so it needs each customer's rows in date order
/// (customers may interleave). Sort the source by date, or read the whole log and summarise it in memory.
/// </summary>
public sealed class UnorderedLogException : FormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="file">The source named in messages.</param>
    /// <param name="line">The 1-based line (text files) or row (query results, Parquet) of the older row.</param>
    /// <param name="customerId">The customer whose rows are out of order.</param>
    /// <param name="message">The one-line message.</param>
    public UnorderedLogException(string file, int line, string customerId, string message)
        : base(message)
    {
        File = file;
        Line = line;
        CustomerId = customerId;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public UnorderedLogException()
        : this(string.Empty, 0, string.Empty, "rows are not in date order per customer.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public UnorderedLogException(string message)
        : this(string.Empty, 0, string.Empty, message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public UnorderedLogException(string message, Exception innerException)
        : base(message, innerException)
    {
        File = string.Empty;
        CustomerId = string.Empty;
    }

    /// <summary>The source named in messages.</summary>
    public string File { get; }

    /// <summary>The 1-based row of the older row; 0 when unknown.</summary>
    public int Line { get; }

    /// <summary>The customer whose rows are out of order.</summary>
    public string CustomerId { get; }
}
