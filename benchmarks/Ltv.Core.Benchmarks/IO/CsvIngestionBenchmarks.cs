using BenchmarkDotNet.Attributes;

using Ltv.Core.Benchmarks.IO.Previous;
using Ltv.Core.Domain;
using Ltv.Core.History;
using Ltv.Core.IO;

using nietras.SeparatedValues;

namespace Ltv.Core.Benchmarks.IO;

/// <summary>
/// Issue 14: a 10,000,000-row purchase-log CSV of 1,000,000 customers (customer_id,date,amount,currency)
/// read into the columnar log, and read then summarised (x, t_x, T in weeks, monetary) end to end. The
/// baseline is the reader as it was before issue 14 (kept verbatim in <c>IO/Previous</c>), in the same run;
/// Sep's raw field scan is the floor of any reader.
/// </summary>
[MemoryDiagnoser]
public class CsvIngestionBenchmarks
{
    private static readonly CsvLogOptions Options = new() { CurrencyColumn = "currency", Separator = ',' };
    private static readonly CsvLogOptions OneThread = Options with { MaxDegreeOfParallelism = 1 };

    private string _path = null!;
    private SummaryOptions _summary = null!;

    /// <summary>Rows in the file (of Rows / 10 customers).</summary>
    [Params(10_000_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _path = Path.Combine(Path.GetTempPath(), $"ltv-ingest-{Guid.NewGuid():N}.csv");
        var log = SyntheticPurchaseLog.Generate(Rows, Rows / 10, seed: 99);
        using (var writer = new StreamWriter(_path))
        {
            CsvLogWriter.Write(log, writer);
        }

        _summary = new SummaryOptions(DateOnly.FromDayNumber(log.DayNumber[^1]), TimeUnit.Week);
        Console.WriteLine($"// CSV file: {Rows} rows, {new FileInfo(_path).Length} bytes");
    }

    [GlobalCleanup]
    public void Cleanup() => File.Delete(_path);

    /// <summary>The reader before issue 14: file to columnar log.</summary>
    [Benchmark(Baseline = true)]
    public int PreviousReader() => PreviousCsvLogReader.ReadFile(_path, Options).Log.Count;

    /// <summary>The current reader: file to columnar log, every check and reject report kept (by default the ids are looked up on a second thread).</summary>
    [Benchmark]
    public int CsvLogReaderToLog() => CsvLogReader.ReadFile(_path, Options).Log.Count;

    /// <summary>The current reader on the calling thread only (<see cref="CsvLogOptions.MaxDegreeOfParallelism"/> 1).</summary>
    [Benchmark]
    public int CsvLogReaderToLogOneThread() => CsvLogReader.ReadFile(_path, OneThread).Log.Count;

    /// <summary>Sep touching the four fields of every row, parsing nothing: the floor.</summary>
    [Benchmark]
    public long SepRawRead()
    {
        long chars = 0;
        using var reader = Sep.Reader(o => o with { Sep = new Sep(',') }).FromFile(_path);
        foreach (var row in reader)
        {
            chars += row[0].Span.Length + row[1].Span.Length + row[2].Span.Length + row[3].Span.Length;
        }

        return chars;
    }

    /// <summary>The previous reader, then the summary: file to summary end to end.</summary>
    [Benchmark]
    public int PreviousFileToSummary() => PreviousCsvLogReader.ReadFile(_path, Options).Log.Summarize(_summary).Count;

    /// <summary>The current reader, then the summary: file to summary end to end.</summary>
    [Benchmark]
    public int FileToSummary() => CsvLogReader.ReadFile(_path, Options).Log.Summarize(_summary).Count;
}
