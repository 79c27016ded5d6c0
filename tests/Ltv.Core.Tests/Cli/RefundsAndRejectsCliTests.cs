namespace Ltv.Core.Tests.Cli;

/// <summary><c>--refunds</c> maps to the library's refund policies; <c>--rejects</c> needs <c>--skip-invalid</c>; never a silent negative spend.</summary>
public sealed class RefundsAndRejectsCliTests : IDisposable
{
    private const string Log = "customer_id,date,amount\na,2024-01-01,10.00\na,2024-01-01,-4.00\nb,2024-01-02,5.00\nb,2024-01-02,-5.00\nc,2024-01-03,1.00\nc,2024-01-10,2.00\n";

    private readonly string _dir = Directory.CreateTempSubdirectory("ltv-cli-refunds-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write()
    {
        var path = Path.Combine(_dir, "log.csv");
        File.WriteAllText(path, Log);
        return path;
    }

    [Fact]
    public void By_default_a_refund_is_a_bad_row_naming_line_and_column()
    {
        var (exit, _, error) = CliRunner.Run("summarize", Write(), "--observation-end", "2024-01-31");

        Assert.Equal(1, exit);
        Assert.Contains("line 3, column 3 (amount): amount must be zero or more", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Net_same_day_subtracts_refunds_and_cancels_a_day_netted_to_zero()
    {
        var (exit, output, _) = CliRunner.Run("summarize", Write(), "--observation-end", "2024-01-31", "--unit", "day", "--refunds", "net-same-day", "-o", Path.Combine(_dir, "s.csv"));

        Assert.Equal(0, exit);
        Assert.Contains("refunds netted against the same customer's purchases of the day: 2 refund rows, 1 purchase rows cancelled (netted to zero)", output, StringComparison.Ordinal);
        Assert.Contains("read 6 = accepted 3 + rejected 0 + refunds netted 2 + refunds dropped 0 + cancelled 1", output, StringComparison.Ordinal);
        var rows = File.ReadAllLines(Path.Combine(_dir, "s.csv"));
        Assert.Equal(["a,0,0,30,0,day", "c,1,7,28,2,day"], rows.Skip(1).Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void Drop_keeps_purchases_gross_and_counts_the_refunds()
    {
        var (exit, output, error) = CliRunner.Run("summarize", Write(), "--observation-end", "2024-01-31", "--refunds", "drop");

        Assert.Equal(0, exit);
        Assert.Contains("refunds dropped (purchases kept at their gross value): 2 rows", error, StringComparison.Ordinal);
        Assert.Contains("read 6 = accepted 4 + rejected 0 + refunds netted 0 + refunds dropped 2 + cancelled 0", error, StringComparison.Ordinal);
        Assert.Contains("b,0,0,4.142857142857143,0,week", output, StringComparison.Ordinal);
        Assert.DoesNotContain(",-", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Refunds_with_the_cdnow_format_and_an_unknown_policy_are_usage_errors()
    {
        var cdnow = CliRunner.Run("summarize", Write(), "--format", "cdnow", "--observation-end", "2024-01-31", "--refunds", "drop");
        var unknown = CliRunner.Run("summarize", Write(), "--observation-end", "2024-01-31", "--refunds", "net");

        Assert.Equal(2, cdnow.Exit);
        Assert.Equal("ltv: --refunds: the cdnow format has no refund lines (was 'drop'); use it with --format csv or parquet.\n", cdnow.Error.ReplaceLineEndings("\n"));
        Assert.Equal(2, unknown.Exit);
        Assert.StartsWith("ltv: --refunds: must be reject, net-same-day, net-same-order or drop (was 'net').", unknown.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_without_skip_invalid_is_a_usage_error_naming_both_options()
    {
        var (exit, output, error) = CliRunner.Run("summarize", Write(), "--observation-end", "2024-01-31", "--refunds", "drop", "--rejects", Path.Combine(_dir, "r.csv"));

        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
        Assert.Equal($"ltv: --rejects: only with --skip-invalid (was '{Path.Combine(_dir, "r.csv")}'); without --skip-invalid the first bad row stops the run and nothing is rejected: add --skip-invalid or leave --rejects out.\n", error.ReplaceLineEndings("\n"));
        Assert.False(File.Exists(Path.Combine(_dir, "r.csv")));
    }
}
