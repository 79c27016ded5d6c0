using System.Globalization;

using Ltv.Core.Datasets;
using Ltv.Core.Domain;
using Ltv.Core.History;
using Ltv.Core.IO;
using Ltv.Core.IO.Db;
using Ltv.Core.Parquet;
using Ltv.Core.Tests.IO.Parquet;
using Ltv.Core.Tests.TestSupport;

using Microsoft.Data.Sqlite;

namespace Ltv.Core.Tests.IO.Db;

/// <summary>The streaming summary of a DbDataReader or a Parquet file equals the in-memory summary of the log Read returns.</summary>
public sealed class StreamingLogSummaryTests : IDisposable
{
    private static readonly DateOnly SyntheticEnd = new(2021, 12, 30);
    private readonly string _dir = Directory.CreateTempSubdirectory("ltv-stream-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string PathOf(string name) => Path.Combine(_dir, name);

    private static SqliteConnection Sqlite(string createAndInsert)
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        LogTables.Execute(connection, createAndInsert);
        return connection;
    }

    private static LogSummaryResult Summarize(System.Data.Common.DbConnection connection, string sql, SummaryOptions summary, DbLogOptions? options = null, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        return DbLogReader.Summarize(reader, summary, options, progress, cancellationToken);
    }

    private static LogReadResult Read(System.Data.Common.DbConnection connection, string sql, DbLogOptions? options = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        return DbLogReader.Read(reader, options);
    }

    /// <summary>The log's rows in date order (stable, so customers keep their order within a day).</summary>
    private static PurchaseLog ByDate(PurchaseLog log)
    {
        var builder = new PurchaseLogBuilder(log.Currency, log.Count);
        foreach (var i in Enumerable.Range(0, log.Count).OrderBy(i => log.DayNumber[i]))
        {
            builder.Add(log.CustomerIdArray[log.CustomerIndex[i]], DateOnly.FromDayNumber(log.DayNumber[i]), log.AmountMinor[i]);
        }

        return builder.Build();
    }

    private static List<(string? Id, DateOnly? Date, decimal? Amount)> Rows(PurchaseLog log) =>
        Enumerable.Range(0, log.Count).Select(i => ((string?)log.CustomerIdAt(i), (DateOnly?)log.DateAt(i), (decimal?)log.AmountAt(i).Amount)).ToList();

    private static void AssertSameReport(ReadReport expected, ReadReport actual)
    {
        Assert.Equal((expected.RowsRead, expected.RowsAccepted, expected.RefundRowsNetted, expected.RefundRowsDropped, expected.RowsCancelled), (actual.RowsRead, actual.RowsAccepted, actual.RefundRowsNetted, actual.RefundRowsDropped, actual.RowsCancelled));
        Assert.Equal(expected.Rejected.Select(r => (r.Line, r.Reason, r.Message)), actual.Rejected.Select(r => (r.Line, r.Reason, r.Message)));
    }

    [Fact]
    public void DuckDb_cdnow_master_streams_into_the_summary_of_the_log_for_every_customer()
    {
        var master = CdnowDatasets.LoadMaster().Log;
        using var duck = LogTables.DuckDb(master);
        var streamed = Summarize(duck, "SELECT customer_id, date, amount FROM purchases", CdnowDatasets.StandardOptions);
        Assert.Equal(master.Count, streamed.Report.RowsAccepted);
        LogTables.AssertSameSummaries(master.Summarize(CdnowDatasets.StandardOptions), streamed.Summaries);
    }

    [Fact]
    public void Parquet_cdnow_master_in_many_row_groups_streams_into_the_summary_of_the_log_for_every_customer()
    {
        var master = CdnowDatasets.LoadMaster().Log;
        var file = PathOf("master.parquet");
        ParquetFiles.WriteLog(file, Rows(master), rowGroupSize: 5_000);
        var streamed = ParquetLogReader.SummarizeFile(file, CdnowDatasets.StandardOptions);
        Assert.Equal(file, streamed.Report.File);
        Assert.Equal((master.Count, 0), (streamed.Report.RowsAccepted, streamed.Report.RowsRejected));
        LogTables.AssertSameSummaries(master.Summarize(CdnowDatasets.StandardOptions), streamed.Summaries);
    }

    [Theory]
    [InlineData(TimeUnit.Day, TransactionGrouping.SameDay)]
    [InlineData(TimeUnit.Week, TransactionGrouping.SameDay)]
    [InlineData(TimeUnit.Month, TransactionGrouping.SamePeriod)]
    public void Synthetic_log_in_date_order_streams_from_sqlite_and_parquet_into_the_summary_of_the_log(TimeUnit unit, TransactionGrouping grouping)
    {
        var log = ByDate(SyntheticPurchaseLog.Generate(20_000, 3_000, seed: 7));
        var options = new SummaryOptions(SyntheticEnd, unit) { CalibrationEnd = new DateOnly(2021, 6, 30), Grouping = grouping, Convention = CalendarConvention.Julian };
        var expected = log.Summarize(options);

        var file = PathOf("synthetic.parquet");
        ParquetFiles.WriteLog(file, Rows(log), rowGroupSize: 3_000);
        LogTables.AssertSameSummaries(expected, ParquetLogReader.SummarizeFile(file, options).Summaries);

        using var db = Sqlite("CREATE TABLE o (customer_id TEXT, date TEXT, amount TEXT);");
        using (var tx = db.BeginTransaction())
        {
            using var insert = db.CreateCommand();
            insert.CommandText = "INSERT INTO o VALUES ($c, $d, $a)";
            var (c, d, a) = (insert.Parameters.Add("$c", SqliteType.Text), insert.Parameters.Add("$d", SqliteType.Text), insert.Parameters.Add("$a", SqliteType.Text));
            for (var i = 0; i < log.Count; i++)
            {
                (c.Value, d.Value, a.Value) = (log.CustomerIdAt(i), log.DateAt(i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), log.AmountAt(i).Amount.ToString(CultureInfo.InvariantCulture));
                insert.ExecuteNonQuery();
            }

            tx.Commit();
        }

        var streamed = Summarize(db, "SELECT * FROM o ORDER BY rowid", options);
        Assert.Equal(log.Count, streamed.Report.RowsAccepted);
        LogTables.AssertSameSummaries(expected, streamed.Summaries);
    }

    private const string RefundRows = """
        CREATE TABLE o (customer_id TEXT, date TEXT, amount);
        INSERT INTO o VALUES
          ('a', '2024-01-05', -4),
          ('a', '2024-01-05', 10),
          ('b', '2024-01-05', 7),
          ('a', '2024-01-05', 5),
          ('b', '2024-01-05', -7),
          ('b', '2024-02-01', 3),
          ('c', '2024-01-09', -2),
          ('a', '2024-03-01', 2),
          ('a', '2024-03-01', -9),
          ('d', '2024-07-01', 8),
          ('d', '2024-07-01', -1),
          ('a', '2024-07-02', 6),
          ('e', '2024-01-03', 'abc'),
          ('b', '2024-07-03', 4);
        """;

    private static readonly SummaryOptions RefundSummary = new(new DateOnly(2024, 12, 31), TimeUnit.Day) { CalibrationEnd = new DateOnly(2024, 6, 30) };

    [Theory]
    [InlineData(RefundPolicy.NetSameDay)]
    [InlineData(RefundPolicy.Drop)]
    [InlineData(RefundPolicy.Reject)]
    public void Refunds_net_cancel_drop_and_reject_as_the_whole_log_does_in_lenient_mode(RefundPolicy refunds)
    {
        using var db = Sqlite(RefundRows);
        var options = new DbLogOptions { Refunds = refunds, Mode = ReadMode.Lenient, ObservationEnd = RefundSummary.ObservationEnd };
        var whole = Read(db, "SELECT * FROM o", options);
        var streamed = Summarize(db, "SELECT * FROM o", RefundSummary, options);

        AssertSameReport(whole.Report, streamed.Report);
        LogTables.AssertSameSummaries(whole.Log.Summarize(RefundSummary), streamed.Summaries);
        if (refunds == RefundPolicy.NetSameDay)
        {
            // a's 2024-01-05 nets 15 - 4; b's cancels; c's and a's 2024-03-01 refunds are unmatched; d's holdout day nets 8 - 1.
            Assert.Equal((3, 1), (streamed.Report.RefundRowsNetted, streamed.Report.RowsCancelled));
            Assert.Equal([7, 9, 13], streamed.Report.Rejected.Select(r => r.Line));
            Assert.Equal(1100L, streamed.Summaries.FirstSpendMinor[streamed.Summaries.IndexOf("a")]);
        }
    }

    [Fact]
    public void Strict_mode_stops_at_the_first_bad_row_with_the_message_of_read()
    {
        using var db = Sqlite(RefundRows);
        var expected = Assert.Throws<LogFormatException>(() => Read(db, "SELECT * FROM o"));
        var ex = Assert.Throws<LogFormatException>(() => Summarize(db, "SELECT * FROM o", RefundSummary));
        Assert.Equal(expected.Message, ex.Message);
        Assert.Equal("query, row 1, column 3 (amount): amount must be zero or more (refunds are not purchases; choose a refund policy to net or drop them) (was '-4').", ex.Message);
        Assert.Equal(RejectReason.NegativeAmount, ex.Reason);
    }

    [Fact]
    public void Strict_mode_rejects_an_unmatched_refund_when_its_day_closes()
    {
        using var db = Sqlite(RefundRows);
        var ex = Assert.Throws<LogFormatException>(() => Summarize(db, "SELECT * FROM o WHERE customer_id = 'a'", RefundSummary, new DbLogOptions { Refunds = RefundPolicy.NetSameDay }));
        Assert.Equal("query, row 5, column 3 (amount): a refund must not exceed customer 'a''s purchases on 2024-03-01 (2.00 USD) (was '-9.00').", ex.Message);
        Assert.Equal(RejectReason.UnmatchedRefund, ex.Reason);
    }

    [Fact]
    public void A_row_older_than_the_customers_previous_row_throws_naming_row_column_customer_and_date()
    {
        using var db = Sqlite("""
            CREATE TABLE o (customer_id TEXT, date TEXT, amount);
            INSERT INTO o VALUES ('a', '2024-01-05', 1), ('b', '2024-01-01', 1), ('a', '2024-01-04', 1);
            """);
        foreach (var refunds in new[] { RefundPolicy.Reject, RefundPolicy.NetSameDay })
        {
            var ex = Assert.Throws<UnorderedLogException>(() => Summarize(db, "SELECT * FROM o", RefundSummary, new DbLogOptions { Refunds = refunds }));
            Assert.Equal("query, row 3, column 2 (date): a streaming summary needs each customer's rows in date order, and this row is older than customer 'a''s previous calibration row; sort the rows by date, or read the whole log and summarise it in memory (was '2024-01-04').", ex.Message);
            Assert.Equal(("query", 3, "a"), (ex.File, ex.Line, ex.CustomerId));
        }
    }

    [Fact]
    public void Rows_after_the_summary_observation_end_are_rejected_as_after_the_observation_end()
    {
        using var db = Sqlite("""
            CREATE TABLE o (customer_id TEXT, date TEXT, amount);
            INSERT INTO o VALUES ('a', '2024-01-05', 1), ('a', '2025-01-01', 1);
            """);
        var streamed = Summarize(db, "SELECT * FROM o", RefundSummary, new DbLogOptions { Mode = ReadMode.Lenient });
        Assert.Equal(RejectReason.AfterObservationEnd, Assert.Single(streamed.Report.Rejected).Reason);
        Assert.Equal(1, streamed.Summaries.Count);
    }

    [Fact]
    public void Netting_by_order_is_refused_while_streaming_since_it_needs_the_whole_log()
    {
        using var db = Sqlite("CREATE TABLE o (customer_id TEXT, date TEXT, amount, order_id TEXT);");
        var e = Assert.Throws<ArgumentException>(() => Summarize(db, "SELECT * FROM o", RefundSummary, new DbLogOptions { Refunds = RefundPolicy.NetSameOrder, OrderColumn = DbColumn.Named("order_id") }));
        Assert.StartsWith("options.Refunds must not be NetSameOrder when summarising while streaming", e.Message, StringComparison.Ordinal);
        Assert.EndsWith("(was 'NetSameOrder').", e.Message.Split(" (Parameter")[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Another_currency_or_a_later_read_observation_end_is_refused_naming_the_option()
    {
        using var db = Sqlite("CREATE TABLE o (customer_id TEXT, date TEXT, amount);");
        var currency = Assert.Throws<ArgumentException>(() =>
        {
            using var command = db.CreateCommand();
            command.CommandText = "SELECT * FROM o";
            using var reader = command.ExecuteReader();
            DbLogReader.SummarizeInto(reader, new StreamingSummarizer(RefundSummary, Currency.EUR), new DbLogOptions());
        });
        Assert.StartsWith("options.Currency must be EUR, the currency of the summarizer (was 'USD').", currency.Message, StringComparison.Ordinal);
        var end = Assert.Throws<ArgumentException>(() => Summarize(db, "SELECT * FROM o", RefundSummary, new DbLogOptions { ObservationEnd = new DateOnly(2025, 1, 1) }));
        Assert.StartsWith("options.ObservationEnd must be on or before the summary's observation end 2024-12-31 (was '2025-01-01').", end.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parquet_partitions_by_date_range_summarised_into_one_summarizer_equal_the_whole()
    {
        var log = ByDate(SyntheticPurchaseLog.Generate(6_000, 800, seed: 3));
        var options = new SummaryOptions(SyntheticEnd, TimeUnit.Week) { CalibrationEnd = new DateOnly(2021, 3, 31) };
        var rows = Rows(log);
        var half = rows.Count / 2;
        var (early, late) = (PathOf("early.parquet"), PathOf("late.parquet"));
        ParquetFiles.WriteLog(early, rows[..half]);
        ParquetFiles.WriteLog(late, rows[half..]);
        var first = new StreamingSummarizer(options, Currency.USD);
        var second = new StreamingSummarizer(options, Currency.USD);
        using (var stream = File.OpenRead(early))
        {
            Assert.Equal(half, ParquetLogReader.SummarizeInto(stream, first).RowsAccepted);
        }

        using (var stream = File.OpenRead(late))
        {
            ParquetLogReader.SummarizeInto(stream, second);
        }

        first.Merge(second);
        LogTables.AssertSameSummaries(log.Summarize(options), first.ToSummaries());
    }

    [Fact]
    public void Cancellation_stops_a_long_read_and_progress_counts_rows()
    {
        var log = ByDate(SyntheticPurchaseLog.Generate(70_000, 5_000, seed: 11));
        var file = PathOf("long.parquet");
        ParquetFiles.WriteLog(file, Rows(log), rowGroupSize: 10_000);
        var options = new SummaryOptions(SyntheticEnd, TimeUnit.Week);
        var reported = new List<long>();
        var done = ParquetLogReader.SummarizeFile(file, options, progress: new SyncProgress(reported.Add));
        Assert.Equal([65_536L, 70_000L], reported);
        Assert.Equal(70_000, done.Report.RowsRead);

        using var cts = new CancellationTokenSource();
        Assert.ThrowsAny<OperationCanceledException>(() => ParquetLogReader.SummarizeFile(file, options, progress: new SyncProgress(_ => cts.Cancel()), cancellationToken: cts.Token));
        Assert.ThrowsAny<OperationCanceledException>(() => ParquetLogReader.SummarizeFile(file, options, cancellationToken: cts.Token));
    }

    private sealed class SyncProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
