using System.Data;

using Ltv.Core.Datasets;
using Ltv.Core.Domain;
using Ltv.Core.History;
using Ltv.Core.IO;
using Ltv.Core.IO.Db;
using Ltv.Core.Probabilistic.Models;
using Ltv.Core.Pushdown;
using Ltv.Core.Tests.TestSupport;

namespace Ltv.Core.Tests.Docs;

/// <summary>The worked examples of docs/ingestion.md's database, push-down, Parquet and refund sections.</summary>
public sealed class IngestionDocsTests
{
    [Fact]
    public void Pushed_down_patterns_fit_the_same_bg_nbd_model_as_the_in_process_summary()
    {
        var master = CdnowDatasets.LoadMaster();
        var options = CdnowDatasets.StandardOptions;
        using var duck = LogTables.DuckDb(master.Log);
        var table = new PurchaseTable("purchases");
        using var command = duck.CreateCommand();
        command.CommandText = SummarySql.Patterns(SqlDialect.DuckDb, table, options, Currency.USD);
        using var reader = command.ExecuteReader();
        var patterns = SqlSummaryReader.ReadPatterns(reader, options);
        Assert.Equal(23_570d, patterns.CustomerCount);
        Assert.InRange(patterns.Count, 1_000, 9_999);

        var pushed = BgNbdModel.Fit(patterns).EnsureConverged();
        var local = BgNbdModel.Fit(master.Summaries.ToPatterns()).EnsureConverged();
        Assert.Equal(local.Model.R, pushed.Model.R, 1e-9);
        Assert.Equal(local.Model.Alpha, pushed.Model.Alpha, 1e-9);
        Assert.Equal(local.LogLikelihood, pushed.LogLikelihood, 1e-6);
    }

    [Fact]
    public void A_result_brought_back_as_a_data_table_reads_like_any_driver_result()
    {
        // Stands in for the Spark cluster's exported result: any DbDataReader over the same columns.
        var log = CdnowDatasets.LoadMaster().Log;
        var options = CdnowDatasets.StandardOptions;
        using var duck = LogTables.DuckDb(log);
        var exported = new DataTable();
        using (var command = duck.CreateCommand())
        {
            command.CommandText = SummarySql.Patterns(SqlDialect.DuckDb, new PurchaseTable("purchases"), options, Currency.USD);
            using var result = command.ExecuteReader();
            exported.Load(result);
        }

        using var reader = exported.CreateDataReader();
        LogTables.AssertSamePatterns(log.Summarize(options).ToPatterns(), SqlSummaryReader.ReadPatterns(reader, options));
        var spark = SummarySql.Patterns(SqlDialect.SparkSql, new PurchaseTable("shop.orders"), options, Currency.USD);
        Assert.Contains("FROM shop.orders src", spark, StringComparison.Ordinal);
    }

    [Fact]
    public void Parquet_in_and_out_through_duckdb_keeps_every_row_and_every_summary()
    {
        var log = CdnowDatasets.LoadMaster().Log;
        var options = CdnowDatasets.StandardOptions;
        var dir = Directory.CreateTempSubdirectory("ltv-parquet-");
        try
        {
            using var duck = LogTables.DuckDb(log);
            var orders = Path.Combine(dir.FullName, "orders.parquet");
            var summary = Path.Combine(dir.FullName, "summary.parquet");
            LogTables.Execute(duck, $"COPY purchases TO '{orders}' (FORMAT parquet)");

            using var fresh = LogTables.DuckDb();
            LogReadResult read;
            using (var command = fresh.CreateCommand())
            {
                command.CommandText = $"SELECT * FROM read_parquet('{orders}')";
                using var reader = command.ExecuteReader();
                read = DbLogReader.Read(reader);
            }

            Assert.Equal(log.Count, read.Report.RowsAccepted);
            var expected = log.Summarize(options);
            LogTables.AssertSameSummaries(expected, read.Log.Summarize(options));

            var table = new PurchaseTable($"read_parquet('{orders}')");
            LogTables.Execute(fresh, $"COPY ({SummarySql.Summary(SqlDialect.DuckDb, table, options, Currency.USD)}) TO '{summary}' (FORMAT parquet)");
            using (var command = fresh.CreateCommand())
            {
                command.CommandText = $"SELECT * FROM read_parquet('{summary}')";
                using var reader = command.ExecuteReader();
                LogTables.AssertSameSummaries(expected, SqlSummaryReader.ReadSummaries(reader, options, Currency.USD));
            }
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Refund_example_report_line()
    {
        const string Csv = """
            customer_id,date,amount
            a,2024-01-01,50.00
            a,2024-01-01,30.00
            a,2024-01-01,-20.00
            a,2024-02-01,40.00
            b,2024-01-03,25.00
            b,2024-01-03,-25.00
            b,2024-03-01,10.00
            c,2024-01-04,-5.00
            """;
        var path = Path.Combine(Path.GetTempPath(), $"ltv-doc-{Guid.NewGuid():N}", "orders.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            File.WriteAllText(path, Csv);
            var (_, report) = CsvLogReader.ReadFile(path, new CsvLogOptions { Refunds = RefundPolicy.NetSameDay, Mode = ReadMode.Lenient });
            Assert.Equal("orders.csv: 8 rows read, 4 accepted, 1 rejected, 2 refunds netted, 1 cancelled", report.ToString());
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }
}
