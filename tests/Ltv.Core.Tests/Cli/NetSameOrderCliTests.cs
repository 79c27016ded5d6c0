namespace Ltv.Core.Tests.Cli;

/// <summary>`--refunds net-same-order --order-column NAME`: a refund nets against its order, whatever the date.</summary>
public sealed class NetSameOrderCliTests : IDisposable
{
    // a's refund comes four days after its order; b's order is refunded in full the next day.
    private const string Log = "customer_id,date,amount,order_id\na,2024-01-01,10.00,o1\na,2024-01-05,-4.00,o1\nb,2024-01-02,5.00,o2\nb,2024-01-03,-5.00,o2\nc,2024-01-03,1.00,o3\nc,2024-01-10,2.00,o4\n";

    private readonly string _dir = Directory.CreateTempSubdirectory("ltv-cli-order-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string text = Log)
    {
        var path = Path.Combine(_dir, "log.csv");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void A_refund_nets_against_its_order_on_another_day_and_a_fully_refunded_order_is_cancelled()
    {
        var summary = Path.Combine(_dir, "s.csv");
        var (exit, output, error) = CliRunner.Run("summarize", Write(), "--observation-end", "2024-01-31", "--unit", "day", "--refunds", "net-same-order", "--order-column", "order_id", "-o", summary);

        Assert.True(exit == 0, error);
        Assert.Contains("refunds netted against the same customer's purchases of the order: 2 refund rows, 1 purchase rows cancelled (netted to zero)", output, StringComparison.Ordinal);
        Assert.Contains("read 6 = accepted 3 + rejected 0 + refunds netted 2 + refunds dropped 0 + cancelled 1", output, StringComparison.Ordinal);
        // a: one purchase of 6.00 (10 - 4) on day 0; b: gone; c: a repeat of 2.00 seven days later.
        Assert.Equal(["a,0,0,30,0,day", "c,1,7,28,2,day"], File.ReadAllLines(summary).Skip(1).Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void Net_same_day_would_not_net_the_later_refund_so_the_two_policies_differ_on_this_log()
    {
        var (exit, _, error) = CliRunner.Run("summarize", Write(), "--observation-end", "2024-01-31", "--refunds", "net-same-day");

        Assert.Equal(1, exit);
        Assert.Contains("line 3, column 3 (amount)", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_refund_of_an_order_the_customer_never_placed_is_a_bad_row_naming_line_and_column()
    {
        var log = Log.Replace("a,2024-01-05,-4.00,o1", "a,2024-01-05,-4.00,o9", StringComparison.Ordinal);
        var (exit, _, error) = CliRunner.Run("summarize", Write(log), "--observation-end", "2024-01-31", "--refunds", "net-same-order", "--order-column", "order_id");

        Assert.Equal(1, exit);
        Assert.Contains("line 3, column 3 (amount)", error, StringComparison.Ordinal);
        Assert.Contains("(was '-4.00')", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Net_same_order_without_the_order_column_and_the_order_column_without_it_are_usage_errors()
    {
        var (exit1, _, error1) = CliRunner.Run("summarize", Write(), "--observation-end", "2024-01-31", "--refunds", "net-same-order");
        var (exit2, _, error2) = CliRunner.Run("summarize", Write(), "--observation-end", "2024-01-31", "--order-column", "order_id");

        Assert.Equal(2, exit1);
        Assert.Contains("--refunds net-same-order: needs --order-column", error1, StringComparison.Ordinal);
        Assert.Equal(2, exit2);
        Assert.Contains("--order-column: only with --refunds net-same-order (was 'order_id' with --refunds reject)", error2, StringComparison.Ordinal);
    }

    [Fact]
    public void The_cdnow_format_has_no_order_ids_so_the_order_column_is_refused_with_it()
    {
        var (exit, _, error) = CliRunner.Run("summarize", Write(), "--format", "cdnow", "--observation-end", "2024-01-31", "--refunds", "net-same-order", "--order-column", "order_id");

        Assert.Equal(2, exit);
        Assert.Contains("--order-column: the cdnow format has no order ids; use it with --format csv or parquet, or --sql.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_named_order_column_the_header_lacks_is_bad_data_naming_it()
    {
        var (exit, _, error) = CliRunner.Run("summarize", Write(), "--observation-end", "2024-01-31", "--refunds", "net-same-order", "--order-column", "order_no");

        Assert.Equal(1, exit);
        Assert.Contains("order_no", error, StringComparison.Ordinal);
    }
}
