using System.Text;

using Ltv.Cli.Output;

namespace Ltv.Core.Tests.Cli;

/// <summary>Issue 15 items 1 to 6 through the <c>ltv</c> command line: each input once gave a wrong answer or lost data with exit 0.</summary>
public sealed class SilentWrongAnswerCliTests : IDisposable
{
    private const string Log = "customer_id,date,amount\nA,2024-01-01,10.00\nB,2024-01-02,5.00\nA,2024-02-01,2.50\n";

    private readonly string _dir = Directory.CreateTempSubdirectory("ltv-cli-15-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static (int Exit, string Output, string Error) Summarize(params string[] args) =>
        CliRunner.Run(["summarize", .. args, "--observation-end", "2024-12-31"]);

    private static string OneLine(string error) => Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public void Output_naming_the_input_log_is_refused_and_the_log_is_kept()
    {
        var log = Write("orders.csv", Log);
        var (exit, _, error) = Summarize(log, "-o", log);
        Assert.Equal(2, exit);
        Assert.Equal($"ltv: --output: '{log}' is the same file as LOG '{log}', an input; writing it would destroy that file: give another path.", OneLine(error));
        Assert.Equal(Log, File.ReadAllText(log));
    }

    [Fact]
    public void Rejects_naming_the_input_log_or_the_output_is_refused_before_anything_is_written()
    {
        var log = Write("orders.csv", Log + "C,2024-03-01,x\n");
        var output = Path.Combine(_dir, "summary.csv");

        var (exit, _, error) = Summarize(log, "--skip-invalid", "--rejects", log, "-o", output);
        Assert.Equal(2, exit);
        Assert.Contains("--rejects: '", OneLine(error), StringComparison.Ordinal);
        Assert.Equal(Log + "C,2024-03-01,x\n", File.ReadAllText(log));

        (exit, _, error) = Summarize(log, "--skip-invalid", "--rejects", output, "-o", output);
        Assert.Equal(2, exit);
        Assert.Contains("is the same file as --output", OneLine(error), StringComparison.Ordinal);
        Assert.Contains("another output", error, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void A_relative_or_linked_path_to_the_input_is_the_same_file()
    {
        var log = Write("orders.csv", Log);
        var link = Path.Combine(_dir, "link.csv");
        File.CreateSymbolicLink(link, log);
        var (exit, _, error) = Summarize(log, "-o", link);
        Assert.Equal(2, exit);
        Assert.Contains("is the same file as LOG", error, StringComparison.Ordinal);

        var dotted = Path.Combine(_dir, ".", "sub", "..", "orders.csv");
        (exit, _, _) = Summarize(log, "-o", dotted);
        Assert.Equal(2, exit);
        Assert.Equal(Log, File.ReadAllText(log));
    }

    [Fact]
    public void A_missing_rejects_folder_fails_before_the_summary_is_written()
    {
        var log = Write("orders.csv", Log + "C,2024-03-01,x\n");
        var output = Path.Combine(_dir, "summary.csv");
        var rejects = Path.Combine(_dir, "missing", "rejects.csv");
        var (exit, _, error) = Summarize(log, "--skip-invalid", "--rejects", rejects, "-o", output);
        Assert.Equal(1, exit);
        Assert.Equal($"ltv: --rejects: cannot write '{rejects}': the folder '{Path.Combine(_dir, "missing")}' does not exist.", OneLine(error));
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void Output_into_an_unwritable_place_is_one_line_and_exit_1()
    {
        // The tests may run as root, who may write into read-only folders; a file in place of a folder and /proc
        // (where no file can be created, even by root) stand in for a read-only place.
        var log = Write("orders.csv", Log);
        var file = Write("plain.txt", "x");
        var intoFile = Path.Combine(file, "out.csv");
        var (exit, _, error) = Summarize(log, "-o", intoFile);
        Assert.Equal(1, exit);
        Assert.Equal($"ltv: --output: cannot write '{intoFile}': '{file}' is a file, not a folder.", OneLine(error));

        if (OperatingSystem.IsLinux())
        {
            (exit, _, error) = Summarize(log, "-o", "/proc/ltv-summary.csv");
            Assert.Equal(1, exit);
            var line = OneLine(error);
            Assert.StartsWith("ltv: --output: cannot write '/proc/ltv-summary.csv': ", line, StringComparison.Ordinal);
            Assert.DoesNotContain(".tmp-", line, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_command_refuses_an_output_that_is_one_of_its_inputs()
    {
        var summary = Write("summary.csv", "customer_id,frequency,recency,T,monetary_value\nA,1,2,3,4.5\nB,0,0,3,0\n");
        var model = Write("model.json", "{}");
        var before = File.ReadAllText(summary);
        Assert.Equal(2, CliRunner.Run("fit", "bgnbd", summary, "-o", summary).Exit);
        Assert.Equal(2, CliRunner.Run("predict", model, summary, "--horizon", "1", "-o", summary).Exit);
        Assert.Equal(2, CliRunner.Run("predict", model, summary, "--horizon", "1", "-o", model).Exit);
        Assert.Equal(2, CliRunner.Run("clv", "--count-model", model, "--spend-model", model, summary, "--months", "1", "--discount-rate", "0.01", "-o", model).Exit);
        Assert.Equal(before, File.ReadAllText(summary));
        Assert.Equal("{}", File.ReadAllText(model));
    }

    [Fact]
    public void An_unquoted_thousands_amount_stops_the_run()
    {
        var log = Write("orders.csv", "customer_id,date,amount\nA,2024-01-01,\"1,234.50\"\nB,2024-01-01,1,234.50\n");
        var (exit, output, error) = Summarize(log);
        Assert.Equal(1, exit);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith("ltv: orders.csv, line 3, column 4 ((extra)): the row has 4 fields but the header has 3;", OneLine(error), StringComparison.Ordinal);
    }

    [Fact]
    public void A_final_empty_line_passes_strict_mode()
    {
        var log = Write("orders.csv", Log + "\n\n");
        var (exit, output, error) = Summarize(log);
        Assert.Equal(0, exit);
        Assert.Contains("read 3 = accepted 3 + rejected 0", error, StringComparison.Ordinal);
        Assert.Equal(3, output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void Mixed_currencies_are_refused_naming_both_and_the_first_row_of_the_second()
    {
        var log = Write("orders.csv", "customer_id,date,amount,currency\nA,2024-01-01,10.00,USD\nB,2024-01-02,1500,JPY\nA,2024-02-01,2.50,USD\n");
        var (exit, _, error) = Summarize(log);
        Assert.Equal(1, exit);
        Assert.Equal("ltv: orders.csv, line 3, column 4 (currency): the log mixes currencies: JPY on this row, and the log is in USD (as on line 2); amounts in different currencies cannot be summarized together: convert them to one currency first, read each currency apart, or state the currency of the log (was 'JPY').", OneLine(error));

        // A named column works the same, and one currency throughout is read.
        var named = Write("named.csv", "customer_id,date,amount,cur\nA,2024-01-01,1500,JPY\nB,2024-01-02,10,USD\n");
        (exit, _, error) = Summarize(named, "--currency-column", "cur", "--currency", "JPY");
        Assert.Equal(1, exit);
        Assert.Contains("line 3, column 4 (cur): the log mixes currencies: USD on this row, and the log is in JPY (as on line 2)", error, StringComparison.Ordinal);

        var yen = Write("yen.csv", "customer_id,date,amount,currency\nA,2024-01-01,1500,JPY\n");
        Assert.Equal(0, Summarize(yen, "--currency", "JPY").Exit);
    }

    [Fact]
    public void Mixed_currencies_are_rejected_rows_with_skip_invalid()
    {
        var log = Write("orders.csv", "customer_id,date,amount,currency\nA,2024-01-01,10.00,USD\nB,2024-01-02,1500,JPY\n");
        var output = Path.Combine(_dir, "summary.csv");
        var (exit, stdout, _) = Summarize(log, "--skip-invalid", "-o", output);
        Assert.Equal(0, exit);
        Assert.Contains("read 2 = accepted 1 + rejected 1", stdout, StringComparison.Ordinal);
        Assert.Contains(",CurrencyMismatch,", File.ReadAllText(output + ".rejects.csv"), StringComparison.Ordinal);
    }

    [Fact]
    public void Latin1_is_refused_as_utf8_and_read_with_encoding_latin1()
    {
        var path = Path.Combine(_dir, "latin1.csv");
        File.WriteAllBytes(path, Encoding.Latin1.GetBytes("customer_id,date,amount\nBo,2024-01-01,3\n\u00C5sa,2024-01-01,1\n\u00C4sa,2024-01-02,2\n"));
        var (exit, _, error) = Summarize(path);
        Assert.Equal(1, exit);
        Assert.StartsWith("ltv: latin1.csv, line 3, column 1: the file is not valid UTF-8", OneLine(error), StringComparison.Ordinal);

        var output = Path.Combine(_dir, "summary.csv");
        (exit, _, _) = Summarize(path, "--encoding", "latin1", "-o", output);
        Assert.Equal(0, exit);
        var ids = File.ReadAllLines(output).Skip(1).Select(l => l.Split(',')[0]).ToArray();
        Assert.Equal(["Bo", "\u00C5sa", "\u00C4sa"], ids);
    }

    [Fact]
    public void A_headerless_cdnow_file_with_text_ids_keeps_its_first_row_and_says_so()
    {
        var log = Write("cdnow.txt", "A1 19970101 1 10.00\nA2 19970102 2 5.00\n");
        var (exit, _, error) = CliRunner.Run("summarize", log, "--format", "cdnow", "--observation-end", "1997-12-31");
        Assert.Equal(0, exit);
        Assert.Contains("no header line (the first line is data)", error, StringComparison.Ordinal);
        Assert.Contains("read 2 = accepted 2 + rejected 0", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Decimal_comma_amounts_are_read_with_the_option_and_refused_without_it()
    {
        // monetary_value is the mean of the repeat purchases (lifetimes), so each customer buys twice.
        var log = Write("eu.csv", "customer_id;date;amount\nA;2024-01-01;1\nA;2024-01-05;12,50\nB;2024-01-02;1\nB;2024-01-06;1.234,50\n");
        var (exit, _, error) = Summarize(log);
        Assert.Equal(1, exit);
        Assert.Contains("line 3, column 3 (amount)", error, StringComparison.Ordinal);

        var output = Path.Combine(_dir, "summary.csv");
        (exit, _, _) = Summarize(log, "--decimal-comma", "-o", output);
        Assert.Equal(0, exit);
        var spend = File.ReadAllLines(output).Skip(1).Select(l => l.Split(',')).ToDictionary(r => r[0], r => r[4]);
        Assert.Equal("12.5", spend["A"]);
        Assert.Equal("1234.5", spend["B"]);
    }
}
