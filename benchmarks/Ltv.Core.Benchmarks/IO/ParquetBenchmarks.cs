using BenchmarkDotNet.Attributes;

using DuckDB.NET.Data;

using Ltv.Core.Benchmarks.Pushdown;
using Ltv.Core.History;
using Ltv.Core.IO;
using Ltv.Core.IO.Db;
using Ltv.Core.Parquet;

namespace Ltv.Core.Benchmarks.IO;

/// <summary>
/// Reading a 10,000,000-row purchase-log Parquet file (1,000,000 customers; written by DuckDB: VARCHAR ids, DATE,
/// DECIMAL(18,2), row groups of 122,880 rows, Snappy) into the columnar <see cref="PurchaseLog"/>: with
/// Parquet.Net through <see cref="ParquetLogReader"/> (the baseline, what Ltv.Core.Parquet ships), with DuckDB's
/// read_parquet through <see cref="DbLogReader"/>, and the same rows from a CSV file through
/// <see cref="CsvLogReader"/>. Rows per second = 10,000,000 / mean. All three end in the same row checks
/// (RowSink), so the differences are the decoding.
/// </summary>
[Config(typeof(ShortInProcessConfig))]
[MemoryDiagnoser]
public class ParquetBenchmarks
{
    private string _dir = null!;
    private string _csv = null!;
    private string _parquet = null!;
    private DuckDBConnection _duck = null!;

    /// <summary>Rows in the log.</summary>
    [Params(10_000_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var log = SyntheticPurchaseLog.Generate(Rows, Rows / 10, seed: 2026);
        _dir = Directory.CreateTempSubdirectory("ltv-parquet-bench-").FullName;
        _csv = Path.Combine(_dir, "orders.csv");
        _parquet = Path.Combine(_dir, "orders.parquet");
        using (var writer = new StreamWriter(_csv))
        {
            CsvLogWriter.Write(log, writer);
        }

        using (var loaded = DuckDbTables.Load(log))
        using (var command = loaded.CreateCommand())
        {
            command.CommandText = $"COPY purchases TO '{_parquet}' (FORMAT parquet)";
            command.ExecuteNonQuery();
        }

        _duck = new DuckDBConnection("DataSource=:memory:");
        _duck.Open();
        using var settings = _duck.CreateCommand();
        settings.CommandText = "SET threads = 2";
        settings.ExecuteNonQuery();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _duck.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    [Benchmark(Baseline = true)]
    public int ParquetNet() => ParquetLogReader.ReadFile(_parquet).Log.Count;

    [Benchmark]
    public int DuckDbReadParquet()
    {
        using var command = _duck.CreateCommand();
        command.CommandText = $"SELECT customer_id, date, amount FROM read_parquet('{_parquet}')";
        using var reader = command.ExecuteReader();
        return DbLogReader.Read(reader).Log.Count;
    }

    [Benchmark]
    public int CsvFile() => CsvLogReader.ReadFile(_csv).Log.Count;
}
