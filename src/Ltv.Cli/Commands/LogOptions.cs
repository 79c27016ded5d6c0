using System.CommandLine;
using System.Globalization;
using Ltv.Cli.Input;
using Ltv.Cli.Output;
using Ltv.Cli.Parsing;
using Ltv.Core.Domain;
using Ltv.Core.History;
using Ltv.Core.IO;
using Ltv.Core.IO.Db;
using Ltv.Core.Parquet;
using Npgsql;
using DbConnection = System.Data.Common.DbConnection;
using DbDataReader = System.Data.Common.DbDataReader;
using DbException = System.Data.Common.DbException;

namespace Ltv.Cli.Commands;

/// <summary>The options that say how to read a purchase log (shared by commands that read logs).</summary>
internal sealed class LogOptions
{
    public Argument<string?> Log { get; } = new("LOG") { Description = "the purchase log file, or - for standard input (leave it out with --sql)", Arity = ArgumentArity.ZeroOrOne };

    public Option<string?> Sql { get; } = new("--sql") { Description = "read the purchases from a PostgreSQL query instead of LOG, e.g. \"SELECT customer_id, date, amount FROM orders\" (columns as --customer-column, --date-column, --amount-column say); needs --connection" };

    public Option<string?> Connection { get; } = new("--connection") { Description = "PostgreSQL connection string for --sql, e.g. \"Host=localhost;Database=shop;Username=ltv\" (a password is better kept in PGPASSWORD or ~/.pgpass)" };

    /// <summary>Opens a connection for --sql; PostgreSQL (Npgsql) unless a test gives another driver.</summary>
    public Func<string, DbConnection> Connect { get; init; } = text => new NpgsqlConnection(text);

    public Option<string?> Format { get; } = MakeFormat();

    public Option<string?> CustomerColumn { get; } = new("--customer-column") { Description = "column of the customer id: CSV header, Parquet or --sql column (default customer_id)" };

    public Option<string?> DateColumn { get; } = new("--date-column") { Description = "column of the date: CSV header, Parquet or --sql column (default date)" };

    public Option<string?> AmountColumn { get; } = new("--amount-column") { Description = "column of the amount: CSV header, Parquet or --sql column (default amount)" };

    public Option<string?> DateFormat { get; } = new("--date-format") { Description = "exact date format such as dd.MM.yyyy (default ISO 8601)" };

    public Option<string> Currency { get; } = new("--currency") { Description = "ISO 4217 currency of the amounts (default USD)", DefaultValueFactory = _ => "USD" };

    public Option<string?> CurrencyColumn { get; } = new("--currency-column") { Description = "column of a per-row currency (ISO 4217); every row must be in --currency (default for CSV and Parquet: a column named currency, if any)" };

    public Option<string> Encoding { get; } = MakeEncoding();

    public Option<bool> DecimalComma { get; } = new("--decimal-comma") { Description = "amounts use ',' for decimals and '.' between thousands (12,50 and 1.234,50), as in much of Europe; the default is '.' for decimals" };

    public Option<bool> SkipInvalid { get; } = new("--skip-invalid") { Description = "keep going past bad rows and write each with its reason to the rejects file (default: the first bad row stops the run)" };

    public Option<string?> Rejects { get; } = new("--rejects") { Description = "where --skip-invalid writes rejected rows (default OUT.rejects.csv, or rejects.csv without -o); only with --skip-invalid" };

    public Option<string> Refunds { get; } = MakeRefunds();

    /// <summary>--order-column: the order id that --refunds net-same-order matches a refund to.</summary>
    public Option<string?> OrderColumn { get; } = new("--order-column") { Description = "column of the order id: CSV header, Parquet or --sql column; needed by --refunds net-same-order, which nets a refund against the same customer's purchases of that order" };

    public void AddTo(Command command)
    {
        command.Arguments.Add(Log);
        foreach (var option in new Option[] { Format, CustomerColumn, DateColumn, AmountColumn, DateFormat, Currency, CurrencyColumn, Encoding, DecimalComma, SkipInvalid, Rejects, Refunds, OrderColumn, Sql, Connection })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>
    /// Summarises the log as the options say. A Parquet file and a --sql query stream into the summary (memory grows
    /// with customers, not rows); CSV, cdnow, standard input, --refunds net-same-order, and a source whose customers'
    /// rows are not in date order (a note on <paramref name="messages"/> says so) are read whole and summarised in memory.
    /// </summary>
    public LogSummaryResult Summarize(ParseResult parse, SummaryOptions summary, TextWriter messages, TextWriter? progress = null, Option<bool>? streamingOption = null)
    {
        var sql = parse.GetValue(Sql);
        var path = parse.GetValue(Log);
        CheckOrderColumn(parse);

        // Netting by order id needs the whole log (a refund can come days after its order), so it is read whole.
        var streams = RefundPolicyOf(parse.GetValue(Refunds)!) != RefundPolicy.NetSameOrder;
        var streamCsv = streamingOption is not null && parse.GetValue(streamingOption);
        if (streamCsv && sql is null)
        {
            CheckStreamingCsv(parse, path, streams);
            if (EffectiveFormat(parse) == "csv")
            {
                try
                {
                    return StreamCsv(parse, path!, summary, progress);
                }
                catch (UnorderedLogException e)
                {
                    messages.WriteLine(UnorderedNote(e, "line"));
                    var (whole, wholeReport) = Read(parse, summary.ObservationEnd, progress);
                    return new LogSummaryResult(whole.Summarize(summary), wholeReport);
                }
            }
        }

        if (streams && (sql is not null || (path is not null && !InputFile.IsStandardInput(path) && EffectiveFormat(parse) == "parquet")))
        {
            var code = parse.GetValue(Currency)!;
            var currency = QuantityParser.Build(() => Ltv.Core.Domain.Currency.Of(code), "--currency", code);
            var mode = parse.GetValue(SkipInvalid) ? ReadMode.Lenient : ReadMode.Strict;
            try
            {
                if (sql is not null)
                {
                    return ReadQuery(parse, sql, currency, mode, summary.ObservationEnd, progress, (reader, options, rows) => DbLogReader.Summarize(reader, summary, options, rows));
                }

                if (parse.GetValue(Connection) is not null)
                {
                    throw new UsageException("--connection: only with --sql \"SELECT ...\" (the query that returns the purchases).");
                }

                InputFile.Check(path!);
                var encoding = parse.GetValue(Encoding) == "latin1" ? System.Text.Encoding.Latin1 : null;
                return ReadParquet(parse, path!, currency, mode, summary.ObservationEnd, RefundPolicyOf(parse.GetValue(Refunds)!), encoding, progress, (stream, options) => ParquetLogReader.Summarize(stream, summary, options));
            }
            catch (UnorderedLogException e)
            {
                messages.WriteLine(UnorderedNote(e, "row"));
            }
        }

        var (log, report) = Read(parse, summary.ObservationEnd, progress);
        return new LogSummaryResult(log.Summarize(summary), report);
    }

    /// <summary>The note for a streamed source whose customers' rows are not in date order (it is then read whole); <paramref name="rowWord"/> is "line" for a CSV file, "row" for Parquet and --sql.</summary>
    private static string UnorderedNote(UnorderedLogException e, string rowWord) =>
        $"note: {e.File}: the rows are not in date order per customer (customer '{e.CustomerId}', {rowWord} {e.Line.ToString(CultureInfo.InvariantCulture)}), so the whole log is read into memory to summarise it; sort the rows by date to summarise while streaming.";

    /// <summary>--streaming reads a CSV file (Parquet and --sql stream anyway); standard input, cdnow and netting by order cannot stream.</summary>
    private void CheckStreamingCsv(ParseResult parse, string? path, bool refundsStream)
    {
        if (path is not null && InputFile.IsStandardInput(path))
        {
            throw new UsageException("--streaming: needs a CSV file; standard input (LOG -) is read whole, as it cannot be read again if its rows are out of date order.");
        }

        if (EffectiveFormat(parse) == "cdnow")
        {
            throw new UsageException("--streaming: only for --format csv (Parquet streams anyway); the cdnow format is read whole.");
        }

        if (!refundsStream)
        {
            throw new UsageException("--streaming: --refunds net-same-order needs the whole log (a refund may come days after its order); leave out one of them.");
        }
    }

    /// <summary>Summarises a CSV file while reading it (memory grows with customers, not rows).</summary>
    private LogSummaryResult StreamCsv(ParseResult parse, string path, SummaryOptions summary, TextWriter? progress)
    {
        var code = parse.GetValue(Currency)!;
        var currency = QuantityParser.Build(() => Ltv.Core.Domain.Currency.Of(code), "--currency", code);
        var mode = parse.GetValue(SkipInvalid) ? ReadMode.Lenient : ReadMode.Strict;
        InputFile.Check(path);
        var encoding = parse.GetValue(Encoding) == "latin1" ? System.Text.Encoding.Latin1 : null;
        var options = CsvOptions(parse, currency, mode, summary.ObservationEnd, encoding, RefundPolicyOf(parse.GetValue(Refunds)!));
        var summarizer = new StreamingSummarizer(summary, currency);
        var name = Path.GetFileName(path);
        using Stream stream = progress is null ? File.OpenRead(path) : new Output.ReadProgressStream(File.OpenRead(path), name, progress);
        var report = CsvLogReader.SummarizeInto(stream, name, summarizer, options);
        return new LogSummaryResult(summarizer.ToSummaries(), report);
    }

    /// <summary>Reads the log as the options say; strict unless --skip-invalid. A CSV read of more than 2 s shows its progress on <paramref name="progress"/>.</summary>
    public LogReadResult Read(ParseResult parse, DateOnly? observationEnd, TextWriter? progress = null)
    {
        var code = parse.GetValue(Currency)!;
        var currency = QuantityParser.Build(() => Ltv.Core.Domain.Currency.Of(code), "--currency", code);
        var mode = parse.GetValue(SkipInvalid) ? ReadMode.Lenient : ReadMode.Strict;
        CheckOrderColumn(parse);
        if (parse.GetValue(Sql) is { } sql)
        {
            return ReadQuery(parse, sql, currency, mode, observationEnd, progress, (reader, options, rows) => DbLogReader.Read(reader, options, rows));
        }

        if (parse.GetValue(Connection) is not null)
        {
            throw new UsageException("--connection: only with --sql \"SELECT ...\" (the query that returns the purchases).");
        }

        var path = parse.GetValue(Log) ?? throw new UsageException("LOG: give the purchase log file (or - for standard input), or --sql \"SELECT ...\" with --connection.");
        InputFile.Check(path);
        var standardInput = InputFile.IsStandardInput(path);
        var encoding = parse.GetValue(Encoding) == "latin1" ? System.Text.Encoding.Latin1 : null;
        var refunds = RefundPolicyOf(parse.GetValue(Refunds)!);
        var format = EffectiveFormat(parse);
        if (format == "parquet")
        {
            return ReadParquet(parse, path, currency, mode, observationEnd, refunds, encoding, progress, (stream, options) => ParquetLogReader.Read(stream, options));
        }

        if (format == "cdnow")
        {
            if (encoding is not null || parse.GetValue(DecimalComma))
            {
                throw new UsageException(encoding is not null
                    ? "--encoding: the cdnow format is ASCII/UTF-8 only; convert the file or use --format csv."
                    : "--decimal-comma: the cdnow format has '.' decimals; use it with --format csv.");
            }

            if (refunds != RefundPolicy.Reject)
            {
                throw new UsageException($"--refunds: the cdnow format has no refund lines (was '{parse.GetValue(Refunds)}'); use it with --format csv or parquet.");
            }

            var cdnow = new CdnowLogOptions { Currency = currency, Mode = mode, ObservationEnd = observationEnd };
            return standardInput
                ? CdnowLogReader.Read(StandardInput.Claim("LOG"), InputFile.StandardInputName, cdnow)
                : CdnowLogReader.ReadFile(path, cdnow);
        }

        var options = CsvOptions(parse, currency, mode, observationEnd, encoding, refunds);
        if (standardInput)
        {
            return CsvLogReader.Read(StandardInput.Claim("LOG"), InputFile.StandardInputName, options);
        }

        if (progress is null)
        {
            return CsvLogReader.ReadFile(path, options);
        }

        using var stream = new Output.ReadProgressStream(File.OpenRead(path), Path.GetFileName(path), progress);
        return CsvLogReader.Read(stream, Path.GetFileName(path), options);
    }

    /// <summary>The CSV reader's options from the command line: columns, formats, currency, mode and refund policy.</summary>
    private CsvLogOptions CsvOptions(ParseResult parse, Ltv.Core.Domain.Currency currency, ReadMode mode, DateOnly? observationEnd, System.Text.Encoding? encoding, RefundPolicy refunds)
    {
        var options = new CsvLogOptions { Currency = currency, Mode = mode, ObservationEnd = observationEnd, DateFormat = parse.GetValue(DateFormat), Encoding = encoding, CurrencyColumn = parse.GetValue(CurrencyColumn), Refunds = refunds, OrderColumn = parse.GetValue(OrderColumn) };
        options = parse.GetValue(DecimalComma) ? options with { AmountFormat = new NumberFormatInfo { NumberDecimalSeparator = ",", NumberGroupSeparator = "." } } : options;
        options = parse.GetValue(CustomerColumn) is { } c ? options with { CustomerColumn = c } : options;
        options = parse.GetValue(DateColumn) is { } d ? options with { DateColumn = d } : options;
        return parse.GetValue(AmountColumn) is { } a ? options with { AmountColumn = a } : options;
    }

    /// <summary>
    /// Runs the --sql query on the --connection database and reads its rows through <see cref="DbLogReader"/>, streaming,
    /// with the rules of a file (strict or --skip-invalid, refunds, rows and columns named in messages).
    /// </summary>
    private T ReadQuery<T>(ParseResult parse, string sql, Currency currency, ReadMode mode, DateOnly? observationEnd, TextWriter? progress, Func<DbDataReader, DbLogOptions, IProgress<long>?, T> read)
    {
        var connectionText = parse.GetValue(Connection) ?? throw new UsageException("--sql: needs --connection, the connection string of the database to run the query on.");
        if (parse.GetValue(Log) is { } log)
        {
            throw new UsageException($"LOG: give either a log file or --sql, not both (was '{log}').");
        }

        foreach (var (given, name) in new[] { (parse.GetValue(Format) is not null, "--format"), (parse.GetValue(Encoding) != "utf-8", "--encoding"), (parse.GetValue(DecimalComma), "--decimal-comma") })
        {
            if (given)
            {
                throw new UsageException($"{name}: describes a log file; leave it out with --sql (the database returns typed columns).");
            }
        }

        var options = DbOptions(parse, currency, mode, observationEnd, RefundPolicyOf(parse.GetValue(Refunds)!), "query");
        DbConnection connection;
        try
        {
            connection = Connect(connectionText);
        }
        catch (ArgumentException e)
        {
            throw new UsageException($"--connection: not a valid connection string ({DataErrors.OneLine(e.Message).TrimEnd('.')}).", e);
        }

        using (connection)
        {
            try
            {
                connection.Open();
            }
            catch (Exception e) when (e is DbException or InvalidOperationException or System.Net.Sockets.SocketException or TimeoutException)
            {
                throw new IOException($"--connection: cannot connect to the database ({DataErrors.OneLine(e.Message).TrimEnd('.')}).", e);
            }

            using var command = connection.CreateCommand();
            command.CommandText = sql;
            DbDataReader reader;
            try
            {
                reader = command.ExecuteReader();
            }
            catch (DbException e)
            {
                throw new InvalidDataException($"--sql: the database refused the query ({DataErrors.OneLine(e.Message).TrimEnd('.')}).", e);
            }

            using (reader)
            {
                try
                {
                    return read(reader, options, progress is null ? null : new Output.RowProgressReporter("query", progress));
                }
                catch (DbException e)
                {
                    throw new InvalidDataException($"--sql: the query failed while reading its rows ({DataErrors.OneLine(e.Message).TrimEnd('.')}).", e);
                }
            }
        }
    }

    // --refunds net-same-order needs the order column and the order column means nothing without it: neither is
    // left silently without effect.
    private void CheckOrderColumn(ParseResult parse)
    {
        var policy = parse.GetValue(Refunds)!;
        var order = parse.GetValue(OrderColumn);
        if (policy == "net-same-order" && string.IsNullOrWhiteSpace(order))
        {
            throw new UsageException("--refunds net-same-order: needs --order-column, the column of the order id a refund is netted against.");
        }

        if (order is not null && policy != "net-same-order")
        {
            throw new UsageException($"--order-column: only with --refunds net-same-order (was '{order}' with --refunds {policy}).");
        }

        if (order is not null && EffectiveFormat(parse) == "cdnow" && parse.GetValue(Sql) is null)
        {
            throw new UsageException("--order-column: the cdnow format has no order ids; use it with --format csv or parquet, or --sql.");
        }
    }

    /// <summary>The reader options of a Parquet file or a --sql query: the column options by name, with the CSV defaults.</summary>
    private DbLogOptions DbOptions(ParseResult parse, Currency currency, ReadMode mode, DateOnly? observationEnd, RefundPolicy refunds, string sourceName) => new()
    {
        Currency = currency,
        Mode = mode,
        ObservationEnd = observationEnd,
        Refunds = refunds,
        DateFormat = parse.GetValue(DateFormat),
        CustomerColumn = parse.GetValue(CustomerColumn) ?? "customer_id",
        DateColumn = parse.GetValue(DateColumn) ?? "date",
        AmountColumn = parse.GetValue(AmountColumn) ?? "amount",
        CurrencyColumn = parse.GetValue(CurrencyColumn) is { } cc ? DbColumn.Named(cc) : (DbColumn?)null,
        OrderColumn = parse.GetValue(OrderColumn) is { } oc ? DbColumn.Named(oc) : (DbColumn?)null,
        SourceName = sourceName,
    };

    /// <summary>The log's format: --format when given, else parquet for a .parquet file, else csv.</summary>
    public string EffectiveFormat(ParseResult parse) =>
        parse.GetValue(Format) ?? (parse.GetValue(Log) is { } path && path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase) ? "parquet" : "csv");

    /// <summary>The refund policy of --refunds.</summary>
    public static RefundPolicy RefundPolicyOf(string text) => text switch
    {
        "net-same-day" => RefundPolicy.NetSameDay,
        "net-same-order" => RefundPolicy.NetSameOrder,
        "drop" => RefundPolicy.Drop,
        _ => RefundPolicy.Reject,
    };

    /// <summary>
    /// Reads a Parquet log through <see cref="ParquetLogReader"/>: columns by name as for CSV; standard input is
    /// read into memory first (Parquet needs to seek to its footer). Options that only mean something for text are refused.
    /// </summary>
    private T ReadParquet<T>(ParseResult parse, string path, Currency currency, ReadMode mode, DateOnly? observationEnd, RefundPolicy refunds, System.Text.Encoding? encoding, TextWriter? progress, Func<Stream, DbLogOptions, T> read)
    {
        if (encoding is not null || parse.GetValue(DecimalComma))
        {
            throw new UsageException(encoding is not null
                ? "--encoding: a Parquet file stores its text as UTF-8; leave --encoding out with --format parquet."
                : "--decimal-comma: a Parquet file stores numbers, not text; leave --decimal-comma out with --format parquet.");
        }

        var options = DbOptions(parse, currency, mode, observationEnd, refunds, InputFile.DisplayName(path));
        Stream stream;
        if (InputFile.IsStandardInput(path))
        {
            stream = new MemoryStream();
            StandardInput.Claim("LOG").CopyTo(stream);
            stream.Position = 0;
        }
        else
        {
            stream = File.OpenRead(path);
            stream = progress is null ? stream : new Output.ReadProgressStream(stream, Path.GetFileName(path), progress);
        }

        using (stream)
        {
            // As for CSV: a column named currency, if any, is the per-row currency unless --currency-column names another.
            if (options.CurrencyColumn is null && ParquetLogReader.HasColumn(stream, "currency", options.SourceName))
            {
                options = options with { CurrencyColumn = "currency" };
            }

            return read(stream, options);
        }
    }

    /// <summary>Where --skip-invalid writes rejected rows; null without --skip-invalid.</summary>
    public string? RejectsPath(ParseResult parse, string? outputPath) =>
        parse.GetValue(SkipInvalid) ? parse.GetValue(Rejects) ?? (CsvOutput.IsStandardOutput(outputPath) ? "rejects.csv" : outputPath + ".rejects.csv") : null;

    /// <summary>
    /// Checks the log, -o and the rejects file against each other before anything is read; standard output can
    /// take one output, so <c>--rejects -</c> only when the data goes to a file.
    /// </summary>
    public void CheckPaths(ParseResult parse, string? outputPath)
    {
        if (parse.GetValue(Rejects) is { } rejects && !parse.GetValue(SkipInvalid))
        {
            throw new UsageException($"--rejects: only with --skip-invalid (was '{rejects}'); without --skip-invalid the first bad row stops the run and nothing is rejected: add --skip-invalid or leave --rejects out.");
        }

        if (parse.GetValue(Rejects) == "-" && CsvOutput.IsStandardOutput(outputPath))
        {
            throw new UsageException("--rejects: '-' (standard output) is taken by the data; give -o FILE for the data, or a file for --rejects.");
        }

        OutputPaths.Check([("LOG", parse.GetValue(Log))], [("--output", outputPath), ("--rejects", RejectsPath(parse, outputPath))]);
    }

    /// <summary>Writes rejected rows (lenient mode) and prints read = accepted + rejected.</summary>
    public void Finish(ParseResult parse, ReadReport report, string? outputPath, TextWriter messages)
    {
        if (RejectsPath(parse, outputPath) is { } rejectsPath)
        {
            CsvOutput.Write(rejectsPath, messages, writer =>
            {
                writer.WriteLine("file,line,column,column_name,text,reason,message");
                foreach (var row in report.Rejected)
                {
                    writer.WriteLine(string.Join(',', CsvOutput.Field(row.File), CsvOutput.Number(row.Line), CsvOutput.Number(row.Column), CsvOutput.Field(row.ColumnName), CsvOutput.Field(row.Text), row.Reason, CsvOutput.Field(row.Message)));
                }
            });
            messages.WriteLine($"rejected rows written to {(CsvOutput.IsStandardOutput(rejectsPath) ? "standard output" : rejectsPath)}");
        }

        if (RefundPolicyOf(parse.GetValue(Refunds)!) == RefundPolicy.NetSameOrder)
        {
            messages.WriteLine(string.Create(CultureInfo.InvariantCulture, $"refunds netted against the same customer's purchases of the order: {report.RefundRowsNetted} refund rows, {report.RowsCancelled} purchase rows cancelled (netted to zero)"));
        }
        else if (report.RefundRowsNetted + report.RowsCancelled > 0 || RefundPolicyOf(parse.GetValue(Refunds)!) == RefundPolicy.NetSameDay)
        {
            messages.WriteLine(string.Create(CultureInfo.InvariantCulture, $"refunds netted against the same customer's purchases of the day: {report.RefundRowsNetted} refund rows, {report.RowsCancelled} purchase rows cancelled (netted to zero)"));
        }
        else if (report.RefundRowsDropped > 0 || RefundPolicyOf(parse.GetValue(Refunds)!) == RefundPolicy.Drop)
        {
            messages.WriteLine(string.Create(CultureInfo.InvariantCulture, $"refunds dropped (purchases kept at their gross value): {report.RefundRowsDropped} rows"));
        }

        if (EffectiveFormat(parse) == "cdnow")
        {
            // The header is detected, so say what was decided: a first row taken for a header is never silent.
            messages.WriteLine(report.HeaderLine > 0 ? $"line {report.HeaderLine} read as a header" : "no header line (the first line is data)");
        }

        var refundRows = report.RefundRowsNetted + report.RefundRowsDropped + report.RowsCancelled;
        messages.WriteLine(refundRows == 0
            ? string.Create(CultureInfo.InvariantCulture, $"read {report.RowsRead} = accepted {report.RowsAccepted} + rejected {report.RowsRejected}")
            : string.Create(CultureInfo.InvariantCulture, $"read {report.RowsRead} = accepted {report.RowsAccepted} + rejected {report.RowsRejected} + refunds netted {report.RefundRowsNetted} + refunds dropped {report.RefundRowsDropped} + cancelled {report.RowsCancelled}"));
    }

    public static DateOnly Date(string text, string option) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new UsageException($"{option}: '{text}' is not a date in the form YYYY-MM-DD.");

    private static Option<string> MakeEncoding()
    {
        var encoding = new Option<string>("--encoding") { Description = "utf-8 (default; bytes that are not UTF-8 stop the run, naming the line) or latin1 (ISO 8859-1)", DefaultValueFactory = _ => "utf-8" };
        Choices.Restrict(encoding, "utf-8", "latin1");
        return encoding;
    }

    private static Option<string?> MakeFormat()
    {
        var format = new Option<string?>("--format") { Description = "csv (default), cdnow (the CDNOW whitespace layout) or parquet (Apache Parquet; the default for a LOG ending in .parquet)" };
        Choices.Restrict(format, "csv", "cdnow", "parquet");
        return format;
    }

    private static Option<string> MakeRefunds()
    {
        var refunds = new Option<string>("--refunds")
        {
            Description = "what a negative amount (a refund) does: reject (default: a bad row), net-same-day (subtract it from the same customer's purchases of that day; a day netted to zero is cancelled; a refund larger than the day's purchases is a bad row), net-same-order (subtract it from the same customer's purchases of the order named in --order-column, whatever their date; a refund with no such order, or larger than it, is a bad row) or drop (leave it out and count it); never a negative spend",
            DefaultValueFactory = _ => "reject",
        };
        Choices.Restrict(refunds, "reject", "net-same-day", "net-same-order", "drop");
        return refunds;
    }
}
