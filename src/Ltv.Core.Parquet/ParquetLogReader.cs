using Ltv.Core.History;
using Ltv.Core.IO;
using Ltv.Core.IO.Db;

namespace Ltv.Core.Parquet;

/// <summary>
/// Reads a purchase log from an Apache Parquet file (one row per purchase: customer, date or timestamp, amount,
/// optional currency) with the rules of <see cref="DbLogReader"/>: strict or lenient, the same reject reasons
/// and reports, refund policies, and one-line errors naming the file, the row and the column.
/// </summary>
/// <remarks>
/// <para>Columns are found by name (case-insensitive) or ordinal as <see cref="DbLogOptions"/> says; only
/// top-level, non-repeated columns count. Customer: text or integer; date: DATE, TIMESTAMP or ISO 8601 text;
/// amount: DECIMAL, integer, floating point (converted to <see cref="decimal"/> with 15 significant digits) or
/// text. Row numbers in messages count from 1 across the whole file.</para>
/// <para>One row group is decoded at a time, so memory beyond the log itself is one row group of the columns read.</para>
/// </remarks>
public static class ParquetLogReader
{
    /// <summary>Reads a Parquet file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">Columns, currency, mode and refund policy; when <see langword="null"/> or its source name is the default "query", messages name <paramref name="path"/>.</param>
    /// <param name="progress">Receives the number of rows read so far; may be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The accepted rows and the report.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not Parquet, or a column has a type a log cannot hold.</exception>
    /// <exception cref="LogFormatException">Strict mode: the first bad row; any mode: a missing column.</exception>
    public static LogReadResult ReadFile(string path, DbLogOptions? options = null, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        using var stream = Open(path);
        return Read(stream, Named(options, path), progress, cancellationToken);
    }

    /// <summary>Reads a Parquet file asynchronously.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">Columns, currency, mode and refund policy; when <see langword="null"/> or its source name is the default "query", messages name <paramref name="path"/>.</param>
    /// <param name="progress">Receives the number of rows read so far; may be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The accepted rows and the report.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not Parquet, or a column has a type a log cannot hold.</exception>
    /// <exception cref="LogFormatException">Strict mode: the first bad row; any mode: a missing column.</exception>
    public static async Task<LogReadResult> ReadFileAsync(string path, DbLogOptions? options = null, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        var stream = Open(path);
        await using (stream.ConfigureAwait(false))
        {
            return await ReadAsync(stream, Named(options, path), progress, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Reads Parquet from a readable, seekable stream.</summary>
    /// <param name="stream">The stream; left open.</param>
    /// <param name="options">Columns, currency, mode, refund policy and the source name used in messages; defaults when <see langword="null"/>.</param>
    /// <param name="progress">Receives the number of rows read so far; may be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The accepted rows and the report.</returns>
    /// <exception cref="InvalidDataException">The stream is not Parquet, or a column has a type a log cannot hold.</exception>
    /// <exception cref="LogFormatException">Strict mode: the first bad row; any mode: a missing column.</exception>
    public static LogReadResult Read(Stream stream, DbLogOptions? options = null, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= new DbLogOptions();
        using var reader = ParquetDataReader.OpenAsync(stream, options.SourceName, cancellationToken).GetAwaiter().GetResult();
        return DbLogReader.Read(reader, options, progress, cancellationToken);
    }

    /// <summary>Reads Parquet from a readable, seekable stream, asynchronously.</summary>
    /// <param name="stream">The stream; left open.</param>
    /// <param name="options">Columns, currency, mode, refund policy and the source name used in messages; defaults when <see langword="null"/>.</param>
    /// <param name="progress">Receives the number of rows read so far; may be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The accepted rows and the report.</returns>
    /// <exception cref="InvalidDataException">The stream is not Parquet, or a column has a type a log cannot hold.</exception>
    /// <exception cref="LogFormatException">Strict mode: the first bad row; any mode: a missing column.</exception>
    public static async Task<LogReadResult> ReadAsync(Stream stream, DbLogOptions? options = null, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= new DbLogOptions();
        var reader = await ParquetDataReader.OpenAsync(stream, options.SourceName, cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            return await DbLogReader.ReadAsync(reader, options, progress, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Summarises a Parquet file while streaming, one row group at a time: memory grows with customers, not
    /// rows. Checks, modes, rejects and refunds are those of <see cref="ReadFile"/>, and the summary equals
    /// <see cref="PurchaseLog.Summarize"/> of the log it returns; see <see cref="DbLogReader.Summarize"/>.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="summaryOptions">The observation window, unit and grouping of the summary.</param>
    /// <param name="options">Columns, currency, mode and refund policy (observation end as for <see cref="DbLogReader.Summarize"/>); messages name <paramref name="path"/> as for <see cref="ReadFile"/>.</param>
    /// <param name="progress">Receives the number of rows read so far; may be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The summary and the report.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not Parquet, or a column has a type a log cannot hold.</exception>
    /// <exception cref="LogFormatException">Strict mode: the first bad row; any mode: a missing column.</exception>
    /// <exception cref="UnorderedLogException">A customer's row older than the customer's previous row.</exception>
    public static LogSummaryResult SummarizeFile(string path, SummaryOptions summaryOptions, DbLogOptions? options = null, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        using var stream = Open(path);
        return Summarize(stream, summaryOptions, Named(options, path), progress, cancellationToken);
    }

    /// <summary>Summarises Parquet from a readable, seekable stream while streaming; see <see cref="SummarizeFile"/>.</summary>
    /// <param name="stream">The stream; left open.</param>
    /// <param name="summaryOptions">The observation window, unit and grouping of the summary.</param>
    /// <param name="options">Columns, currency, mode, refund policy and the source name used in messages; defaults when <see langword="null"/>.</param>
    /// <param name="progress">Receives the number of rows read so far; may be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The summary and the report.</returns>
    /// <exception cref="InvalidDataException">The stream is not Parquet, or a column has a type a log cannot hold.</exception>
    /// <exception cref="LogFormatException">Strict mode: the first bad row; any mode: a missing column.</exception>
    /// <exception cref="UnorderedLogException">A customer's row older than the customer's previous row.</exception>
    public static LogSummaryResult Summarize(Stream stream, SummaryOptions summaryOptions, DbLogOptions? options = null, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= new DbLogOptions();
        using var reader = ParquetDataReader.OpenAsync(stream, options.SourceName, cancellationToken).GetAwaiter().GetResult();
        return DbLogReader.Summarize(reader, summaryOptions, options, progress, cancellationToken);
    }

    /// <summary>Adds a Parquet stream's rows to a streaming summary (one partition of many); see <see cref="DbLogReader.SummarizeInto"/>.</summary>
    /// <param name="stream">The stream; left open.</param>
    /// <param name="summarizer">The summary to add to; its currency must be the options' currency.</param>
    /// <param name="options">Columns, currency, mode, refund policy and the source name used in messages; defaults when <see langword="null"/>.</param>
    /// <param name="progress">Receives the number of rows read so far; may be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The report of this read.</returns>
    /// <exception cref="ArgumentException">Another currency, or the read's observation end is after the summary's.</exception>
    /// <exception cref="InvalidDataException">The stream is not Parquet, or a column has a type a log cannot hold.</exception>
    /// <exception cref="LogFormatException">Strict mode: the first bad row; any mode: a missing column.</exception>
    /// <exception cref="UnorderedLogException">A customer's row older than the customer's previous row.</exception>
    public static ReadReport SummarizeInto(Stream stream, StreamingSummarizer summarizer, DbLogOptions? options = null, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= new DbLogOptions();
        using var reader = ParquetDataReader.OpenAsync(stream, options.SourceName, cancellationToken).GetAwaiter().GetResult();
        return DbLogReader.SummarizeInto(reader, summarizer, options, progress, cancellationToken);
    }

    /// <summary>True when a Parquet stream has a top-level column of the name (case-insensitive); the stream is rewound.</summary>
    /// <param name="stream">A readable, seekable Parquet stream.</param>
    /// <param name="name">The column name.</param>
    /// <param name="source">How messages name the stream.</param>
    /// <returns>Whether the column is there.</returns>
    /// <exception cref="InvalidDataException">The stream is not Parquet.</exception>
    public static bool HasColumn(Stream stream, string name, string source = "stream")
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(name);
        var start = stream.Position;
        try
        {
            using var reader = ParquetDataReader.OpenAsync(stream, source, CancellationToken.None).GetAwaiter().GetResult();
            return Enumerable.Range(0, reader.FieldCount).Any(i => string.Equals(reader.GetName(i), name, StringComparison.OrdinalIgnoreCase));
        }
        finally
        {
            stream.Position = start;
        }
    }

    internal static FileStream Open(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return File.Exists(path)
            ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true)
            : throw new FileNotFoundException($"{path}: no such file.", path);
    }

    private static DbLogOptions Named(DbLogOptions? options, string path) =>
        options is null ? new DbLogOptions { SourceName = path }
        : options.SourceName == new DbLogOptions().SourceName ? options with { SourceName = path }
        : options;
}
