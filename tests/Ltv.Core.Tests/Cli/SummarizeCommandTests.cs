using System.Globalization;
using Ltv.Core.Datasets;

namespace Ltv.Core.Tests.Cli;

public sealed class SummarizeCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ltv-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string CdnowSample()
    {
        var path = Path.Combine(_dir, "CDNOW_sample.txt");
        File.WriteAllText(path, EmbeddedData.ReadAllText(EmbeddedData.CdnowSample));
        return path;
    }

    [Fact]
    public void CDNOW_sample_summary_matches_the_published_summary_and_counts_rows()
    {
        var output = Path.Combine(_dir, "summary.csv");

        var (exit, stdout, _) = CliRunner.Run("summarize", CdnowSample(), "--format", "cdnow", "--observation-end", "1998-06-30", "--calibration-end", "1997-09-30", "--unit", "week", "-o", output);

        Assert.Equal(0, exit);
        Assert.Contains("read 6919 = accepted 6919 + rejected 0", stdout, StringComparison.Ordinal);
        var lines = File.ReadAllLines(output);
        Assert.Equal("customer_id,frequency,recency,T,monetary_value,frequency_holdout,monetary_value_holdout,duration_holdout,time_unit", lines[0]);
        Assert.Equal(2357, lines.Length - 1);
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToArray();
        Assert.Equal(946, rows.Count(r => r[1] != "0"));
        Assert.Equal(2457, rows.Sum(r => int.Parse(r[1], CultureInfo.InvariantCulture)));

        var published = EmbeddedData.ReadAllText(EmbeddedData.CdnowSampleSummary).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(l => l.Split(',')).ToDictionary(r => int.Parse(r[0], CultureInfo.InvariantCulture));
        foreach (var row in rows)
        {
            var expected = published[int.Parse(row[0], CultureInfo.InvariantCulture)];
            for (var column = 1; column <= 4; column++)
            {
                var actual = double.Parse(row[column], CultureInfo.InvariantCulture);
                Assert.InRange(Math.Abs(actual - double.Parse(expected[column], CultureInfo.InvariantCulture)), 0, 0.005 + 1e-9);
            }

            Assert.Equal("39", row[7]);
        }
    }

    [Fact]
    public void Strict_mode_stops_at_the_first_bad_row_with_exit_1_and_writes_nothing()
    {
        var output = Path.Combine(_dir, "summary.csv");

        var (exit, stdout, error) = CliRunner.Run("summarize", CdnowSample(), "--format", "cdnow", "--observation-end", "1998-01-30", "--unit", "week", "-o", output);

        Assert.Equal(1, exit);
        Assert.Equal(string.Empty, stdout);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("line 21, column 3 (date)", line, StringComparison.Ordinal);
        Assert.Contains("'19980215'", line, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void Skip_invalid_writes_every_rejected_row_and_the_counts_add_up()
    {
        var output = Path.Combine(_dir, "summary.csv");

        var (exit, stdout, _) = CliRunner.Run("summarize", CdnowSample(), "--format", "cdnow", "--observation-end", "1998-01-30", "--unit", "week", "-o", output, "--skip-invalid");

        Assert.Equal(0, exit);
        Assert.Contains("read 6919 = accepted 5925 + rejected 994", stdout, StringComparison.Ordinal);
        var rejects = File.ReadAllLines(output + ".rejects.csv");
        Assert.Equal(994, rejects.Length - 1);
        Assert.All(rejects.Skip(1), r => Assert.Contains("AfterObservationEnd", r, StringComparison.Ordinal));
        Assert.Equal("customer_id,frequency,recency,T,monetary_value,time_unit", File.ReadLines(output).First());
    }

    [Fact]
    public void Csv_logs_with_custom_columns_and_date_format_are_read()
    {
        var log = Path.Combine(_dir, "orders.csv");
        File.WriteAllText(log, "kunde;dato;beloeb\nA;01.03.2024;100.50\nA;15.03.2024;20\nB;02.03.2024;5\n");

        var (exit, stdout, error) = CliRunner.Run("summarize", log, "--customer-column", "kunde", "--date-column", "dato", "--amount-column", "beloeb", "--date-format", "dd.MM.yyyy", "--currency", "DKK", "--observation-end", "2024-03-31", "--unit", "day");

        Assert.Equal(0, exit);
        var lines = stdout.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("A,1,14,30,20,day", lines[1]);
        Assert.Equal("B,0,0,29,0,day", lines[2]);
        Assert.Contains("read 3 = accepted 3 + rejected 0", error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_unit_is_the_week_the_model_commands_assume()
    {
        var log = Path.Combine(_dir, "weeks.csv");
        File.WriteAllText(log, "customer_id,date,amount\nA,2024-03-01,10\nA,2024-03-15,20\n");

        var (exit, stdout, _) = CliRunner.Run("summarize", log, "--observation-end", "2024-03-29");

        Assert.Equal(0, exit);
        Assert.Equal("A,1,2,4,20,week", stdout.ReplaceLineEndings("\n").Split('\n')[1]);
    }

    [Theory]
    [InlineData("--observation-end", "30/06/1998")]
    [InlineData("--unit", "fortnight")]
    [InlineData("--format", "xml")]
    public void Bad_options_exit_2(string option, string value)
    {
        var args = new List<string> { "summarize", CdnowSample(), "--format", "cdnow", "--observation-end", "1998-06-30", "--unit", "week" };
        var at = args.IndexOf(option);
        args[at + 1] = value;

        var (exit, _, error) = CliRunner.Run([.. args]);

        Assert.Equal(2, exit);
        Assert.Contains(value, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_file_is_bad_data_exit_1()
    {
        var (exit, _, error) = CliRunner.Run("summarize", Path.Combine(_dir, "nope.csv"), "--observation-end", "1998-06-30");

        Assert.Equal(1, exit);
        Assert.Contains("nope.csv", error, StringComparison.Ordinal);
    }
}
