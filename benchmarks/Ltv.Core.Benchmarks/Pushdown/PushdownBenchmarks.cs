using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

using DuckDB.NET.Data;

using Ltv.Core.Domain;
using Ltv.Core.History;
using Ltv.Core.IO;
using Ltv.Core.Pushdown;

namespace Ltv.Core.Benchmarks.Pushdown;

/// <summary>
/// The per-customer summary of 10,000,000 rows of 1,000,000 customers: in process on a log already in memory
/// (the baseline), read row by row from DuckDB over ADO.NET and summarised in process (what push-down replaces), pushed down to embedded DuckDB on a table already in it (query plus reading the
/// 1,000,000-row result), the pattern query alone, and the streaming summarizer fed row by row.
/// </summary>
[Config(typeof(ShortInProcessConfig))]
[MemoryDiagnoser]
public class PushdownBenchmarks
{
    private PurchaseLog _log = null!;
    private SummaryOptions _options = null!;
    private DuckDBConnection _duck = null!;

    /// <summary>Rows in the log.</summary>
    [Params(10_000_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _log = SyntheticPurchaseLog.Generate(Rows, Rows / 10, seed: 2026);
        _options = new SummaryOptions(_log.DateAt(_log.Count - 1), TimeUnit.Week) { CalibrationEnd = _log.DateAt(_log.Count / 2) };
        _duck = DuckDbTables.Load(_log);
    }

    [GlobalCleanup]
    public void Cleanup() => _duck.Dispose();

    [Benchmark(Baseline = true)]
    public int InProcess() => _log.Summarize(_options).Count;

    /// <summary>What push-down replaces when the rows live in the engine: every row over ADO.NET, then the summary.</summary>
    [Benchmark]
    public int ReadRowsThenSummarize()
    {
        using var command = _duck.CreateCommand();
        command.CommandText = "SELECT customer_id, date, amount FROM purchases";
        using var reader = command.ExecuteReader();
        return Ltv.Core.IO.Db.DbLogReader.Read(reader).Log.Summarize(_options).Count;
    }

    [Benchmark]
    public int DuckDbSummary()
    {
        using var command = _duck.CreateCommand();
        command.CommandText = SummarySql.Summary(SqlDialect.DuckDb, new PurchaseTable("purchases"), _options, Currency.USD);
        using var reader = command.ExecuteReader();
        return SqlSummaryReader.ReadSummaries(reader, _options, Currency.USD).Count;
    }

    [Benchmark]
    public int DuckDbPatterns()
    {
        using var command = _duck.CreateCommand();
        command.CommandText = SummarySql.Patterns(SqlDialect.DuckDb, new PurchaseTable("purchases"), _options, Currency.USD);
        using var reader = command.ExecuteReader();
        return SqlSummaryReader.ReadPatterns(reader, _options).Count;
    }

    [Benchmark]
    public int Streaming()
    {
        var s = new StreamingSummarizer(_options, Currency.USD);
        s.Add(_log);
        return s.ToSummaries().Count;
    }
}

/// <summary>
/// Reading 2,000,000 rows of 200,000 customers into a <see cref="PurchaseLog"/>: from a CSV file (the
/// baseline), from a DuckDB table through <see cref="Ltv.Core.IO.Db.DbLogReader"/>, and from a Parquet file
/// through DuckDB's read_parquet and the same reader. Rows per second = 2,000,000 / mean.
/// </summary>
[Config(typeof(ShortInProcessConfig))]
[MemoryDiagnoser]
public class IngestionBenchmarks
{
    private string _dir = null!;
    private string _csv = null!;
    private string _parquet = null!;
    private DuckDBConnection _duck = null!;

    [GlobalSetup]
    public void Setup()
    {
        var log = SyntheticPurchaseLog.Generate(2_000_000, 200_000, seed: 2026);
        _dir = Directory.CreateTempSubdirectory("ltv-ingest-").FullName;
        _csv = Path.Combine(_dir, "orders.csv");
        _parquet = Path.Combine(_dir, "orders.parquet");
        using (var writer = new StreamWriter(_csv))
        {
            CsvLogWriter.Write(log, writer);
        }

        _duck = DuckDbTables.Load(log);
        using var command = _duck.CreateCommand();
        command.CommandText = $"COPY purchases TO '{_parquet}' (FORMAT parquet)";
        command.ExecuteNonQuery();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _duck.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    [Benchmark(Baseline = true)]
    public int CsvFile() => CsvLogReader.ReadFile(_csv).Log.Count;

    [Benchmark]
    public int DuckDbTable() => Read("SELECT customer_id, date, amount FROM purchases");

    [Benchmark]
    public int ParquetViaDuckDb() => Read($"SELECT customer_id, date, amount FROM read_parquet('{_parquet}')");

    private int Read(string sql)
    {
        using var command = _duck.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        return Ltv.Core.IO.Db.DbLogReader.Read(reader).Log.Count;
    }
}

/// <summary>
/// One warm-up and three measured iterations, in process: each iteration of these suites takes seconds, and
/// on the shared machine the generated project's build exceeded BenchmarkDotNet's two-minute build limit.
/// </summary>
public sealed class ShortInProcessConfig : ManualConfig
{
    public ShortInProcessConfig() =>
        AddJob(Job.Default.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(3).WithToolchain(InProcessEmitToolchain.Instance));
}

/// <summary>Loads a log into an in-memory DuckDB table purchases(customer_id, date, amount) through a temporary CSV.</summary>
internal static class DuckDbTables
{
    public static DuckDBConnection Load(PurchaseLog log)
    {
        var duck = new DuckDBConnection("DataSource=:memory:");
        duck.Open();
        var path = Path.Combine(Path.GetTempPath(), $"ltv-bench-{Guid.NewGuid():N}.csv");
        try
        {
            using (var writer = new StreamWriter(path))
            {
                CsvLogWriter.Write(log, writer);
            }

            using var command = duck.CreateCommand();
            command.CommandText = $"SET memory_limit = '3GB'; SET threads = 2; CREATE TABLE purchases AS SELECT CAST(customer_id AS VARCHAR) AS customer_id, CAST(date AS DATE) AS date, CAST(amount AS DECIMAL(18, 2)) AS amount FROM read_csv('{path}', header = true, all_varchar = true)";
            command.ExecuteNonQuery();
        }
        finally
        {
            File.Delete(path);
        }

        return duck;
    }
}
