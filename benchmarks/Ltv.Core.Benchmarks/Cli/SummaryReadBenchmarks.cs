using System.Globalization;

using BenchmarkDotNet.Attributes;

using Ltv.Core.IO;

namespace Ltv.Core.Benchmarks.Cli;

/// <summary>
/// Reading the summary CSV that <c>ltv fit</c>, <c>predict</c> and <c>clv</c> take (customer_id,frequency,recency,T,
/// monetary_value plus the three holdout columns), generated in a temp folder: the naive ReadLines + Split +
/// double.Parse reader with no checks (baseline) against the library's Sep-based strict SummaryCsvReader (every row checked,
/// ids unique, line numbers kept for messages).
/// </summary>
[MemoryDiagnoser]
public class SummaryReadBenchmarks
{
    private string _path = null!;

    /// <summary>Customers (rows) in the file.</summary>
    [Params(1_000_000)]
    public int Customers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _path = Path.Combine(Path.GetTempPath(), $"ltv-bench-summary-{Guid.NewGuid():N}.csv");
        var random = new Random(7);
        using var writer = new StreamWriter(_path);
        writer.WriteLine("customer_id,frequency,recency,T,monetary_value,frequency_holdout,monetary_value_holdout,duration_holdout");
        for (var i = 0; i < Customers; i++)
        {
            var t = Math.Round(1 + (random.NextDouble() * 52), 6);
            var x = random.Next(0, 8);
            var tx = x == 0 ? 0 : Math.Round(t * random.NextDouble(), 6) + 1e-6;
            var m = x == 0 ? 0 : Math.Round(5 + (random.NextDouble() * 100), 2);
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"C{i:D8},{x},{Math.Min(tx, t)},{t},{m},0,0,39"));
        }
    }

    [GlobalCleanup]
    public void Cleanup() => File.Delete(_path);

    [Benchmark(Baseline = true)]
    public double NaiveSplit()
    {
        var ids = new List<string>();
        var columns = new List<double>[4] { [], [], [], [] };
        foreach (var line in File.ReadLines(_path).Skip(1))
        {
            var fields = line.Split(',');
            ids.Add(fields[0]);
            for (var c = 0; c < 4; c++)
            {
                columns[c].Add(double.Parse(fields[c + 1], CultureInfo.InvariantCulture));
            }
        }

        return columns[0].Count + columns[3][^1];
    }

    [Benchmark]
    public double CliStrictReader()
    {
        var table = SummaryCsvReader.Read(_path);
        return table.Count + table.Monetary[^1];
    }
}
