namespace Ltv.Core.Tests.Cli;

/// <summary>The summary CSV read by fit, predict and clv: strict, one line naming file, line, column and value.</summary>
public sealed class SummaryReaderTests : IDisposable
{
    private const string Header = "customer_id,frequency,recency,T,monetary_value";
    private readonly string _dir = Directory.CreateTempSubdirectory("ltv-cli-summary-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("a,1,2,5,10\nb,x,2,5,10", "line 3, column 2 (frequency): frequency must be a finite number with '.' decimals (was 'x')")]
    [InlineData("a,1,2,5,10\nb,1,2,5,1e999", "line 3, column 5 (monetary_value)")]
    [InlineData("a,1,2,5,10\nb,1,2,5,NaN", "line 3, column 5 (monetary_value): monetary_value must be a finite number with '.' decimals (was 'NaN')")]
    [InlineData("a,1,2,5,10\nb,1,2,-5,10", "line 3, column 4 (T): T must be zero or more (was '-5')")]
    [InlineData("a,1.5,2,5,10", "line 2, column 2 (frequency): frequency must be a whole number up to 2147483647 (was '1.5')")]
    [InlineData("a,1,6,5,10", "line 2, column 3 (recency): recency must not exceed T = 5 (was '6')")]
    [InlineData("a,0,2,5,0", "line 2, column 3 (recency): recency must be 0 when frequency is 0 (was '2')")]
    [InlineData("a,2,0,5,10", "line 2, column 3 (recency): recency must be greater than 0 when frequency is greater than 0 (was '0')")]
    [InlineData("a,1,2,5,10\na,1,2,5,10", "line 3, column 1 (customer_id): the customer id is also on line 2 (was 'a')")]
    [InlineData(",1,2,5,10", "line 2, column 1 (customer_id): the customer id is blank")]
    [InlineData("a,1,2,5", "line 2, column 5 (monetary_value): the row has 4 columns, monetary_value is missing (was 'a,1,2,5')")]
    public void A_bad_row_exits_1_with_one_line_naming_file_line_column_and_value(string rows, string expected)
    {
        var path = Path.Combine(_dir, "bad.csv");
        File.WriteAllText(path, Header + "\n" + rows + "\n");

        var (exit, output, error) = CliRunner.Run("fit", "bgnbd", path);

        Assert.Equal(1, exit);
        Assert.Equal(string.Empty, output);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"{path}, {expected}", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Columns_are_found_by_name_and_extra_columns_are_ignored()
    {
        var path = Path.Combine(_dir, "reordered.csv");
        File.WriteAllText(path, "monetary_value,T,extra,recency,frequency,customer_id\n10,5,zzz,2,1,\"a,b\"\n0,5,zzz,0,0,c\n");

        var (exit, output, _) = CliRunner.Run("predict", "gg", "--param", "p=6", "--param", "q=4", "--param", "gamma=15", path);

        Assert.Equal(0, exit);
        var lines = output.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("\"a,b\",", lines[1], StringComparison.Ordinal);
        Assert.Equal("c,30", lines[2]);
    }

    [Fact]
    public void A_bad_value_in_a_moved_column_names_its_real_column_number()
    {
        var path = Path.Combine(_dir, "moved.csv");
        File.WriteAllText(path, "T,customer_id,frequency,recency,monetary_value\n5,a,1,9,10\n");

        var (exit, _, error) = CliRunner.Run("fit", "bgnbd", path);

        Assert.Equal(1, exit);
        Assert.Contains("line 2, column 4 (recency)", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("customer_id,frequency,recency\n", "line 1: the header has no column 'T' (was 'customer_id,frequency,recency')")]
    [InlineData("", "line 1: the file is empty")]
    public void A_bad_header_or_empty_file_exits_1(string content, string expected)
    {
        var path = Path.Combine(_dir, "header.csv");
        File.WriteAllText(path, content);

        var (exit, _, error) = CliRunner.Run("predict", "bgnbd", "--param", "r=1", "--param", "alpha=1", "--param", "a=1", "--param", "b=1", path, "--horizon", "1");

        Assert.Equal(1, exit);
        Assert.Contains($"{path}, {expected}", Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_summary_file_exits_1_naming_it()
    {
        var (exit, _, error) = CliRunner.Run("fit", "gg", Path.Combine(_dir, "nope.csv"));

        Assert.Equal(1, exit);
        Assert.Contains("nope.csv: no such file.", error, StringComparison.Ordinal);
    }
}
