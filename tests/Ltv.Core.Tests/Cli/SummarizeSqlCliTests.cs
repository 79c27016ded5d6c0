using System.Globalization;

using Ltv.Cli;
using Ltv.Core.Datasets;
using Ltv.Core.Tests.TestSupport;

using Microsoft.Data.Sqlite;

namespace Ltv.Core.Tests.Cli;

/// <summary>
/// <c>ltv summarize --sql "..." --connection ...</c>: the query's rows go through DbLogReader with the rules of a file.
/// The tool ships the PostgreSQL driver (Npgsql, managed); SQLite stands in for it here through the test seam, and the
/// real PostgreSQL server of .ci/run runs the same command end to end.
/// </summary>
public sealed class SummarizeSqlCliTests : IDisposable
{
    private static readonly string[] Split = ["--observation-end", "1998-06-30", "--calibration-end", "1997-09-30", "--unit", "week"];

    private readonly string _dir = Directory.CreateTempSubdirectory("ltv-cli-sql-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private string SqliteDatabase()
    {
        var file = Path.Combine(_dir, "shop.db");
        using var connection = new SqliteConnection($"Data Source={file}");
        connection.Open();
        LogTables.Execute(connection, "CREATE TABLE orders (customer TEXT, ordered_on TEXT, total NUMERIC); INSERT INTO orders VALUES ('a', '2024-01-01', 10), ('a', '2024-01-08', 4.5), ('b', '2024-01-02', -3), ('c', '2024-01-03', 7)");
        return $"Data Source={file}";
    }

    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = LtvApp.Run(args, Stream.Null, output, error, null, text => new SqliteConnection(text));
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public void A_query_netted_by_order_id_is_read_whole_and_a_refund_days_later_nets_against_its_order()
    {
        var file = Path.Combine(_dir, "returns.db");
        using (var db = new SqliteConnection($"Data Source={file}"))
        {
            db.Open();
            LogTables.Execute(db, "CREATE TABLE o (customer_id TEXT, date TEXT, amount NUMERIC, order_id TEXT); INSERT INTO o VALUES ('a', '2024-01-01', 10, 'o1'), ('a', '2024-01-09', -4, 'o1'), ('a', '2024-01-15', 3, 'o2')");
        }

        var summary = Path.Combine(_dir, "s.csv");
        var (exit, output, error) = Run("summarize", "--sql", "SELECT * FROM o", "--connection", $"Data Source={file}", "--refunds", "net-same-order", "--order-column", "order_id", "--observation-end", "2024-01-31", "--unit", "day", "-o", summary);

        Assert.True(exit == 0, error);
        Assert.Contains("read 3 = accepted 2 + rejected 0 + refunds netted 1 + refunds dropped 0 + cancelled 0", output, StringComparison.Ordinal);
        Assert.Equal("a,1,14,30,3,day", File.ReadAllLines(summary)[1]);
    }

    [Fact]
    public void The_query_is_read_with_the_options_columns_and_a_bad_row_names_row_and_column()
    {
        var connection = SqliteDatabase();
        string[] query = ["--sql", "SELECT customer, ordered_on, total FROM orders ORDER BY rowid", "--connection", connection, "--customer-column", "customer", "--date-column", "ordered_on", "--amount-column", "total", "--observation-end", "2024-01-31", "--unit", "day"];

        var strict = Run(["summarize", .. query]);
        var lenient = Run(["summarize", .. query, "--skip-invalid", "-o", Path.Combine(_dir, "s.csv")]);

        Assert.Equal(1, strict.Exit);
        Assert.Equal("ltv: query, row 3, column 3 (total): amount must be zero or more (refunds are not purchases; choose a refund policy to net or drop them) (was '-3').\n", strict.Error.ReplaceLineEndings("\n"));
        Assert.Equal(0, lenient.Exit);
        Assert.Contains("read 4 = accepted 3 + rejected 1", lenient.Output, StringComparison.Ordinal);
        Assert.Equal(["customer_id,frequency,recency,T,monetary_value,time_unit", "a,1,7,30,4.5,day", "c,0,0,28,0,day"], File.ReadAllLines(Path.Combine(_dir, "s.csv")));
    }

    [Fact]
    public void Sql_without_connection_a_log_with_sql_and_a_refused_query_are_one_line_errors()
    {
        var connection = SqliteDatabase();

        var noConnection = Run("summarize", "--sql", "SELECT 1", "--observation-end", "2024-01-31");
        var both = Run("summarize", "log.csv", "--sql", "SELECT 1", "--connection", connection, "--observation-end", "2024-01-31");
        var noLog = Run("summarize", "--observation-end", "2024-01-31");
        var refused = Run("summarize", "--sql", "SELECT * FROM missing_table", "--connection", connection, "--observation-end", "2024-01-31");
        var connectionOnly = Run("summarize", "log.csv", "--connection", connection, "--observation-end", "2024-01-31");

        Assert.Equal((2, "ltv: --sql: needs --connection, the connection string of the database to run the query on.\n"), (noConnection.Exit, noConnection.Error.ReplaceLineEndings("\n")));
        Assert.Equal((2, "ltv: LOG: give either a log file or --sql, not both (was 'log.csv').\n"), (both.Exit, both.Error.ReplaceLineEndings("\n")));
        Assert.Equal((2, "ltv: LOG: give the purchase log file (or - for standard input), or --sql \"SELECT ...\" with --connection.\n"), (noLog.Exit, noLog.Error.ReplaceLineEndings("\n")));
        Assert.Equal(1, refused.Exit);
        Assert.StartsWith("ltv: --sql: the database refused the query (", refused.Error, StringComparison.Ordinal);
        Assert.Contains("missing_table", refused.Error, StringComparison.Ordinal);
        Assert.Equal((2, "ltv: --connection: only with --sql \"SELECT ...\" (the query that returns the purchases).\n"), (connectionOnly.Exit, connectionOnly.Error.ReplaceLineEndings("\n")));
    }

    [Fact]
    public void An_unreachable_postgresql_server_is_one_line_naming_connection()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = LtvApp.Run(["summarize", "--sql", "SELECT 1", "--connection", "Host=127.0.0.1;Port=1;Timeout=2", "--observation-end", "2024-01-31"], Stream.Null, output, error);

        Assert.Equal(1, exit);
        Assert.StartsWith("ltv: --connection: cannot connect to the database (", error.ToString(), StringComparison.Ordinal);
        Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [PostgresFact]
    public void PostgreSQL_query_of_cdnow_sample_summarizes_as_the_log_file_does()
    {
        var log = CdnowDatasets.LoadSample().Log;
        var table = "ltv_cli_sql_" + Guid.NewGuid().ToString("N")[..8];
        using var postgres = LogTables.Postgres(log, table);
        try
        {
            var csv = Path.Combine(_dir, "log.csv");
            using (var writer = new StreamWriter(csv))
            {
                Ltv.Core.IO.CsvLogWriter.Write(log, writer);
            }

            using var output = new StringWriter();
            using var error = new StringWriter();
            var exit = LtvApp.Run(["summarize", "--sql", $"SELECT customer_id, date, amount FROM {table}", "--connection", PostgresServer.Required, .. Split, "-o", Path.Combine(_dir, "pg.csv")], Stream.Null, output, error);
            var fromFile = CliRunner.Run(["summarize", csv, .. Split, "-o", Path.Combine(_dir, "file.csv")]);

            Assert.Equal((0, string.Empty), (exit, error.ToString()));
            Assert.Equal(0, fromFile.Exit);
            Assert.Contains("read 6919 = accepted 6919 + rejected 0", output.ToString(), StringComparison.Ordinal);
            Assert.Equal(File.ReadAllLines(Path.Combine(_dir, "file.csv")).Order(StringComparer.Ordinal), File.ReadAllLines(Path.Combine(_dir, "pg.csv")).Order(StringComparer.Ordinal));
        }
        finally
        {
            LogTables.Execute(postgres, $"DROP TABLE {table}");
        }
    }
}
