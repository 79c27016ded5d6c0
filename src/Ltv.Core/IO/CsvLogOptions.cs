using System.Globalization;

using Ltv.Core.Domain;

namespace Ltv.Core.IO;

/// <summary>
/// How <see cref="CsvLogReader"/> reads a delimited purchase log: separator, header names, date and amount
/// formats, currency, mode and observation end.
/// </summary>
/// <remarks>
/// The file must have a header line. Dates are ISO 8601 by default (<c>2024-03-01</c>, or a timestamp such as
/// <c>2024-03-01T14:05:00</c> or <c>2024-03-01T14:05:00+01:00</c>, whose date as written is used); set
/// <see cref="DateFormat"/> for another exact format. Amounts use the invariant culture (<c>1234.50</c>)
/// unless <see cref="AmountFormat"/> names another (for example a <see cref="NumberFormatInfo"/> with a comma
/// decimal separator). Group (thousands) separators of that format are accepted only between integer digits in
/// groups of three after a first group of one to three (<c>1,234,567.50</c>); any other use, such as the
/// decimal-comma <c>12,50</c> or <c>1,2,3</c> in the invariant culture, is rejected as
/// <see cref="RejectReason.MalformedNumber"/> rather than read as 1250 or 123. Note that <c>1,250</c> is
/// well formed and reads as 1250 in the invariant culture: set <see cref="AmountFormat"/> for decimal-comma files.
/// </remarks>
public sealed record CsvLogOptions
{
    /// <summary>The separator: ',', ';' or '\t'; <see langword="null"/> (the default) detects it from the header.</summary>
    public char? Separator
    {
        get;
        init => field = value is null or ',' or ';' or '\t' or '|'
            ? value
            : throw new ArgumentOutOfRangeException("separator", value, $"separator must be ',', ';', tab or '|' (was '{value}').");
    }

    /// <summary>The header name of the customer id column; "customer_id" by default.</summary>
    public string CustomerColumn { get; init; } = "customer_id";

    /// <summary>The header name of the date column; "date" by default.</summary>
    public string DateColumn { get; init; } = "date";

    /// <summary>The header name of the amount column; "amount" by default.</summary>
    public string AmountColumn { get; init; } = "amount";

    /// <summary>
    /// The header name of a currency column (ISO 4217 codes), whose every value must be <see cref="Currency"/>;
    /// <see langword="null"/> (the default) uses a header column named <c>currency</c> (in any case) when there
    /// is one, so that a file mixing USD and JPY is never summed as one currency.
    /// </summary>
    public string? CurrencyColumn { get; init; }

    /// <summary>
    /// The currency of the log. Rows of another currency (by the currency column) are rejected as
    /// <see cref="RejectReason.CurrencyMismatch"/>, naming both currencies and the first row of the log's own;
    /// in strict mode the first row of a second currency stops the read. US dollars by default.
    /// </summary>
    public Currency Currency { get; init; } = Currency.USD;

    /// <summary>An exact date format such as "dd.MM.yyyy"; <see langword="null"/> for ISO 8601.</summary>
    public string? DateFormat { get; init; }

    /// <summary>The number format of amounts; <see cref="CultureInfo.InvariantCulture"/> by default.</summary>
    public IFormatProvider AmountFormat { get; init; } = CultureInfo.InvariantCulture;

    /// <summary>Strict (throw on the first bad row, the default) or lenient (collect bad rows).</summary>
    public ReadMode Mode { get; init; } = ReadMode.Strict;

    /// <summary>What a negative amount (a refund or correction line) does; <see cref="History.RefundPolicy.Reject"/> (a bad row) by default.</summary>
    public History.RefundPolicy Refunds { get; init; } = History.RefundPolicy.Reject;

    /// <summary>
    /// The header name of an order id column, read only under <see cref="History.RefundPolicy.NetSameOrder"/> (a refund
    /// nets against the same customer's purchase rows of its order id); <see langword="null"/> (the default) when
    /// the log has none. When named, the header must have it.
    /// </summary>
    public string? OrderColumn { get; init; }

    /// <summary>When set, rows dated after it are rejected as <see cref="RejectReason.AfterObservationEnd"/>.</summary>
    public DateOnly? ObservationEnd { get; init; }

    /// <summary>
    /// The text encoding of a file or stream (for example <see cref="System.Text.Encoding.Latin1"/>);
    /// <see langword="null"/> (the default) for UTF-8, where bytes that are not valid UTF-8 throw
    /// <see cref="LogFormatException"/> naming the line instead of being replaced (which would merge distinct ids).
    /// </summary>
    public System.Text.Encoding? Encoding { get; init; }

    /// <summary>
    /// The most threads a read into a whole log (<see cref="CsvLogReader.ReadFile"/>, <see cref="CsvLogReader.Read(Stream, string, CsvLogOptions?, IProgress{long}?, CancellationToken)"/>)
    /// may use: 1 reads on the calling thread only; -1 (the default) or 2 and more lets a read longer than 65,536 lines look
    /// its customer ids up on a second thread while the calling thread parses the next rows, when the machine has more than one
    /// processor (more than 2 is the same as 2). The log, ids, line numbers and report are the same either way. The calling
    /// thread keeps about two thirds of the work (parsing and every check), so the second thread saves up to about a third of
    /// a long read's time when a core is free (docs/benchmarks.md); set 1 where many reads already run side by side. <see cref="CsvLogReader.SummarizeFile"/> and <see cref="CsvLogReader.SummarizeInto"/>
    /// read on the calling thread.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">0, or less than -1.</exception>
    public int MaxDegreeOfParallelism
    {
        get;
        init => field = value is -1 or > 0
            ? value
            : throw Validation.Guard.OutOfRange("maxDegreeOfParallelism", "-1 (no limit) or positive", value.ToString(CultureInfo.InvariantCulture));
    } = -1;

    /// <summary>The longest line, in characters (1,048,576 by default); a longer one throws <see cref="LogFormatException"/> naming the line.</summary>
    public int MaxLineLength
    {
        get;
        init => field = value > 0
            ? value
            : throw new ArgumentOutOfRangeException("maxLineLength", value, $"maxLineLength must be positive (was {value}).");
    } = LogText.DefaultMaxLineLength;
}
