using Ltv.Core.Datasets;
using Ltv.Core.Domain;
using Ltv.Core.History;
using Ltv.Core.IO;
using Ltv.Core.IO.Db;
using Ltv.Core.Parquet;
using Ltv.Core.Probabilistic.Catalog;
using Ltv.Core.Tests.TestSupport;

using static Ltv.Core.Tests.IO.Parquet.ParquetFiles;

namespace Ltv.Core.Tests.IO.Parquet;

public sealed class ParquetIoTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ltv-parquet-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string PathOf(string name) => Path.Combine(_dir, name);

    [Fact]
    public void DuckDb_written_parquet_of_cdnow_master_reads_into_the_same_summaries_as_the_log()
    {
        var master = CdnowDatasets.LoadMaster().Log;
        var file = PathOf("master.parquet");
        using (var duck = LogTables.DuckDb(master))
        {
            LogTables.Execute(duck, $"COPY (SELECT * FROM purchases ORDER BY customer_id, date) TO '{file}' (FORMAT parquet, ROW_GROUP_SIZE 10000)");
        }

        var read = ParquetLogReader.ReadFile(file);

        Assert.Equal(master.Count, read.Report.RowsAccepted);
        Assert.Equal(0, read.Report.RowsRejected);
        Assert.Equal(file, read.Report.File);
        Assert.Equal(master.Total, read.Log.Total);
        LogTables.AssertSameSummaries(master.Summarize(CdnowDatasets.StandardOptions), read.Log.Summarize(CdnowDatasets.StandardOptions));
    }

    [Fact]
    public void Lenient_read_rejects_bad_rows_with_row_and_column_across_row_groups()
    {
        var file = PathOf("bad.parquet");
        WriteLog(file, [Row("a", "2024-01-01", 10m), Row(null, "2024-01-02", 5m), Row("b", null, 5m), Row("c", "2024-01-03", -1m), Row("d", "2024-03-01", 2m), Row("e", "2024-01-04", null)], rowGroupSize: 2);

        var read = ParquetLogReader.ReadFile(file, new DbLogOptions { Mode = ReadMode.Lenient, ObservationEnd = new DateOnly(2024, 1, 31) });

        Assert.Equal(1, read.Report.RowsAccepted);
        Assert.Equal(6, read.Report.RowsRead);
        Assert.Equal(
            [(2, 1, RejectReason.BlankCustomerId), (3, 2, RejectReason.UnparsableDate), (4, 3, RejectReason.NegativeAmount), (5, 2, RejectReason.AfterObservationEnd), (6, 3, RejectReason.MalformedNumber)],
            read.Report.Rejected.Select(r => (r.Line, r.Column, r.Reason)).ToArray());
        Assert.StartsWith($"{file}, row 4, column 3 (amount): amount must be zero or more", read.Report.Rejected[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Strict_read_stops_at_the_first_bad_row_naming_file_row_and_column()
    {
        var file = PathOf("strict.parquet");
        WriteLog(file, [Row("a", "2024-01-01", 10m), Row("b", "2024-01-02", -3.5m)]);

        var ex = Assert.Throws<LogFormatException>(() => ParquetLogReader.ReadFile(file));

        Assert.Equal($"{file}, row 2, column 3 (amount): amount must be zero or more (refunds are not purchases; choose a refund policy to net or drop them) (was '-3.50').", ex.Message);
    }

    [Fact]
    public void Refunds_net_against_the_same_day_as_for_csv_and_never_leave_a_negative_spend()
    {
        var file = PathOf("refunds.parquet");
        WriteLog(file, [Row("a", "2024-01-01", 10m), Row("a", "2024-01-01", -4m), Row("b", "2024-01-02", 5m), Row("b", "2024-01-02", -5m), Row("c", "2024-01-03", 1m)]);

        var netted = ParquetLogReader.ReadFile(file, new DbLogOptions { Refunds = RefundPolicy.NetSameDay });
        var dropped = ParquetLogReader.ReadFile(file, new DbLogOptions { Refunds = RefundPolicy.Drop });

        Assert.Equal(Money.Of(7m, Currency.USD), netted.Log.Total);
        Assert.Equal((2, 1), (netted.Report.RefundRowsNetted, netted.Report.RowsCancelled));
        Assert.Equal(Money.Of(16m, Currency.USD), dropped.Log.Total);
        Assert.Equal(2, dropped.Report.RefundRowsDropped);
    }

    [Fact]
    public void A_missing_column_and_a_file_that_is_not_parquet_are_one_line_errors_naming_them()
    {
        var file = PathOf("renamed.parquet");
        WriteLog(file, [Row("a", "2024-01-01", 10m)], amountColumn: "total");
        var text = PathOf("text.parquet");
        File.WriteAllText(text, "customer_id,date,amount\na,2024-01-01,1\n");

        var missing = Assert.Throws<LogFormatException>(() => ParquetLogReader.ReadFile(file));
        var notParquet = Assert.Throws<InvalidDataException>(() => ParquetLogReader.ReadFile(text));

        Assert.Equal($"{file}: the result has no column 'amount' (was 'customer_id,date,total').", missing.Message);
        Assert.StartsWith($"{text}: not a Parquet file", notParquet.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', notParquet.Message);
    }

    [Fact]
    public async Task Summary_parquet_round_trips_into_the_summary_table_and_duckdb_reads_its_columns()
    {
        var log = CdnowDatasets.LoadMaster().Log;
        var options = CdnowDatasets.StandardOptions;
        var summaries = log.Summarize(options);
        var file = PathOf("summary.parquet");
        await ParquetSummaryWriter.WriteFileAsync(file, summaries);

        var table = ParquetSummaryReader.ReadFile(file);
        var expected = summaries;

        Assert.Equal(summaries.Unit, table.Unit);
        Assert.Equal(expected.CustomerIds, table.CustomerIds);
        Assert.Equal(expected.Frequency.ToArray(), table.Frequency.ToArray());
        Assert.Equal(expected.Recency.ToArray(), table.Recency.ToArray());
        Assert.Equal(expected.Age.ToArray(), table.Age.ToArray());
        for (var i = 0; i < table.Count; i++)
        {
            Assert.Equal((double)summaries.MonetaryAt(i).Amount, table.Monetary[i]);
        }

        using var duck = LogTables.DuckDb();
        using var command = duck.CreateCommand();
        command.CommandText = $"SELECT string_agg(column_name, ',' ORDER BY column_index) FROM (SELECT column_name, row_number() OVER () AS column_index FROM (DESCRIBE SELECT * FROM read_parquet('{file}')))";
        var columns = (string)command.ExecuteScalar()!;
        var holdout = options.CalibrationEnd is null ? string.Empty : "frequency_holdout,monetary_value_holdout,duration_holdout,";
        Assert.Equal($"customer_id,frequency,recency,T,monetary_value,{holdout}time_unit", columns);
    }

    [Fact]
    public async Task Summary_reader_refuses_a_negative_value_and_a_missing_column_naming_row_and_column()
    {
        var file = PathOf("summary.parquet");
        var builder = new PurchaseLogBuilder(Currency.USD);
        builder.Add("a", new DateOnly(2024, 1, 1), 10m);
        builder.Add("a", new DateOnly(2024, 1, 8), 10m);
        var summaries = builder.Build().Summarize(new SummaryOptions(new DateOnly(2024, 1, 31), TimeUnit.Week));
        await ParquetSummaryWriter.WriteFileAsync(file, summaries);

        var missing = Assert.Throws<InvalidDataException>(() => ParquetSummaryReader.ReadFile(file, ["frequency", "spend"]));

        Assert.Equal($"{file}: the file has no column 'spend' (was 'customer_id,frequency,recency,T,monetary_value,time_unit').", missing.Message);
        var bad = PathOf("negative.parquet");
        WriteLog(bad, [Row("a", "2024-01-01", -1m)], amountColumn: "frequency");
        var negative = Assert.Throws<InvalidDataException>(() => ParquetSummaryReader.ReadFile(bad, ["frequency"]));
        Assert.Equal($"{bad}, row 1, column 3 (frequency): frequency must be zero or more (was '-1').", negative.Message);
    }

    [Fact]
    public async Task Summary_reader_names_the_row_of_a_broken_frequency_recency_convention()
    {
        var file = PathOf("broken.parquet");
        var id = new global::Parquet.Schema.DataField<string>("customer_id");
        var x = new global::Parquet.Schema.DataField<double>("frequency");
        var tx = new global::Parquet.Schema.DataField<double>("recency");
        var t = new global::Parquet.Schema.DataField<double>("T");
        using (var stream = File.Create(file))
        {
            var writer = await global::Parquet.ParquetWriter.CreateAsync(new global::Parquet.Schema.ParquetSchema(id, x, tx, t), stream);
            await using (writer)
            {
                using var group = writer.CreateRowGroup();
                await group.WriteAsync(id, ["a", "b"]);
                await group.WriteAsync<double>(x, new double[] { 1d, 0d });
                await group.WriteAsync<double>(tx, new double[] { 2d, 3d });
                await group.WriteAsync<double>(t, new double[] { 5d, 5d });
            }
        }

        var e = Assert.Throws<InvalidDataException>(() => ParquetSummaryReader.ReadFile(file, ["frequency", "recency", "T"]));
        Assert.Equal($"{file}, row 2, column 3 (recency): recency must be 0 when frequency is 0 (was '3').", e.Message);
    }

    [Fact]
    public async Task Predictions_parquet_holds_the_ids_and_every_prediction_column()
    {
        var file = PathOf("predictions.parquet");
        var predictions = new PredictionTable(["expected_purchases", "p_alive"], [[1.5, 0.25], [0.9, 0.5]]);
        await ParquetPredictionWriter.WriteFileAsync(file, ["x", "y"], predictions);

        using var duck = LogTables.DuckDb();
        using var command = duck.CreateCommand();
        command.CommandText = $"SELECT string_agg(customer_id || ':' || expected_purchases || ':' || p_alive, ' ' ORDER BY customer_id) FROM read_parquet('{file}')";

        Assert.Equal("x:1.5:0.9 y:0.25:0.5", (string)command.ExecuteScalar()!);
        await Assert.ThrowsAsync<ArgumentException>(() => ParquetPredictionWriter.WriteFileAsync(file, ["x"], predictions));
    }
}
