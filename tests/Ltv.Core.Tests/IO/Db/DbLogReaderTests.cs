using Ltv.Core.Datasets;
using Ltv.Core.Domain;
using Ltv.Core.History;
using Ltv.Core.IO;
using Ltv.Core.IO.Db;
using Ltv.Core.Tests.TestSupport;

using Microsoft.Data.Sqlite;

namespace Ltv.Core.Tests.IO.Db;

public sealed class DbLogReaderTests
{
    private static SqliteConnection Sqlite(string createAndInsert)
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        LogTables.Execute(connection, createAndInsert);
        return connection;
    }

    private static LogReadResult Query(System.Data.Common.DbConnection connection, string sql, DbLogOptions? options = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        return DbLogReader.Read(reader, options);
    }

    [Fact]
    public void DuckDb_table_of_typed_columns_reads_into_the_same_log_as_the_csv_of_cdnow_master()
    {
        var master = CdnowDatasets.LoadMaster().Log;
        using var duck = LogTables.DuckDb(master);
        var read = Query(duck, "SELECT customer_id, date, amount FROM purchases");
        Assert.Equal(master.Count, read.Report.RowsAccepted);
        Assert.Equal(0, read.Report.RowsRejected);
        Assert.Equal(master.Total, read.Log.Total);
        var expected = master.Summarize(CdnowDatasets.StandardOptions);
        LogTables.AssertSameSummaries(expected, read.Log.Summarize(CdnowDatasets.StandardOptions));
    }

    [Fact]
    public void Sqlite_text_dates_real_amounts_and_integer_ids_read_by_ordinal()
    {
        using var db = Sqlite("""
            CREATE TABLE o (cust INTEGER, at TEXT, total REAL);
            INSERT INTO o VALUES (7, '2024-01-05', 19.99), (7, '2024-01-05T10:30:00', 0.07), (8, '2024-02-01', 5);
            """);
        var read = Query(db, "SELECT cust, at, total FROM o", new DbLogOptions { CustomerColumn = 0, DateColumn = 1, AmountColumn = 2 });
        Assert.Equal(3, read.Report.RowsAccepted);
        Assert.Equal(new Money(25.06m, Currency.USD), read.Log.Total);
        Assert.Equal("7", read.Log.CustomerIdAt(1));
        Assert.Equal("8", read.Log.CustomerIdAt(2));
        Assert.Equal(new DateOnly(2024, 1, 5), read.Log.DateAt(1));
        Assert.Equal(1999L, read.Log.AmountMinor[0]);
    }

    [Fact]
    public void Strict_mode_names_the_row_the_column_and_the_value()
    {
        using var db = Sqlite("""
            CREATE TABLE o (customer_id TEXT, date TEXT, amount);
            INSERT INTO o VALUES ('a', '2024-01-05', 10), ('b', '2024-01-06', 'abc');
            """);
        var ex = Assert.Throws<LogFormatException>(() => Query(db, "SELECT * FROM o"));
        Assert.Equal("query, row 2, column 3 (amount): amount must be a number (was 'abc').", ex.Message);
        Assert.Equal(RejectReason.MalformedNumber, ex.Reason);
        Assert.Equal(2, ex.Line);
    }

    [Fact]
    public void Lenient_mode_reports_every_bad_row_with_its_reason()
    {
        using var db = Sqlite("""
            CREATE TABLE o (customer_id TEXT, date TEXT, amount, currency TEXT);
            INSERT INTO o VALUES
              ('a', '2024-01-05', 10, 'USD'),
              (NULL, '2024-01-05', 10, 'USD'),
              ('b', NULL, 10, 'USD'),
              ('c', '05/01/2024', 10, 'USD'),
              ('d', '2024-01-05', -3, 'USD'),
              ('e', '2024-01-05', 1.005, 'USD'),
              ('f', '2024-01-05', NULL, 'USD'),
              ('g', '2024-01-05', 10, 'EUR'),
              ('h', '2024-03-01', 10, 'USD');
            """);
        var options = new DbLogOptions { Mode = ReadMode.Lenient, CurrencyColumn = "currency", ObservationEnd = new DateOnly(2024, 2, 1), SourceName = "orders" };
        var read = Query(db, "SELECT * FROM o", options);
        Assert.Equal(9, read.Report.RowsRead);
        Assert.Equal(1, read.Report.RowsAccepted);
        Assert.Equal(
            [RejectReason.BlankCustomerId, RejectReason.UnparsableDate, RejectReason.UnparsableDate, RejectReason.NegativeAmount, RejectReason.AmountTooPrecise, RejectReason.MalformedNumber, RejectReason.CurrencyMismatch, RejectReason.AfterObservationEnd],
            read.Report.Rejected.Select(r => r.Reason));
        Assert.Equal("orders, row 2, column 1 (customer_id): customer id must not be NULL (was 'NULL').", read.Report.Rejected[0].Message);
        Assert.Equal("orders, row 4, column 2 (date): date must be a DATE, a TIMESTAMP or ISO 8601 text (yyyy-MM-dd) (was '05/01/2024').", read.Report.Rejected[2].Message);
    }

    [Fact]
    public void A_missing_column_is_one_line_naming_it_and_the_columns_there_are()
    {
        using var db = Sqlite("CREATE TABLE o (customer_id TEXT, day TEXT, amount REAL);");
        var ex = Assert.Throws<LogFormatException>(() => Query(db, "SELECT * FROM o"));
        Assert.Equal("query: the result has no column 'date' (was 'customer_id,day,amount').", ex.Message);
        var ordinal = Assert.Throws<LogFormatException>(() => Query(db, "SELECT * FROM o", new DbLogOptions { DateColumn = 5 }));
        Assert.Equal("query: the result has no column at ordinal 5 (3 columns) (was 'customer_id,day,amount').", ordinal.Message);
    }

    [Fact]
    public void Timestamps_with_time_zone_and_integer_ids_read_from_duckdb()
    {
        using var duck = LogTables.DuckDb();
        var read = Query(duck, "SELECT 42::BIGINT AS customer_id, TIMESTAMP '2024-05-01 23:59:00' AS date, 12.5::DOUBLE AS amount UNION ALL SELECT 43, TIMESTAMP '2024-05-02 00:00:00', 3");
        Assert.Equal(2, read.Report.RowsAccepted);
        Assert.Equal(["42", "43"], read.Log.CustomerIds);
        Assert.Equal(new DateOnly(2024, 5, 1), read.Log.DateAt(0));
        Assert.Equal(new Money(15.5m, Currency.USD), read.Log.Total);
    }

    [Fact]
    public void Progress_reports_rows_read_and_cancellation_stops_a_long_read()
    {
        using var duck = LogTables.DuckDb();
        const string Sql = "SELECT 'C' || (i % 1000) AS customer_id, DATE '2024-01-01' + CAST(i % 300 AS INTEGER) AS date, CAST(i % 50 AS DECIMAL(10, 2)) AS amount FROM range(200000) t(i)";
        var reports = new List<long>();
        using (var command = duck.CreateCommand())
        {
            command.CommandText = Sql;
            using var reader = command.ExecuteReader();
            var read = DbLogReader.Read(reader, progress: new Recorder(reports));
            Assert.Equal(200_000, read.Report.RowsAccepted);
        }

        Assert.Equal([65_536L, 131_072L, 196_608L, 200_000L], reports);

        using var cts = new CancellationTokenSource();
        using (var command = duck.CreateCommand())
        {
            command.CommandText = Sql;
            using var reader = command.ExecuteReader();
            var seen = new List<long>();
            var progress = new Recorder(seen, cts.Cancel);
            Assert.Throws<OperationCanceledException>(() => DbLogReader.Read(reader, progress: progress, cancellationToken: cts.Token));
            Assert.Equal([65_536L], seen);
        }
    }

    [Fact]
    public async Task ReadAsync_reads_the_same_rows_and_honours_cancellation()
    {
        using var db = Sqlite("CREATE TABLE o (customer_id TEXT, date TEXT, amount REAL); INSERT INTO o VALUES ('a', '2024-01-01', 1), ('a', '2024-01-09', 2);");
        using (var command = db.CreateCommand())
        {
            command.CommandText = "SELECT * FROM o";
            using var reader = await command.ExecuteReaderAsync();
            var read = await DbLogReader.ReadAsync(reader);
            Assert.Equal(2, read.Report.RowsAccepted);
        }

        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        using (var command = db.CreateCommand())
        {
            command.CommandText = "SELECT * FROM o";
            using var reader = await command.ExecuteReaderAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => DbLogReader.ReadAsync(reader, cancellationToken: cancelled.Token));
        }
    }

    [PostgresFact]
    public void Postgres_result_reads_with_the_same_checks()
    {
        var log = SyntheticPurchaseLog.Generate(20_000, 2_000, seed: 3);
        using var pg = LogTables.Postgres(log, "ltv_read_test");
        var read = Query(pg, "SELECT customer_id, date, amount FROM ltv_read_test");
        Assert.Equal(log.Count, read.Report.RowsAccepted);
        Assert.Equal(log.Total, read.Log.Total);
        var options = new SummaryOptions(new DateOnly(2021, 12, 31), TimeUnit.Week) { CalibrationEnd = new DateOnly(2021, 6, 30) };
        LogTables.AssertSameSummaries(log.Summarize(options), read.Log.Summarize(options));
        LogTables.Execute(pg, "INSERT INTO ltv_read_test VALUES ('z', DATE '2022-01-01', -5.00, 'USD')");
        var ex = Assert.Throws<LogFormatException>(() => Query(pg, "SELECT customer_id, date, amount FROM ltv_read_test ORDER BY customer_id = 'z'"));
        Assert.Equal(RejectReason.NegativeAmount, ex.Reason);
        Assert.Contains($"query, row {log.Count + 1}, column 3 (amount)", ex.Message, StringComparison.Ordinal);
    }

    /// <summary>A synchronous progress sink (Progress&lt;T&gt; posts to the thread pool).</summary>
    private sealed class Recorder(List<long> seen, Action? onReport = null) : IProgress<long>
    {
        public void Report(long value)
        {
            seen.Add(value);
            onReport?.Invoke();
        }
    }
}
