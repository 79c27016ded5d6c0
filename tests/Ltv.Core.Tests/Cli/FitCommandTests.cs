using Ltv.Core.Domain;
using Ltv.Core.History;
using Ltv.Core.Probabilistic.Models;
using Ltv.Core.Probabilistic.Serialization;

namespace Ltv.Core.Tests.Cli;

public sealed class FitCommandTests(CdnowCliFixture cdnow) : IClassFixture<CdnowCliFixture>
{
    [Fact]
    public void BG_NBD_on_the_CDNOW_sample_gives_the_published_parameters_in_the_table_and_the_JSON()
    {
        var fit = ProbabilisticJson.DeserializeBgNbd(File.ReadAllText(cdnow.Model("bgnbd")));

        Assert.Equal(0.243, fit.Model.R, 0.0005);
        Assert.Equal(4.414, fit.Model.Alpha, 0.0005);
        Assert.Equal(0.793, fit.Model.A, 0.0005);
        Assert.Equal(2.426, fit.Model.B, 0.0005);
        Assert.Equal(TimeUnit.Week, fit.Model.Unit);
        Assert.Equal(-9582.4, fit.LogLikelihood, 0.05);
        var table = cdnow.FitOutput["bgnbd"];
        Assert.Contains("BG/NBD fitted by maximum likelihood", table, StringComparison.Ordinal);
        Assert.Contains("customers (n) = 2357", table, StringComparison.Ordinal);
        Assert.Contains("converged = yes", table, StringComparison.Ordinal);
        Assert.Matches(@"r\s+0\.2425\d+\s+0\.0125\d+", table);
        Assert.Matches(@"std\. error", table);
        Assert.Contains("log-likelihood = -9582.4", table, StringComparison.Ordinal);
        Assert.Contains($"model written to {cdnow.Model("bgnbd")}", table, StringComparison.Ordinal);
    }

    [Fact]
    public void Pareto_NBD_log_likelihood_is_the_published_one()
    {
        var fit = ProbabilisticJson.DeserializeParetoNbd(File.ReadAllText(cdnow.Model("pnbd")));

        Assert.Equal(-9595.0, fit.LogLikelihood, 0.05);
        Assert.Equal(0.553, fit.Model.R, 0.001);
        Assert.Equal(10.578, fit.Model.Alpha, 0.005);
        Assert.Contains("Pareto/NBD fitted by maximum likelihood", cdnow.FitOutput["pnbd"], StringComparison.Ordinal);
    }

    [Fact]
    public void Gamma_Gamma_gives_the_published_parameters()
    {
        var fit = ProbabilisticJson.DeserializeGammaGamma(File.ReadAllText(cdnow.Model("gg")));

        Assert.Equal(6.25, fit.Model.P, 0.01);
        Assert.Equal(3.74, fit.Model.Q, 0.01);
        Assert.Equal(15.44, fit.Model.Gamma, 0.01);
        Assert.Contains("customers (n) = 946", cdnow.FitOutput["gg"], StringComparison.Ordinal);
    }

    [Fact]
    public void MBG_NBD_is_the_library_fit_of_the_same_summary()
    {
        var fit = ProbabilisticJson.DeserializeMbgNbd(File.ReadAllText(cdnow.Model("mbgnbd")));
        var rows = cdnow.Rows.Values.ToArray();
        var library = MbgNbdModel.Fit(RfmPatterns.Compress([.. rows.Select(r => r.X)], [.. rows.Select(r => r.Tx)], [.. rows.Select(r => r.T)], TimeUnit.Week));

        Assert.True(fit.Converged);
        Assert.Equal(library.LogLikelihood, fit.LogLikelihood, 1e-6);
        Assert.Equal(library.Model.R, fit.Model.R, 1e-6);
        Assert.Equal(library.Model.B, fit.Model.B, 1e-6);
    }

    [Fact]
    public void Without_output_file_the_JSON_goes_to_standard_output_and_the_table_to_standard_error()
    {
        var (exit, output, error) = CliRunner.Run("fit", "bgnbd", cdnow.Summary);

        Assert.Equal(0, exit);
        Assert.Equal(0.2426, ProbabilisticJson.DeserializeBgNbd(output).Model.R, 0.0001);
        Assert.Contains("converged = yes", error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_unit_option_must_agree_with_the_unit_the_summary_records()
    {
        var (exit, output, error) = CliRunner.Run("fit", "pnbd", cdnow.Summary, "--unit", "day");

        Assert.Equal(1, exit);
        Assert.Equal(string.Empty, output);
        Assert.Contains("the summary is in weeks (column time_unit), but --unit says days (was 'day')", Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
    }

    [Fact]
    public void The_unit_option_is_recorded_in_the_model_of_a_summary_without_a_unit_column()
    {
        var path = cdnow.Path("no-unit.csv");
        File.WriteAllLines(path, File.ReadLines(cdnow.Summary).Select(l => l[..l.LastIndexOf(',')]));

        var (exit, output, _) = CliRunner.Run("fit", "pnbd", path, "--unit", "day");

        Assert.Equal(0, exit);
        Assert.Equal(TimeUnit.Day, ProbabilisticJson.DeserializeParetoNbd(output).Model.Unit);
    }

    [Fact]
    public void A_fit_that_does_not_converge_prints_its_table_writes_nothing_and_exits_1_with_the_reason()
    {
        var path = cdnow.Path("not-converged.json");

        var (exit, output, error) = CliRunner.Run("fit", "bgnbd", cdnow.Summary, "--max-iterations", "1", "-o", path);

        Assert.Equal(1, exit);
        Assert.Contains("converged = no (MaximumIterations", output, StringComparison.Ordinal);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("the BG/NBD fit did not converge (MaximumIterations", line, StringComparison.Ordinal);
        Assert.Contains("Nothing was written.", line, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
        Assert.Empty(Directory.GetFiles(cdnow.Directory, "not-converged*"));
    }

    [Fact]
    public void Customers_with_T_zero_are_left_out_of_count_fits_and_counted()
    {
        var path = cdnow.Path("with-new-customer.csv");
        File.WriteAllText(path, File.ReadAllText(cdnow.Summary) + "new,0,0,0,0,0,0,39,week\n");

        var (exit, output, error) = CliRunner.Run("fit", "bgnbd", path);

        Assert.Equal(0, exit);
        Assert.Contains("left out 1 customers with T = 0", error, StringComparison.Ordinal);
        Assert.Equal(ProbabilisticJson.DeserializeBgNbd(File.ReadAllText(cdnow.Model("bgnbd"))).Model, ProbabilisticJson.DeserializeBgNbd(output).Model);
    }

    [Fact]
    public void Count_fit_with_only_T_zero_customers_is_bad_data()
    {
        var path = cdnow.Path("all-new.csv");
        File.WriteAllText(path, "customer_id,frequency,recency,T,monetary_value\na,0,0,0,0\n");

        var (exit, _, error) = CliRunner.Run("fit", "mbgnbd", path);

        Assert.Equal(1, exit);
        Assert.Contains("all-new.csv: no customer with T greater than 0", Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
    }

    [Fact]
    public void Gamma_Gamma_needs_a_positive_spend_for_every_repeater_and_at_least_one_repeater()
    {
        var zero = cdnow.Path("zero-spend.csv");
        File.WriteAllText(zero, "customer_id,frequency,recency,T,monetary_value\na,1,2,5,10\nb,2,3,5,0\n");
        var none = cdnow.Path("no-repeaters.csv");
        File.WriteAllText(none, "customer_id,frequency,recency,T,monetary_value\na,0,0,5,0\n");

        var (exitZero, _, errorZero) = CliRunner.Run("fit", "gg", zero);
        var (exitNone, _, errorNone) = CliRunner.Run("fit", "gg", none);

        Assert.Equal(1, exitZero);
        Assert.Contains("zero-spend.csv, line 3, column 5 (monetary_value)", errorZero, StringComparison.Ordinal);
        Assert.Contains("(was '0')", errorZero, StringComparison.Ordinal);
        Assert.Equal(1, exitNone);
        Assert.Contains("needs customers with frequency greater than 0", errorNone, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fit", "ggom", "SUMMARY")]
    [InlineData("fit", "bgnbd")]
    [InlineData("fit", "bgnbd", "SUMMARY", "--max-iterations", "0")]
    [InlineData("fit", "bgnbd", "SUMMARY", "--max-iterations", "many")]
    [InlineData("fit", "bgnbd", "SUMMARY", "--unit", "fortnight")]
    [InlineData("fit", "bgnbd", "SUMMARY", "--frobnicate")]
    public void Bad_usage_exits_2(params string[] args)
    {
        var (exit, output, error) = CliRunner.Run([.. args.Select(a => a == "SUMMARY" ? cdnow.Summary : a)]);

        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith("ltv: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_model_is_reported_on_one_line_listing_the_models()
    {
        var (exit, _, error) = CliRunner.Run("fit", "ggom", cdnow.Summary);

        Assert.Equal(2, exit);
        var first = error.ReplaceLineEndings("\n").Split('\n')[0];
        Assert.Equal("ltv: MODEL: must be bgnbd, mbgnbd, pnbd, gg, bgbb or sbg (was 'ggom').", first);
    }

    [Fact]
    public void A_quick_fit_shows_no_progress()
    {
        var (exit, _, error) = CliRunner.Run("fit", "gg", cdnow.Summary, "-o", cdnow.Path("gg-again.json"));

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
    }
}
