using System.CommandLine;
using Ltv.Cli.Output;
using Ltv.Cli.Parsing;
using Ltv.Core.Domain;
using Ltv.Core.History;
using Ltv.Core.IO;
using Ltv.Core.Parquet;

namespace Ltv.Cli.Commands;

/// <summary>
/// <c>ltv summarize LOG</c>: per-customer repeat-purchase summary with the lifetimes columns
/// <c>customer_id,frequency,recency,T,monetary_value</c> (plus the holdout columns with a calibration split).
/// </summary>
internal static class SummarizeCommand
{
    public static Command Create(TextWriter output, TextWriter error, Func<string, System.Data.Common.DbConnection>? connect = null)
    {
        var log = connect is null ? new LogOptions() : new LogOptions { Connect = connect };
        var observationEnd = new Option<string>("--observation-end") { Description = "last day observed, YYYY-MM-DD (rows after it are bad data)", Required = true };
        var calibrationEnd = new Option<string?>("--calibration-end") { Description = "last day of calibration, YYYY-MM-DD; later rows form the holdout" };
        var unit = new Option<string>("--unit") { Description = "day | week (default) | month | year (month and year: 365.25 days a year); recorded in the summary's time_unit column, which fit, predict and clv read", DefaultValueFactory = _ => "week" };
        Choices.Restrict(unit, "day", "week", "month", "year");
        var streaming = new Option<bool>("--streaming") { Description = "summarise a CSV file while reading it: memory grows with customers, not rows (the whole-file read is faster and is the default); when a customer's rows are not in date order the file is read whole, with a note. Not for standard input, --format cdnow or --refunds net-same-order. Parquet and --sql always stream" };
        var opportunities = new Option<bool>("--opportunities") { Description = "discrete opportunities for bgbb: one opportunity per --unit calendar period (a year, month, 7 days or a day from the first purchase); frequency = the periods after the first with a purchase, recency = the last of them, T = the period of --calibration-end (or of --observation-end without it), monetary_value = mean spend of those periods; purchases after --calibration-end are left out (no holdout columns)" };
        var outputPath = new Option<string?>("--output", "-o") { Description = "output file: CSV, or Apache Parquet when it ends in .parquet (default, or -: CSV to standard output; the counts then go to standard error)" };

        var command = new Command("summarize", "Summarize a purchase log per customer: frequency, recency, T, monetary value (and holdout).");
        log.AddTo(command);
        command.Options.Add(observationEnd);
        command.Options.Add(calibrationEnd);
        command.Options.Add(unit);
        command.Options.Add(streaming);
        command.Options.Add(opportunities);
        command.Options.Add(outputPath);
        command.SetAction(parse =>
        {
            var end = LogOptions.Date(parse.GetValue(observationEnd)!, "--observation-end");
            var split = parse.GetValue(calibrationEnd) is { } text ? LogOptions.Date(text, "--calibration-end") : (DateOnly?)null;
            if (split is { } s && s > end)
            {
                throw new UsageException($"--calibration-end: '{s:yyyy-MM-dd}' is after --observation-end '{end:yyyy-MM-dd}'.");
            }

            var timeUnit = QuantityParser.Unit(parse.GetValue(unit)!, "--unit");
            var path = parse.GetValue(outputPath);
            log.CheckPaths(parse, path);
            // Parquet and --sql stream into the summary (memory grows with customers, not rows); the output needs no rows.
            var messages = CsvOutput.IsStandardOutput(path) ? error : output;
            if (parse.GetValue(opportunities))
            {
                return Opportunities(parse, log, end, split, timeUnit, path, streaming, output, messages, error);
            }

            var (summaries, report) = log.Summarize(parse, new SummaryOptions(end, timeUnit) { CalibrationEnd = split, Convention = CalendarConvention.Julian }, messages, error, streaming);
            Write(path, summaries, output);

            log.Finish(parse, report, path, messages);
            messages.WriteLine($"customers {summaries.Count}, repeat customers {summaries.RepeatCustomerCount}, first purchase after calibration end (left out) {summaries.ExcludedCustomerCount}");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Writes the summary: Parquet for a path ending in .parquet, else CSV (standard output without a path).</summary>
    private static void Write(string? path, CustomerSummaries summaries, TextWriter output)
    {
        if (CsvOutput.IsParquet(path))
        {
            CsvOutput.WriteBinary(path!, stream => ParquetSummaryWriter.WriteAsync(stream, summaries).GetAwaiter().GetResult());
        }
        else
        {
            CsvOutput.Write(path, output, writer => SummaryCsvWriter.Write(summaries, writer));
        }
    }

    /// <summary>--opportunities: the whole log summarised per calendar period (BG/BB's x, t_x, n), written as CSV.</summary>
    private static int Opportunities(ParseResult parse, LogOptions log, DateOnly end, DateOnly? split, TimeUnit unit, string? path, Option<bool> streaming, TextWriter output, TextWriter messages, TextWriter progress)
    {
        if (parse.GetValue(streaming))
        {
            throw new UsageException("--streaming: not with --opportunities, which reads the whole log.");
        }

        var (purchases, report) = log.Read(parse, end, progress);
        var summaries = DiscreteSummarizer.Summarize(purchases, unit, split ?? end);
        Write(path, summaries, output);
        log.Finish(parse, report, path, messages);
        messages.WriteLine($"customers {summaries.Count}, with a repeat opportunity {summaries.RepeatCustomerCount}, first seen in the last {TimeUnits.Name(unit)} (T = 0, left out of fits) {summaries.ZeroAgeCount}");
        return ExitCodes.Success;
    }
}
