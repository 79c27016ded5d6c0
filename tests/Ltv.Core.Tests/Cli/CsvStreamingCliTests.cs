namespace Ltv.Core.Tests.Cli;

/// <summary><c>ltv summarize --streaming</c>: a CSV file summarised while it is read gives exactly the whole-file summary and report.</summary>
public sealed class CsvStreamingCliTests : IDisposable
{
    private const string Ordered = "customer_id,date,amount\na,2024-01-01,10.00\na,2024-01-01,-4.00\nb,2024-01-02,5.00\nb,2024-01-02,-5.00\nc,2024-01-03,1.00\nx,not-a-date,3.00\nc,2024-01-10,2.00\na,2024-01-20,7.50\nd,2024-02-10,1.00\n";

    private const string Unordered = "customer_id,date,amount\na,2024-01-05,10.00\nb,2024-01-02,5.00\na,2024-01-01,3.00\n";

    private readonly string _dir = Directory.CreateTempSubdirectory("ltv-cli-streaming-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Streaming_gives_the_whole_file_summary_and_report()
    {
        var log = Write("log.csv", Ordered);
        var rejects = Path.Combine(_dir, "rejects.csv");
        string[] common = ["summarize", log, "--observation-end", "2024-01-31", "--calibration-end", "2024-01-15", "--unit", "day", "--refunds", "net-same-day", "--skip-invalid", "--rejects", rejects];
        var whole = CliRunner.Run([.. common]);
        var wholeRejects = File.ReadAllText(rejects);
        var streamed = CliRunner.Run([.. common, "--streaming"]);

        Assert.Equal(0, whole.Exit);
        Assert.Equal(0, streamed.Exit);
        Assert.Equal(whole.Output, streamed.Output);
        Assert.Equal(whole.Error, streamed.Error);
        Assert.Equal(wholeRejects, File.ReadAllText(rejects));
        // a's first day (10.00 - 4.00) is still open when c's first day is handed on: a keeps its place, first.
        Assert.Equal(["a,0,0,14,0,1,7.5,16,day", "c,1,7,12,2,0,0,16,day"], streamed.Output.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries)[1..]);
        Assert.Contains("rejected 2", streamed.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Rows_out_of_date_order_are_read_whole_with_a_note()
    {
        var log = Write("unordered.csv", Unordered);
        var whole = CliRunner.Run("summarize", log, "--observation-end", "2024-01-31");
        var streamed = CliRunner.Run("summarize", log, "--observation-end", "2024-01-31", "--streaming");

        Assert.Equal(0, streamed.Exit);
        Assert.Equal(whole.Output, streamed.Output);
        Assert.StartsWith("note: unordered.csv: the rows are not in date order per customer (customer 'a', line 4), so the whole log is read into memory", streamed.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--format", "cdnow", "ltv: --streaming: only for --format csv (Parquet streams anyway); the cdnow format is read whole.")]
    [InlineData("--refunds", "net-same-order", "ltv: --streaming: --refunds net-same-order needs the whole log (a refund may come days after its order); leave out one of them.")]
    public void What_cannot_stream_is_a_usage_error_naming_the_options(string option, string value, string message)
    {
        var log = Write("log.csv", Ordered);
        string[] extra = value == "net-same-order" ? ["--order-column", "amount"] : [];
        var run = CliRunner.Run(["summarize", log, "--observation-end", "2024-01-31", "--streaming", option, value, .. extra]);

        Assert.Equal(2, run.Exit);
        Assert.Equal(message, run.Error.ReplaceLineEndings("\n").Split('\n')[0]);
    }

    [Fact]
    public void Standard_input_cannot_stream()
    {
        var run = CliRunner.RunWithInput(Ordered, "summarize", "-", "--observation-end", "2024-01-31", "--streaming");

        Assert.Equal(2, run.Exit);
        Assert.StartsWith("ltv: --streaming: needs a CSV file; standard input (LOG -) is read whole", run.Error, StringComparison.Ordinal);
    }
}
