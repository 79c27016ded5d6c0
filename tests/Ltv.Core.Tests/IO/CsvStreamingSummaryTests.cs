using Ltv.Core.Datasets;
using Ltv.Core.Domain;
using Ltv.Core.History;
using Ltv.Core.IO;
using Ltv.Core.Tests.TestSupport;

namespace Ltv.Core.Tests.IO;

/// <summary>
/// <see cref="CsvLogReader.SummarizeFile"/> and <see cref="CsvLogReader.SummarizeInto"/>: a CSV log summarised while it is
/// read (memory per customer, not per row) gives the summary and the report of reading it whole and summarising.
/// </summary>
public sealed class CsvStreamingSummaryTests : IDisposable
{
    private const string Refunds = "customer_id,date,amount\na,2024-01-01,10.00\na,2024-01-01,-4.00\nb,2024-01-02,5.00\nb,2024-01-02,-5.00\nc,2024-01-03,1.00\nc,2024-01-10,2.00\nc,2024-01-10,-9.00\nd,2024-01-04,x\n";

    private static readonly SummaryOptions January = new(new DateOnly(2024, 1, 31), TimeUnit.Day);

    private readonly string _dir = Directory.CreateTempSubdirectory("ltv-csv-stream-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Csv(PurchaseLog log, string name)
    {
        var path = Path.Combine(_dir, name);
        using var writer = new StreamWriter(path);
        CsvLogWriter.Write(log, writer);
        return path;
    }

    private string Text(string text)
    {
        var path = Path.Combine(_dir, "log.csv");
        File.WriteAllText(path, text);
        return path;
    }

    private static PurchaseLog Slice(PurchaseLog log, Func<DateOnly, bool> keep)
    {
        var builder = new PurchaseLogBuilder(log.Currency, log.Count);
        foreach (var i in Enumerable.Range(0, log.Count).Where(i => keep(log.DateAt(i))).OrderBy(i => log.DayNumber[i]))
        {
            builder.Add(log.CustomerIdAt(i), log.DateAt(i), log.AmountMinor[i]);
        }

        return builder.Build();
    }

    [Fact]
    public void Cdnow_master_as_csv_streams_into_the_summary_of_the_whole_log_for_every_customer()
    {
        var master = CdnowDatasets.LoadMaster().Log;
        var path = Csv(master, "master.csv");

        var streamed = CsvLogReader.SummarizeFile(path, CdnowDatasets.StandardOptions);

        Assert.Equal((master.Count, master.Count, 0), (streamed.Report.RowsRead, streamed.Report.RowsAccepted, streamed.Report.RowsRejected));
        LogTables.AssertSameSummaries(master.Summarize(CdnowDatasets.StandardOptions), streamed.Summaries);
    }

    [Fact]
    public void Refunds_netted_by_day_and_rejects_are_those_of_the_whole_read_in_lenient_mode()
    {
        var path = Text(Refunds);
        var options = new CsvLogOptions { Mode = ReadMode.Lenient, Refunds = RefundPolicy.NetSameDay, ObservationEnd = January.ObservationEnd };

        var whole = CsvLogReader.ReadFile(path, options);
        var streamed = CsvLogReader.SummarizeFile(path, January, options);

        var w = whole.Report;
        var s = streamed.Report;
        Assert.Equal((w.RowsRead, w.RowsAccepted, w.RowsRejected, w.RefundRowsNetted, w.RowsCancelled), (s.RowsRead, s.RowsAccepted, s.RowsRejected, s.RefundRowsNetted, s.RowsCancelled));
        Assert.Equal(w.Rejected.Select(r => (r.Line, r.Reason, r.Message)).Order(), s.Rejected.Select(r => (r.Line, r.Reason, r.Message)).Order());
        Assert.Equal(2, s.RowsRejected);   // d's amount 'x' and c's refund of 9.00 against 2.00
        LogTables.AssertSameSummaries(whole.Log.Summarize(January), streamed.Summaries);
        Assert.Equal(whole.Log.Summarize(January).CustomerIds, streamed.Summaries.CustomerIds);   // customers in order of first row
    }

    [Fact]
    public void Strict_mode_names_the_first_bad_row_as_the_whole_read_does()
    {
        var path = Text("customer_id,date,amount\na,2024-01-01,10.00\nb,2024-01-02,ten\n");

        var whole = Assert.Throws<LogFormatException>(() => CsvLogReader.ReadFile(path));
        var streamed = Assert.Throws<LogFormatException>(() => CsvLogReader.SummarizeFile(path, January));

        Assert.Equal(whole.Message, streamed.Message);
        Assert.Contains("line 3, column 3 (amount)", streamed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_customers_row_older_than_its_previous_one_is_refused_naming_the_line()
    {
        var path = Text("customer_id,date,amount\na,2024-01-05,1.00\nb,2024-01-01,1.00\na,2024-01-02,1.00\n");

        var e = Assert.Throws<UnorderedLogException>(() => CsvLogReader.SummarizeFile(path, January));

        Assert.Equal(4, e.Line);
        Assert.Equal("a", e.CustomerId);
        Assert.StartsWith(Path.GetFileName(path) + ", line 4, column 2 (date): a streaming summary needs each customer's rows in date order", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Netting_by_order_and_a_later_observation_end_are_refused_naming_the_option()
    {
        var path = Text("customer_id,date,amount,order_id\na,2024-01-01,1.00,o1\n");

        var order = Assert.Throws<ArgumentException>(() => CsvLogReader.SummarizeFile(path, January, new CsvLogOptions { Refunds = RefundPolicy.NetSameOrder, OrderColumn = "order_id" }));
        var end = Assert.Throws<ArgumentException>(() => CsvLogReader.SummarizeFile(path, January, new CsvLogOptions { ObservationEnd = new DateOnly(2024, 2, 1) }));

        Assert.StartsWith("options.Refunds must not be NetSameOrder when summarising while streaming", order.Message, StringComparison.Ordinal);
        Assert.StartsWith("options.ObservationEnd must be on or before the summary's observation end 2024-01-31 (was '2024-02-01').", end.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_csv_partitions_by_date_range_added_to_one_summarizer_equal_the_summary_of_the_whole()
    {
        var log = SyntheticPurchaseLog.Generate(8_000, 900, seed: 11);
        var options = new SummaryOptions(log.DateAt(log.Count - 1), TimeUnit.Week) { CalibrationEnd = log.DateAt(log.Count / 2) };
        var middle = log.DateAt(log.Count / 3);
        var first = Csv(Slice(log, d => d <= middle), "first.csv");
        var second = Csv(Slice(log, d => d > middle), "second.csv");

        var summarizer = new StreamingSummarizer(options, log.Currency);
        foreach (var part in new[] { first, second })
        {
            using var stream = File.OpenRead(part);
            CsvLogReader.SummarizeInto(stream, Path.GetFileName(part), summarizer, new CsvLogOptions { Currency = log.Currency });
        }

        LogTables.AssertSameSummaries(log.Summarize(options), summarizer.ToSummaries());
    }
}
