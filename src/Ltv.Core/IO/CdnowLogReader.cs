using System.Globalization;

namespace Ltv.Core.IO;

/// <summary>
/// Reads the whitespace-separated CDNOW purchase logs of Fader and Hardie: the sample layout (5 columns,
/// no header: master id, sample id, yyyymmdd date, quantity, amount; the customer is the sample id) and the
/// master layout (4 columns after a header line: id, yyyymmdd date, quantity, amount).
/// </summary>
/// <remarks>
/// <para>Columns are separated by any run of white space. The layout is fixed by the header (which implies the
/// master layout) or else by the number of fields of the first data row (5 = sample, 4 = master). Every later
/// row must have that many fields. Quantities must be whole numbers, zero or more; they are checked but not kept.
/// White space only separates fields, so no field has white space around it (the same rule as
/// <see cref="CsvLogReader"/>: ids and values are read without it). Amounts are plain decimals: exponent notation
/// ("1e2") is rejected as <see cref="RejectReason.MalformedNumber"/> with a message that says so.</para>
/// <para>Whether the first non-blank line is a header is <see cref="CdnowLogOptions.HasHeader"/>, or when that is
/// <see langword="null"/> it is detected: the line is a data row when its first field is all digits or when it has
/// 4 or 5 fields with a valid yyyymmdd date in the date position (so a headerless file whose first id is not
/// numeric keeps its first row); otherwise it is a header. <see cref="ReadReport.HeaderLine"/> reports the
/// outcome (0: no header).</para>
/// <para>Blank lines are not rows. Lines are streamed; no object is kept per row, and a line longer than
/// <see cref="CdnowLogOptions.MaxLineLength"/> throws <see cref="LogFormatException"/> naming it instead of being
/// read whole. A stream must be UTF-8 (or ASCII): invalid bytes throw <see cref="LogFormatException"/>.</para>
/// </remarks>
public static class CdnowLogReader
{
    private static readonly string[] SampleNames = ["master_id", "customer_id", "date", "number_of_cds", "dollar_value"];
    private static readonly string[] MasterNames = ["customer_id", "date", "number_of_cds", "dollar_value"];

    /// <summary>Reads a CDNOW log from a stream (UTF-8 or ASCII).</summary>
    /// <param name="stream">The stream; left open.</param>
    /// <param name="fileName">A name for messages and the report.</param>
    /// <param name="options">Mode, observation end and currency; defaults when <see langword="null"/>.</param>
    /// <param name="progress">Receives the number of lines read so far, every 65,536 lines and at the end; may be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the read within 4,096 lines.</param>
    /// <returns>The accepted rows and the report.</returns>
    /// <exception cref="LogFormatException">Strict mode: the first bad row.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static LogReadResult Read(Stream stream, string fileName, CdnowLogOptions? options = null, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(fileName);
        return LogText.Guard(stream, fileName, null, reader => Read(reader, fileName, options, progress, cancellationToken));
    }

    /// <summary>Reads a CDNOW log from a file.</summary>
    /// <param name="path">The path; its file name is used in messages.</param>
    /// <param name="options">Mode, observation end and currency; defaults when <see langword="null"/>.</param>
    /// <param name="progress">Receives the number of lines read so far, every 65,536 lines and at the end; may be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the read within 4,096 lines.</param>
    /// <returns>The accepted rows and the report.</returns>
    /// <exception cref="LogFormatException">Strict mode: the first bad row.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static LogReadResult ReadFile(string path, CdnowLogOptions? options = null, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = File.OpenRead(path);
        return Read(stream, Path.GetFileName(path), options, progress, cancellationToken);
    }

    /// <summary>Reads a CDNOW log from a text reader.</summary>
    /// <param name="reader">The reader; left open.</param>
    /// <param name="fileName">A name for messages and the report.</param>
    /// <param name="options">Mode, observation end and currency; defaults when <see langword="null"/>.</param>
    /// <param name="progress">Receives the number of lines read so far, every 65,536 lines and at the end; may be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the read within 4,096 lines.</param>
    /// <returns>The accepted rows and the report.</returns>
    /// <exception cref="LogFormatException">Strict mode: the first bad row.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static LogReadResult Read(TextReader reader, string fileName, CdnowLogOptions? options = null, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(fileName);
        cancellationToken.ThrowIfCancellationRequested();
        options ??= new CdnowLogOptions();
        reader = new LineLimitedReader(reader, fileName, options.MaxLineLength);
        var sink = new RowSink(fileName, options.Currency, options.Mode, options.ObservationEnd);
        var lineNumber = 0;
        var columns = 0;
        Span<Range> fields = stackalloc Range[6];
        while (reader.ReadLine() is { } text)
        {
            lineNumber++;
            ReadTicks.Tick(lineNumber, progress, cancellationToken);
            var line = text.AsSpan();
            var n = Split(line, fields);
            if (n == 0)
            {
                continue;
            }

            if (columns == 0)
            {
                if (options.HasHeader ?? LooksLikeHeader(line, fields, n))
                {
                    sink.HeaderLine = lineNumber;
                    columns = 4;
                    continue;
                }

                columns = n == 5 ? 5 : 4;
            }

            ReadRow(sink, lineNumber, line, fields, n, columns);
        }

        progress?.Report(lineNumber);
        return sink.Finish();
    }

    private static void ReadRow(RowSink sink, int lineNumber, ReadOnlySpan<char> line, Span<Range> fields, int n, int columns)
    {
        var names = columns == 5 ? SampleNames : MasterNames;
        if (n < columns)
        {
            sink.Reject(lineNumber, n + 1, names[n], line.Trim(), RejectReason.MissingColumn, $"the row must have {columns} columns, {names[n]} is missing");
            return;
        }

        if (n > columns)
        {
            sink.Reject(lineNumber, columns + 1, "(extra)", line.Trim(), RejectReason.ExtraColumn, $"the row must have {columns} columns");
            return;
        }

        var first = columns - 4;
        var id = line[fields[first]];
        var dateText = line[fields[first + 1]];
        var quantity = line[fields[first + 2]];
        var amount = line[fields[first + 3]];
        if (!DateOnly.TryParseExact(dateText, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            sink.Reject(lineNumber, first + 2, names[first + 1], dateText, RejectReason.UnparsableDate, "date must be yyyymmdd");
            return;
        }

        if (!IsDigits(quantity))
        {
            sink.Reject(lineNumber, first + 3, names[first + 2], quantity, RejectReason.MalformedNumber, "quantity must be a whole number, zero or more");
            return;
        }

        if (sink.TryAmount(lineNumber, first + 4, names[first + 3], amount, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var minor)
            && sink.CheckDate(lineNumber, first + 2, names[first + 1], dateText, date))
        {
            sink.Accept(id, date, minor);
        }
    }

    /// <summary>Splits on runs of white space; returns the field count (the ranges hold at most the first fields.Length).</summary>
    private static int Split(ReadOnlySpan<char> line, Span<Range> fields)
    {
        var n = 0;
        var i = 0;
        while (i < line.Length)
        {
            while (i < line.Length && char.IsWhiteSpace(line[i]))
            {
                i++;
            }

            if (i == line.Length)
            {
                break;
            }

            var start = i;
            while (i < line.Length && !char.IsWhiteSpace(line[i]))
            {
                i++;
            }

            if (n < fields.Length)
            {
                fields[n] = start..i;
            }

            n++;
        }

        return n;
    }

    /// <summary>A first line is data when its id is all digits or its date field (4 or 5 fields) is a valid yyyymmdd date.</summary>
    private static bool LooksLikeHeader(ReadOnlySpan<char> line, Span<Range> fields, int n)
    {
        if (IsDigits(line[fields[0]]))
        {
            return false;
        }

        return n is not (4 or 5)
            || !DateOnly.TryParseExact(line[fields[n - 3]], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
    }

    private static bool IsDigits(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty)
        {
            return false;
        }

        foreach (var ch in s)
        {
            if (!char.IsAsciiDigit(ch))
            {
                return false;
            }
        }

        return true;
    }
}
