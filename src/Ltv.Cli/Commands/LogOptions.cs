using System.CommandLine;
using System.Globalization;
using Ltv.Cli.Output;
using Ltv.Cli.Parsing;
using Ltv.Core.Domain;
using Ltv.Core.IO;

namespace Ltv.Cli.Commands;

/// <summary>The options that say how to read a purchase log (shared by commands that read logs).</summary>
internal sealed class LogOptions
{
    public Argument<string> Log { get; } = new("LOG") { Description = "the purchase log file" };

    public Option<string> Format { get; } = MakeFormat();

    public Option<string?> CustomerColumn { get; } = new("--customer-column") { Description = "CSV header of the customer id (default customer_id)" };

    public Option<string?> DateColumn { get; } = new("--date-column") { Description = "CSV header of the date (default date)" };

    public Option<string?> AmountColumn { get; } = new("--amount-column") { Description = "CSV header of the amount (default amount)" };

    public Option<string?> DateFormat { get; } = new("--date-format") { Description = "exact date format such as dd.MM.yyyy (default ISO 8601)" };

    public Option<string> Currency { get; } = new("--currency") { Description = "ISO 4217 currency of the amounts (default USD)", DefaultValueFactory = _ => "USD" };

    public Option<bool> SkipInvalid { get; } = new("--skip-invalid") { Description = "keep going past bad rows and write each with its reason to the rejects file (default: the first bad row stops the run)" };

    public Option<string?> Rejects { get; } = new("--rejects") { Description = "where --skip-invalid writes rejected rows (default OUT.rejects.csv, or rejects.csv without -o)" };

    public void AddTo(Command command)
    {
        command.Arguments.Add(Log);
        foreach (var option in new Option[] { Format, CustomerColumn, DateColumn, AmountColumn, DateFormat, Currency, SkipInvalid, Rejects })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>Reads the log as the options say; strict unless --skip-invalid. A CSV read of more than 2 s shows its progress on <paramref name="progress"/>.</summary>
    public LogReadResult Read(ParseResult parse, DateOnly? observationEnd, TextWriter? progress = null)
    {
        var path = parse.GetValue(Log)!;
        var code = parse.GetValue(Currency)!;
        var currency = QuantityParser.Build(() => Ltv.Core.Domain.Currency.Of(code), "--currency", code);
        var mode = parse.GetValue(SkipInvalid) ? ReadMode.Lenient : ReadMode.Strict;
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: no such file.", path);
        }

        if (parse.GetValue(Format) == "cdnow")
        {
            return CdnowLogReader.ReadFile(path, new CdnowLogOptions { Currency = currency, Mode = mode, ObservationEnd = observationEnd });
        }

        var options = new CsvLogOptions { Currency = currency, Mode = mode, ObservationEnd = observationEnd, DateFormat = parse.GetValue(DateFormat) };
        options = parse.GetValue(CustomerColumn) is { } c ? options with { CustomerColumn = c } : options;
        options = parse.GetValue(DateColumn) is { } d ? options with { DateColumn = d } : options;
        options = parse.GetValue(AmountColumn) is { } a ? options with { AmountColumn = a } : options;
        if (progress is null)
        {
            return CsvLogReader.ReadFile(path, options);
        }

        using var stream = new Output.ReadProgressStream(File.OpenRead(path), Path.GetFileName(path), progress);
        return CsvLogReader.Read(stream, Path.GetFileName(path), options);
    }

    /// <summary>Writes rejected rows (lenient mode) and prints read = accepted + rejected.</summary>
    public void Finish(ParseResult parse, ReadReport report, string? outputPath, TextWriter messages)
    {
        if (parse.GetValue(SkipInvalid))
        {
            var rejectsPath = parse.GetValue(Rejects) ?? (outputPath is null ? "rejects.csv" : outputPath + ".rejects.csv");
            CsvOutput.Write(rejectsPath, messages, writer =>
            {
                writer.WriteLine("file,line,column,column_name,text,reason,message");
                foreach (var row in report.Rejected)
                {
                    writer.WriteLine(string.Join(',', CsvOutput.Field(row.File), CsvOutput.Number(row.Line), CsvOutput.Number(row.Column), CsvOutput.Field(row.ColumnName), CsvOutput.Field(row.Text), row.Reason, CsvOutput.Field(row.Message)));
                }
            });
            messages.WriteLine($"rejected rows written to {rejectsPath}");
        }

        messages.WriteLine(string.Create(CultureInfo.InvariantCulture, $"read {report.RowsRead} = accepted {report.RowsAccepted} + rejected {report.RowsRejected}"));
    }

    public static DateOnly Date(string text, string option) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new UsageException($"{option}: '{text}' is not a date in the form YYYY-MM-DD.");

    private static Option<string> MakeFormat()
    {
        var format = new Option<string>("--format") { Description = "csv (default) or cdnow (the CDNOW whitespace layout)", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "cdnow");
        return format;
    }
}
