using System.Data.Common;

using Ltv.Core.Datasets;
using Ltv.Core.Domain;
using Ltv.Core.History;
using Ltv.Core.IO;
using Ltv.Core.Pushdown;
using Ltv.Core.Tests.TestSupport;

namespace Ltv.Core.Tests.Pushdown;

public sealed class SummarySqlTests
{
    private static readonly PurchaseTable Purchases = new("purchases");

    /// <summary>A synthetic log with a calibration split: customers first seen in the holdout are excluded, some first buy on the calibration end.</summary>
    private static (PurchaseLog Log, SummaryOptions Options) Synthetic()
    {
        var log = SyntheticPurchaseLog.Generate(120_000, 15_000, seed: 11, start: new DateOnly(2020, 1, 1), days: 730);
        var options = new SummaryOptions(new DateOnly(2021, 12, 30), TimeUnit.Month) { CalibrationEnd = new DateOnly(2021, 3, 31), Convention = CalendarConvention.Julian };
        return (log, options);
    }

    private static CustomerSummaries Summaries(DbConnection connection, SqlDialect dialect, PurchaseTable table, SummaryOptions options, Currency currency)
    {
        using var command = connection.CreateCommand();
        command.CommandText = SummarySql.Summary(dialect, table, options, currency);
        using var reader = command.ExecuteReader();
        return SqlSummaryReader.ReadSummaries(reader, options, currency);
    }

    private static RfmPatterns Patterns(DbConnection connection, SqlDialect dialect, PurchaseTable table, SummaryOptions options, Currency currency)
    {
        using var command = connection.CreateCommand();
        command.CommandText = SummarySql.Patterns(dialect, table, options, currency);
        using var reader = command.ExecuteReader();
        return SqlSummaryReader.ReadPatterns(reader, options);
    }

    [Fact]
    public void DuckDb_summary_equals_the_in_process_summary_for_every_cdnow_master_customer()
    {
        var master = CdnowDatasets.LoadMaster().Log;
        var options = CdnowDatasets.StandardOptions;
        using var duck = LogTables.DuckDb(master);
        var expected = master.Summarize(options);
        var pushed = Summaries(duck, SqlDialect.DuckDb, Purchases, options, master.Currency);
        Assert.Equal(23_570, pushed.Count);
        LogTables.AssertSameSummaries(expected, pushed);
        LogTables.AssertSamePatterns(expected.ToPatterns(), Patterns(duck, SqlDialect.DuckDb, Purchases, options, master.Currency));
    }

    [Fact]
    public void DuckDb_summary_equals_the_in_process_summary_on_a_synthetic_log_with_exclusions()
    {
        var (log, options) = Synthetic();
        using var duck = LogTables.DuckDb(log);
        var expected = log.Summarize(options);
        Assert.True(expected.ExcludedCustomerCount > 0);
        var pushed = Summaries(duck, SqlDialect.DuckDb, Purchases, options, log.Currency);
        LogTables.AssertSameSummaries(expected, pushed);
        LogTables.AssertSamePatterns(expected.ToPatterns(), Patterns(duck, SqlDialect.DuckDb, Purchases, options, log.Currency));
    }

    [Fact]
    public void A_query_with_other_column_names_over_timestamps_gives_the_same_summary()
    {
        var (log, options) = Synthetic();
        using var duck = LogTables.DuckDb(log);
        LogTables.Execute(duck, "CREATE VIEW orders AS SELECT customer_id AS \"Cust No\", CAST(date AS TIMESTAMP) + INTERVAL 13 HOUR AS placed_at, amount AS net FROM purchases");
        var table = new PurchaseTable("(SELECT * FROM orders)") { CustomerColumn = "Cust No", DateColumn = "placed_at", AmountColumn = "net" };
        LogTables.AssertSameSummaries(log.Summarize(options), Summaries(duck, SqlDialect.DuckDb, table, options, log.Currency));
    }

    [Fact]
    public void Bad_rows_are_never_dropped_silently_the_reader_names_the_customer()
    {
        using var duck = LogTables.DuckDb();
        LogTables.Execute(duck, "CREATE TABLE purchases AS SELECT * FROM (VALUES ('a', DATE '2024-01-01', 10.00), ('b', DATE '2024-01-02', -4.00)) t(customer_id, date, amount)");
        var options = new SummaryOptions(new DateOnly(2024, 6, 30), TimeUnit.Day);
        var ex = Assert.Throws<LogFormatException>(() => Summaries(duck, SqlDialect.DuckDb, Purchases, options, Currency.USD));
        Assert.Equal("query, result row 2 (bad_rows): 1 purchase rows of customer 'b' have a NULL or negative amount, a NULL date, a date after the observation end 2024-06-30 or too many decimals; filter or correct them in the source (was '1').", ex.Message);
        var late = new SummaryOptions(new DateOnly(2024, 1, 1), TimeUnit.Day);
        LogTables.Execute(duck, "DELETE FROM purchases WHERE customer_id = 'b'; INSERT INTO purchases VALUES ('a', DATE '2024-01-05', 1.00)");
        Assert.Throws<LogFormatException>(() => Patterns(duck, SqlDialect.DuckDb, Purchases, late, Currency.USD));
    }

    [Fact]
    public void Same_period_grouping_and_bad_names_are_refused_with_the_field_named()
    {
        var options = new SummaryOptions(new DateOnly(2024, 6, 30), TimeUnit.Week) { Grouping = TransactionGrouping.SamePeriod };
        ErrorAssert.Throws<ArgumentException>(() => SummarySql.Summary(SqlDialect.DuckDb, Purchases, options, Currency.USD), "grouping", "SamePeriod");
        ErrorAssert.Throws<ArgumentException>(() => SummarySql.Summary(SqlDialect.DuckDb, Purchases with { DateColumn = " " }, options with { Grouping = TransactionGrouping.SameDay }, Currency.USD), "dateColumn", "' '");
        ErrorAssert.Throws<ArgumentOutOfRangeException>(() => SummarySql.Summary((SqlDialect)9, Purchases, options, Currency.USD), "dialect", "9");
    }

    [Fact]
    public void Spark_sql_quotes_with_backticks_and_counts_days_with_datediff()
    {
        var sql = SummarySql.Summary(SqlDialect.SparkSql, new PurchaseTable("shop.orders") { CustomerColumn = "cust`id" }, CdnowDatasets.StandardOptions, Currency.USD);
        Assert.Contains("CAST(src.`cust``id` AS STRING)", sql, StringComparison.Ordinal);
        Assert.Contains("datediff(DATE '1997-09-30', f.first_day) AS age_days", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("date_diff", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("\"", sql, StringComparison.Ordinal);
        var pg = SummarySql.Summary(SqlDialect.PostgreSql, new PurchaseTable("shop.orders"), CdnowDatasets.StandardOptions, Currency.USD);
        Assert.Contains("(DATE '1997-09-30' - f.first_day) AS age_days", pg, StringComparison.Ordinal);
    }

    [PostgresFact]
    public void Postgres_summary_equals_the_in_process_summary_for_every_cdnow_master_customer()
    {
        var master = CdnowDatasets.LoadMaster().Log;
        var options = CdnowDatasets.StandardOptions;
        using var pg = LogTables.Postgres(master, "ltv_cdnow_master");
        var table = new PurchaseTable("ltv_cdnow_master");
        var expected = master.Summarize(options);
        LogTables.AssertSameSummaries(expected, Summaries(pg, SqlDialect.PostgreSql, table, options, master.Currency));
        LogTables.AssertSamePatterns(expected.ToPatterns(), Patterns(pg, SqlDialect.PostgreSql, table, options, master.Currency));
    }

    [PostgresFact]
    public void Postgres_summary_equals_the_in_process_summary_on_a_synthetic_log_with_exclusions()
    {
        var (log, options) = Synthetic();
        using var pg = LogTables.Postgres(log, "ltv_synthetic");
        var table = new PurchaseTable("ltv_synthetic");
        var expected = log.Summarize(options);
        LogTables.AssertSameSummaries(expected, Summaries(pg, SqlDialect.PostgreSql, table, options, log.Currency));
        LogTables.AssertSamePatterns(expected.ToPatterns(), Patterns(pg, SqlDialect.PostgreSql, table, options, log.Currency));
    }
}
