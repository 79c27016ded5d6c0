using System.Globalization;

using Ltv.Core.Datasets;
using Ltv.Core.IO;
using Ltv.Core.Tests.TestSupport;

namespace Ltv.Core.Tests.Cli;

/// <summary>
/// <c>ltv</c> with Parquet: logs in (by --format or the .parquet extension), summaries and predictions out with
/// <c>-o x.parquet</c>, Parquet summaries read by fit and predict; the results equal the CSV route's.
/// </summary>
public sealed class ParquetCliTests : IDisposable
{
    private static readonly string[] Split = ["--observation-end", "1998-06-30", "--calibration-end", "1997-09-30", "--unit", "week"];

    private readonly string _dir = Directory.CreateTempSubdirectory("ltv-cli-parquet-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string PathOf(string name) => Path.Combine(_dir, name);

    /// <summary>The CDNOW sample as a CSV log and, through DuckDB's writer, as a Parquet log (DATE, DECIMAL(18,2)).</summary>
    private (string Csv, string Parquet) SampleLogs(string parquetName = "log.parquet")
    {
        var log = CdnowDatasets.LoadSample().Log;
        var csv = PathOf("log.csv");
        using (var writer = new StreamWriter(csv))
        {
            CsvLogWriter.Write(log, writer);
        }

        var parquet = PathOf(parquetName);
        using var duck = LogTables.DuckDb(log);
        LogTables.Execute(duck, $"COPY purchases TO '{parquet}' (FORMAT parquet)");
        return (csv, parquet);
    }

    private static string Query(string sql)
    {
        using var duck = LogTables.DuckDb();
        using var command = duck.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture)!;
    }

    [Fact]
    public void Summarize_fit_and_predict_through_parquet_give_what_the_csv_route_gives()
    {
        var (csv, parquet) = SampleLogs();
        var (exitP, outP, errP) = CliRunner.Run(["summarize", parquet, .. Split, "-o", PathOf("summary.parquet")]);
        var (exitC, outC, errC) = CliRunner.Run(["summarize", csv, .. Split, "-o", PathOf("summary.csv")]);
        Assert.True(exitP == 0, errP);
        Assert.DoesNotContain("ltv:", errP, StringComparison.Ordinal); // a progress line may appear on a loaded machine
        Assert.True(exitC == 0, errC);
        Assert.Contains("read 6919 = accepted 6919 + rejected 0", outP, StringComparison.Ordinal);
        Assert.Equal(outC, outP);

        // Same rows and values as the CSV summary, read by DuckDB from the file the CLI wrote.
        var csvRows = File.ReadAllLines(PathOf("summary.csv")).Skip(1).ToArray();
        Assert.Equal(csvRows.Length.ToString(CultureInfo.InvariantCulture), Query($"SELECT count(*) FROM read_parquet('{PathOf("summary.parquet")}')"));
        var mismatches = Query($"""
            SELECT count(*) FROM read_parquet('{PathOf("summary.parquet")}') p
            JOIN read_csv('{PathOf("summary.csv")}', header = true, all_varchar = true) c ON p.customer_id = c.customer_id
            WHERE p.frequency <> CAST(c.frequency AS INTEGER) OR abs(p.recency - CAST(c.recency AS DOUBLE)) > 1e-12 OR abs(p.T - CAST(c.T AS DOUBLE)) > 1e-12
               OR abs(p.monetary_value - CAST(c.monetary_value AS DOUBLE)) > 1e-9 OR p.time_unit <> c.time_unit OR p.frequency_holdout <> CAST(c.frequency_holdout AS INTEGER)
            """);
        Assert.Equal("0", mismatches);

        var fitP = CliRunner.Run("fit", "bgnbd", PathOf("summary.parquet"), "-o", PathOf("model-p.json"));
        var fitC = CliRunner.Run("fit", "bgnbd", PathOf("summary.csv"), "-o", PathOf("model-c.json"));
        Assert.Equal(0, fitP.Exit);
        Assert.Equal(File.ReadAllText(PathOf("model-c.json")), File.ReadAllText(PathOf("model-p.json")));

        var predictP = CliRunner.Run("predict", PathOf("model-p.json"), PathOf("summary.parquet"), "--horizon", "39", "-o", PathOf("predictions.parquet"));
        var predictC = CliRunner.Run("predict", PathOf("model-c.json"), PathOf("summary.csv"), "--horizon", "39", "-o", PathOf("predictions.csv"));
        Assert.Equal((0, string.Empty), (predictP.Exit, predictP.Error));
        Assert.Equal(0, predictC.Exit);
        var predictionMismatches = Query($"""
            SELECT count(*) FROM read_parquet('{PathOf("predictions.parquet")}') p
            JOIN read_csv('{PathOf("predictions.csv")}', header = true, all_varchar = true) c ON p.customer_id = c.customer_id
            WHERE abs(p.expected_purchases - CAST(c.expected_purchases AS DOUBLE)) > 1e-12 OR abs(p.p_alive - CAST(c.p_alive AS DOUBLE)) > 1e-12
            """);
        Assert.Equal("0", predictionMismatches);
        Assert.Equal(csvRows.Length.ToString(CultureInfo.InvariantCulture), Query($"SELECT count(*) FROM read_parquet('{PathOf("predictions.parquet")}')"));
    }

    [Fact]
    public void Format_parquet_reads_a_file_of_any_name_and_csv_options_are_refused_with_it()
    {
        var (_, parquet) = SampleLogs("log.bin");

        var (exit, output, _) = CliRunner.Run(["summarize", parquet, "--format", "parquet", .. Split]);
        var comma = CliRunner.Run(["summarize", parquet, "--format", "parquet", "--decimal-comma", .. Split]);
        var asCsv = CliRunner.Run(["summarize", parquet, .. Split]);

        Assert.Equal(0, exit);
        Assert.StartsWith("customer_id,frequency,recency,T,monetary_value,frequency_holdout", output, StringComparison.Ordinal);
        Assert.Equal(2, comma.Exit);
        Assert.Equal("ltv: --decimal-comma: a Parquet file stores numbers, not text; leave --decimal-comma out with --format parquet.\n", comma.Error.ReplaceLineEndings("\n"));
        Assert.Equal(1, asCsv.Exit);
    }

    [Fact]
    public void A_bad_parquet_row_is_one_line_naming_file_row_and_column_and_skip_invalid_writes_it_to_the_rejects()
    {
        var log = PathOf("bad.parquet");
        IO.Parquet.ParquetFiles.WriteLog(log, [IO.Parquet.ParquetFiles.Row("a", "1997-01-01", 10m), IO.Parquet.ParquetFiles.Row("b", "1997-01-02", -2m)]);

        var strict = CliRunner.Run("summarize", log, "--observation-end", "1997-12-31");
        var lenient = CliRunner.Run("summarize", log, "--observation-end", "1997-12-31", "--skip-invalid", "-o", PathOf("s.csv"));

        Assert.Equal(1, strict.Exit);
        Assert.Equal($"ltv: {log}, row 2, column 3 (amount): amount must be zero or more (refunds are not purchases; choose a refund policy to net or drop them) (was '-2.00').\n", strict.Error.ReplaceLineEndings("\n"));
        Assert.Equal(0, lenient.Exit);
        Assert.Contains("read 2 = accepted 1 + rejected 1", lenient.Output, StringComparison.Ordinal);
        Assert.Contains($"{log},2,3,amount,-2.00,NegativeAmount,", File.ReadAllText(PathOf("s.csv.rejects.csv")), StringComparison.Ordinal);
    }
}
