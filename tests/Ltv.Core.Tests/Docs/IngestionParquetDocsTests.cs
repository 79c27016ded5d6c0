using Ltv.Core.Datasets;
using Ltv.Core.Domain;
using Ltv.Core.History;
using Ltv.Core.IO;
using Ltv.Core.IO.Db;
using Ltv.Core.Parquet;
using Ltv.Core.Probabilistic.Catalog;
using Ltv.Core.Tests.TestSupport;

namespace Ltv.Core.Tests.Docs;

/// <summary>The worked example of docs/ingestion.md's "Parquet with Ltv.Core.Parquet" section, step by step.</summary>
public sealed class IngestionParquetDocsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ltv-docs-parquet-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Parquet_log_to_summary_parquet_to_fit_to_predictions_parquet()
    {
        var master = CdnowDatasets.LoadMaster();
        var orders = Path.Combine(_dir, "orders.parquet");
        using (var duck = LogTables.DuckDb(master.Log))
        {
            LogTables.Execute(duck, $"COPY purchases TO '{orders}' (FORMAT parquet)");
        }

        var (log, report) = await ParquetLogReader.ReadFileAsync(orders, new DbLogOptions { Mode = ReadMode.Lenient, Refunds = RefundPolicy.NetSameDay });
        var summaries = log.Summarize(CdnowDatasets.StandardOptions);
        var summaryFile = Path.Combine(_dir, "summary.parquet");
        await ParquetSummaryWriter.WriteFileAsync(summaryFile, summaries);

        var table = ParquetSummaryReader.ReadFile(summaryFile);
        ModelCatalog.BuiltIn.TryFind("bgnbd", out var bgnbd);
        var fitted = bgnbd!.Fit(table, table.Unit!.Value);
        var predictions = fitted.Predict(table, 39);
        var predictionFile = Path.Combine(_dir, "predictions.parquet");
        await ParquetPredictionWriter.WriteFileAsync(predictionFile, table.CustomerIds, predictions);

        Assert.Equal($"{orders}: {master.Log.Count} rows read, {master.Log.Count} accepted, 0 rejected", report.ToString());
        Assert.Equal(23_570, table.Count);
        Assert.Equal(TimeUnit.Week, table.Unit);
        var direct = bgnbd.Fit(summaries, TimeUnit.Week);
        Assert.Equal(direct.ToJson(), fitted.ToJson());
        using var check = LogTables.DuckDb();
        using var command = check.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM read_parquet('{predictionFile}') WHERE p_alive BETWEEN 0 AND 1 AND expected_purchases >= 0";
        Assert.Equal(23_570L, Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture));
    }
}
