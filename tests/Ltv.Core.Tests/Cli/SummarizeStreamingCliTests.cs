using Ltv.Core.Datasets;
using Ltv.Core.IO;
using Ltv.Core.Tests.TestSupport;

namespace Ltv.Core.Tests.Cli;

/// <summary>
/// <c>ltv summarize</c> streams a Parquet log into the summary; rows not in date order per customer fall back
/// to the whole log, with a note, and both give the CSV route's summary.
/// </summary>
public sealed class SummarizeStreamingCliTests : IDisposable
{
    private static readonly string[] Split = ["--observation-end", "1998-06-30", "--calibration-end", "1997-09-30", "--unit", "week"];

    private readonly string _dir = Directory.CreateTempSubdirectory("ltv-cli-stream-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string PathOf(string name) => Path.Combine(_dir, name);

    [Theory]
    [InlineData("date, customer_id", false)]
    [InlineData("customer_id, date DESC", true)]
    public void Parquet_in_any_order_summarises_as_the_csv_log_and_unordered_rows_are_noted(string orderBy, bool noted)
    {
        var log = CdnowDatasets.LoadSample().Log;
        var csv = PathOf("log.csv");
        using (var writer = new StreamWriter(csv))
        {
            CsvLogWriter.Write(log, writer);
        }

        var parquet = PathOf("log.parquet");
        using (var duck = LogTables.DuckDb(log))
        {
            LogTables.Execute(duck, $"COPY (SELECT * FROM purchases ORDER BY {orderBy}) TO '{parquet}' (FORMAT parquet)");
        }

        var fromParquet = CliRunner.Run(["summarize", parquet, .. Split, "-o", PathOf("p.csv")]);
        var fromCsv = CliRunner.Run(["summarize", csv, .. Split, "-o", PathOf("c.csv")]);

        Assert.Equal((0, 0), (fromParquet.Exit, fromCsv.Exit));
        Assert.Equal(noted, fromParquet.Output.Contains("the rows are not in date order per customer", StringComparison.Ordinal));
        Assert.Contains("read 6919 = accepted 6919 + rejected 0", fromParquet.Output, StringComparison.Ordinal);
        var expected = File.ReadAllLines(PathOf("c.csv"));
        var actual = File.ReadAllLines(PathOf("p.csv"));
        Assert.Equal(expected[0], actual[0]);
        Assert.Equal(expected.Skip(1).Order(StringComparer.Ordinal), actual.Skip(1).Order(StringComparer.Ordinal));
    }
}
