using Ltv.Core.Datasets;

namespace Ltv.Core.Tests.Cli;

/// <summary>The rough edges a new user met (issue 13): each case names what the user wrote and says what to do.</summary>
public sealed class NewUserMessagesTests(CdnowCliFixture cdnow) : IClassFixture<CdnowCliFixture>, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ltv-cli-messages-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string WriteFile(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static string SingleLine(string error) => Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public void Item1_an_amount_in_exponent_notation_is_refused_by_name()
    {
        var log = WriteFile("orders.csv", "customer_id,date,amount\nA,2024-01-02,10\nA,2024-01-05,1e2\n");

        var (exit, output, error) = CliRunner.Run("summarize", log, "--observation-end", "2024-02-01");

        Assert.Equal(1, exit);
        Assert.Equal(string.Empty, output);
        var line = SingleLine(error);
        Assert.Contains("orders.csv, line 3, column 3 (amount)", line, StringComparison.Ordinal);
        Assert.Contains("exponent notation is not accepted", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Item3_white_space_around_a_customer_id_does_not_make_a_second_customer()
    {
        var log = WriteFile("orders.csv", "customer_id,date,amount\nA,2024-01-02,10\n A ,2024-01-09, 5 \n");

        var (exit, output, _) = CliRunner.Run("summarize", log, "--observation-end", "2024-01-30", "--unit", "day");

        Assert.Equal(0, exit);
        Assert.Equal(["customer_id,frequency,recency,T,monetary_value,time_unit", "A,1,7,28,5,day"], output.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Item4_output_into_a_missing_folder_names_the_path_given_and_the_missing_folder()
    {
        var target = Path.Combine(_dir, "no-such-folder", "model.json");

        var (exit, _, error) = CliRunner.Run("fit", "bgnbd", cdnow.Summary, "-o", target);

        Assert.Equal(1, exit);
        var line = SingleLine(error.ReplaceLineEndings("\n").Split('\n').Last(l => l.StartsWith("ltv:", StringComparison.Ordinal)));
        Assert.Contains(target, line, StringComparison.Ordinal);
        Assert.Contains($"the folder '{Path.Combine(_dir, "no-such-folder")}' does not exist", line, StringComparison.Ordinal);
        Assert.DoesNotContain(".tmp-", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Item4_output_onto_a_directory_says_it_is_a_directory()
    {
        var (exit, _, error) = CliRunner.Run("predict", cdnow.Model("gg"), cdnow.Summary, "-o", _dir);

        Assert.Equal(1, exit);
        Assert.Equal($"ltv: --output: cannot write '{_dir}': it is a folder; give a file name.", SingleLine(error.ReplaceLineEndings("\n")).TrimEnd());
    }

    [Fact]
    public void Item12_a_failed_fit_with_its_table_on_standard_error_ends_the_table_before_the_error_line()
    {
        var (exit, output, error) = CliRunner.Run("fit", "bgnbd", cdnow.Summary, "--max-iterations", "1", "-o", "-");

        Assert.Equal(1, exit);
        Assert.Equal(string.Empty, output);
        var lines = error.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith($"ltv: {cdnow.Summary}: the BG/NBD fit did not converge", lines[^1], StringComparison.Ordinal);
        Assert.DoesNotContain("ltv:", string.Join('\n', lines[..^1]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--currency", "XYZ", "ltv: --currency: must be an active ISO 4217 currency code such as 'DKK' or 'USD' (was 'XYZ').")]
    [InlineData("--churn", "0/month", "ltv: --churn: must be in (0, 1] (was '0').")]
    [InlineData("--churn", "1.5/month", "ltv: --churn: must be in (0, 1] (was '1.5').")]
    [InlineData("--margin", "1.2", "ltv: --margin: must be in [0, 1] (was '1.2').")]
    public void Item5_option_messages_name_the_option_and_have_no_dotnet_parameter_tail(string option, string value, string expected)
    {
        var args = new List<string> { "value", "--strategy", "churn", "--currency", "USD", "--apv", "10", "--frequency", "1/month", "--margin", "1", "--churn", "0.1/month" };
        args[args.IndexOf(option) + 1] = value;

        var (exit, _, error) = CliRunner.Run([.. args]);

        Assert.Equal(2, exit);
        Assert.Equal(expected, SingleLine(error.ReplaceLineEndings("\n")).TrimEnd());
    }

    [Fact]
    public void Item5_a_bad_parameter_in_a_model_JSON_names_the_JSON_field()
    {
        var json = File.ReadAllText(cdnow.Model("bgnbd"));
        var r = System.Text.Json.Nodes.JsonNode.Parse(json)!;
        r["Model"]!["R"] = -0.5;
        var path = WriteFile("bad.json", r.ToJsonString());

        var (exit, _, error) = CliRunner.Run("predict", path, cdnow.Summary, "--horizon", "1");

        Assert.Equal(1, exit);
        Assert.Equal($"ltv: {path}: field Model.R must be a finite, positive number (was '-0.5').", SingleLine(error.ReplaceLineEndings("\n")).TrimEnd());
    }

    [Fact]
    public void Item6_a_missing_driver_suggests_the_option_not_a_CSharp_call()
    {
        var (exit, _, error) = CliRunner.Run("value", "--strategy", "simple", "--currency", "SEK", "--apv", "500", "--lifespan", "3 years");

        Assert.Equal(2, exit);
        var line = SingleLine(error);
        Assert.Contains("--frequency 6/year", line, StringComparison.Ordinal);
        Assert.DoesNotContain("PurchaseRate", line, StringComparison.Ordinal);
        Assert.DoesNotContain("(Parameter", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Item7_a_truncated_model_JSON_gives_one_1_based_position()
    {
        var json = File.ReadAllText(cdnow.Model("bgnbd")).ReplaceLineEndings("\n");
        var path = WriteFile("truncated.json", json[..json.IndexOf("\"Unit\"", StringComparison.Ordinal)] + "\"Un");

        var (exit, _, error) = CliRunner.Run("predict", path, cdnow.Summary, "--horizon", "1");

        Assert.Equal(1, exit);
        var line = SingleLine(error);
        var expectedLine = json[..json.IndexOf("\"Unit\"", StringComparison.Ordinal)].Count(c => c == '\n') + 1;
        Assert.Contains($"truncated.json, line {expectedLine}, column ", line, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", line, StringComparison.Ordinal);
        Assert.DoesNotContain("BytePositionInLine", line, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(line, "line [0-9]"));
    }

    [Fact]
    public void Item8_a_directory_given_as_input_is_said_to_be_a_directory()
    {
        var runs = new[]
        {
            CliRunner.Run("summarize", _dir, "--observation-end", "2024-01-01"),
            CliRunner.Run("fit", "bgnbd", _dir),
            CliRunner.Run("predict", _dir, cdnow.Summary, "--horizon", "1"),
            CliRunner.Run("clv", "--count-model", _dir, "--spend-model", cdnow.Model("gg"), cdnow.Summary, "--months", "12", "--discount-rate", "0.01"),
        };

        foreach (var (exit, _, error) in runs)
        {
            Assert.NotEqual(0, exit);
            var line = SingleLine(error);
            Assert.Contains(_dir, line, StringComparison.Ordinal);
            Assert.Contains("is a directory", line, StringComparison.Ordinal);
            Assert.DoesNotContain("no such file", line, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Item11_the_value_report_rounds_money_to_the_minor_unit_and_keeps_the_exact_value_on_its_own_line()
    {
        var (exit, output, _) = CliRunner.Run("value", "--strategy", "discounted", "--currency", "USD", "--apv", "10", "--frequency", "1/month", "--margin", "1", "--churn", "0.03/month", "--discount-rate", "0.013/month");

        Assert.Equal(0, exit);
        var lines = output.ReplaceLineEndings("\n").Split('\n');
        Assert.Contains("value: 235.58", lines);
        Assert.Contains("exact: 235.58139534883720930232558126", lines);
    }

    [Fact]
    public void Item12_summarize_piped_into_fit_reads_standard_input_and_keeps_messages_off_the_data()
    {
        var log = WriteFile("CDNOW_sample.txt", EmbeddedData.ReadAllText(EmbeddedData.CdnowSample));
        var summarize = CliRunner.Run("summarize", log, "--format", "cdnow", "--observation-end", "1998-06-30", "--calibration-end", "1997-09-30", "-o", "-");
        var model = Path.Combine(_dir, "model.json");

        var fit = CliRunner.RunWithInput(summarize.Output, "fit", "bgnbd", "-", "-o", model);

        Assert.Equal(0, summarize.Exit);
        Assert.Equal(File.ReadAllText(cdnow.Summary), summarize.Output);
        Assert.Contains("read 6919 = accepted 6919 + rejected 0", summarize.Error, StringComparison.Ordinal);
        Assert.Equal(0, fit.Exit);
        Assert.Equal(File.ReadAllText(cdnow.Model("bgnbd")), File.ReadAllText(model));
    }

    [Fact]
    public void Item12_dash_is_standard_input_and_output_in_fit_predict_and_clv()
    {
        var summary = File.ReadAllText(cdnow.Summary);
        var fit = CliRunner.RunWithInput(summary, "fit", "gg", "-", "-o", "-");
        var predictFromFile = CliRunner.Run("predict", cdnow.Model("bgnbd"), cdnow.Summary, "--horizon", "39");
        var predict = CliRunner.RunWithInput(summary, "predict", cdnow.Model("bgnbd"), "-", "--horizon", "39", "-o", "-");
        var modelFromStdin = CliRunner.RunWithInput(File.ReadAllText(cdnow.Model("bgnbd")), "predict", "-", cdnow.Summary, "--horizon", "39");
        var clv = CliRunner.RunWithInput(File.ReadAllText(cdnow.Model("gg")), "clv", "--count-model", cdnow.Model("bgnbd"), "--spend-model", "-", cdnow.Summary, "--months", "12", "--discount-rate", "0.01", "-o", "-");

        Assert.Equal(0, fit.Exit);
        Assert.Equal(File.ReadAllText(cdnow.Model("gg")), fit.Output);
        Assert.Contains("Gamma-Gamma", fit.Error, StringComparison.Ordinal);
        Assert.Equal(predictFromFile.Output, predict.Output);
        Assert.Equal(predictFromFile.Output, modelFromStdin.Output);
        Assert.Equal(0, clv.Exit);
        Assert.StartsWith("customer_id,clv", clv.Output, StringComparison.Ordinal);
        Assert.False(File.Exists("-"));
    }

    [Fact]
    public void Item12_only_one_input_and_one_output_can_be_a_dash()
    {
        var twoInputs = CliRunner.RunWithInput(File.ReadAllText(cdnow.Model("bgnbd")), "predict", "-", "-", "--horizon", "1");
        var log = WriteFile("orders.csv", "customer_id,date,amount\nA,2024-01-02,x\n");
        var twoOutputs = CliRunner.Run("summarize", log, "--observation-end", "2024-02-01", "--skip-invalid", "--rejects", "-");

        Assert.Equal(2, twoInputs.Exit);
        Assert.Contains("standard input ('-') is already read for MODEL", twoInputs.Error, StringComparison.Ordinal);
        Assert.Equal(2, twoOutputs.Exit);
        Assert.Contains("--rejects: '-' (standard output) is taken by the data", twoOutputs.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Item12_rejects_go_to_standard_output_when_the_data_goes_to_a_file()
    {
        var log = WriteFile("orders.csv", "customer_id,date,amount\nA,2024-01-02,x\nB,2024-01-03,1\n");
        var summary = Path.Combine(_dir, "summary.csv");

        var (exit, output, _) = CliRunner.Run("summarize", log, "--observation-end", "2024-02-01", "--skip-invalid", "--rejects", "-", "-o", summary);

        Assert.Equal(0, exit);
        Assert.Contains("file,line,column,column_name,text,reason,message", output, StringComparison.Ordinal);
        Assert.Contains("orders.csv,2,3,amount,x,MalformedNumber", output, StringComparison.Ordinal);
        Assert.Contains("rejected rows written to standard output", output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_dir, "-")));
        Assert.True(File.Exists(summary));
    }

    [Fact]
    public void Item12_the_log_can_come_from_standard_input_and_messages_name_it()
    {
        var (exit, _, error) = CliRunner.RunWithInput("customer_id,date,amount\nA,2024-01-02,abc\n", "summarize", "-", "--observation-end", "2024-02-01");

        Assert.Equal(1, exit);
        Assert.Contains("standard input, line 2, column 3 (amount)", error, StringComparison.Ordinal);
    }
}
