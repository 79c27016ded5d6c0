using System.Globalization;

using BenchmarkDotNet.Attributes;

using CsvHelper;

using Ltv.Core.History;
using Ltv.Core.IO;

using nietras.SeparatedValues;

namespace Ltv.Core.Benchmarks.IO;

/// <summary>
/// Reading a purchase-log CSV (customer_id,date,amount,currency) generated in a temp folder: the naive
/// ReadLines + Split reader building the same columns (baseline), Sep raw read (fields touched, nothing
/// parsed), CsvHelper parsing the same fields (no columns kept), and <see cref="CsvLogReader"/> (parse,
/// validate, intern ids, columnar log).
/// </summary>
[MemoryDiagnoser]
public class CsvParseBenchmarks
{
    private string _path = null!;

    /// <summary>Rows in the file (of Rows / 10 customers).</summary>
    [Params(10_000_000)]
    public int Rows { get; set; }

    /// <summary>File size in bytes, for MB/s.</summary>
    public long FileBytes { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        _path = Path.Combine(Path.GetTempPath(), $"ltv-bench-{Guid.NewGuid():N}.csv");
        var log = SyntheticPurchaseLog.Generate(Rows, Rows / 10, seed: 99);
        using (var writer = new StreamWriter(_path))
        {
            CsvLogWriter.Write(log, writer);
        }

        FileBytes = new FileInfo(_path).Length;
        Console.WriteLine($"// CSV file: {Rows} rows, {FileBytes} bytes");
    }

    [GlobalCleanup]
    public void Cleanup() => File.Delete(_path);

    /// <summary>The naive reader: ReadLines + Split, ids mapped to dense ints in a dictionary, three growing columns.</summary>
    [Benchmark(Baseline = true)]
    public int NaiveReadLinesSplit()
    {
        var ids = new Dictionary<string, int>();
        var customer = new List<int>();
        var day = new List<int>();
        var cents = new List<long>();
        foreach (var line in File.ReadLines(_path).Skip(1))
        {
            var f = line.Split(',');
            if (!ids.TryGetValue(f[0], out var c))
            {
                c = ids.Count;
                ids.Add(f[0], c);
            }

            customer.Add(c);
            day.Add(DateOnly.ParseExact(f[1], "yyyy-MM-dd", CultureInfo.InvariantCulture).DayNumber);
            cents.Add((long)(decimal.Parse(f[2], CultureInfo.InvariantCulture) * 100m));
        }

        return customer.Count;
    }

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

    [Benchmark]
    public long CsvHelperRead()
    {
        long cents = 0;
        using var csv = CsvReader.FromFile(_path, new CsvReaderOptions { HasHeader = true, Separator = ',' }, FileOptions.SequentialScan);
        while (csv.Read())
        {
            _ = csv.GetString(0);
            _ = DateOnly.ParseExact(csv.GetString(1), "yyyy-MM-dd", CultureInfo.InvariantCulture);
            cents += (long)(decimal.Parse(csv.GetSpan(2), CultureInfo.InvariantCulture) * 100m);
            _ = csv.GetSpan(3);
        }

        return cents;
    }

    [Benchmark]
    public int LtvCoreCsvLogReader() => CsvLogReader.ReadFile(_path, new CsvLogOptions { CurrencyColumn = "currency", Separator = ',' }).Log.Count;
}
