using Ltv.Core.Domain;
using Ltv.Core.Probabilistic.Clv;
using Ltv.Core.Probabilistic.Serialization;

namespace Ltv.Core.Tests.Cli;

public sealed class ClvCommandTests(CdnowCliFixture cdnow) : IClassFixture<CdnowCliFixture>
{
    private static readonly string[] Customers = ["0001", "0002", "0018", "1516"];

    private ClvCalculator Calculator(ClvOptions options) => new(
        ProbabilisticJson.DeserializeBgNbd(File.ReadAllText(cdnow.Model("bgnbd"))).Model,
        ProbabilisticJson.DeserializeGammaGamma(File.ReadAllText(cdnow.Model("gg"))).Model,
        options);

    private (int Exit, string Output, string Error) Clv(params string[] more) =>
        CliRunner.Run(["clv", "--count-model", cdnow.Model("bgnbd"), "--spend-model", cdnow.Model("gg"), cdnow.Summary, .. more]);

    [Fact]
    public void CLV_per_customer_is_the_library_s_lifetimes_convention()
    {
        var output = cdnow.Path("clv.csv");
        var calculator = Calculator(ClvOptions.Monthly(TimeUnit.Week, months: 12, monthlyDiscountRate: 0.01));

        var (exit, stdout, error) = Clv("--months", "12", "--discount-rate", "0.01", "-o", output);

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, stdout + error);
        var (header, rows) = CdnowCliFixture.ReadCsv(File.ReadAllText(output));
        Assert.Equal("customer_id,clv", header);
        Assert.Equal(2357, rows.Count);
        foreach (var id in Customers)
        {
            var r = cdnow.Rows[id];
            Assert.Equal(calculator.Value(r.X, r.Tx, r.T, r.M), Assert.Single(rows[id]), 1e-9);
        }

        Assert.Equal(36.27, rows["0001"][0], 0.01);
    }

    [Fact]
    public void Step_weeks_and_margin_change_the_steps_and_the_margin()
    {
        var calculator = Calculator(new ClvOptions(6, 4.0, 0.02, new GrossMargin(0.3m), TimeUnit.Week));

        var (exit, output, _) = Clv("--months", "6", "--discount-rate", "0.02", "--step-weeks", "4", "--margin", "0.3");

        Assert.Equal(0, exit);
        var rows = CdnowCliFixture.ReadCsv(output).Rows;
        foreach (var id in Customers)
        {
            var r = cdnow.Rows[id];
            Assert.Equal(calculator.Value(r.X, r.Tx, r.T, r.M), rows[id][0], 1e-9);
        }
    }

    [Theory]
    [InlineData("gg", "gg", "holds a Gamma-Gamma model, but --count-model needs a purchase-count model")]
    [InlineData("pnbd", "bgnbd", "holds a BG/NBD model, but --spend-model needs a Gamma-Gamma model")]
    public void A_model_of_the_wrong_kind_is_bad_data(string count, string spend, string expected)
    {
        var (exit, _, error) = CliRunner.Run("clv", "--count-model", cdnow.Model(count), "--spend-model", cdnow.Model(spend), cdnow.Summary, "--months", "12", "--discount-rate", "0.01");

        Assert.Equal(1, exit);
        Assert.Contains(expected, Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--discount-rate", "0.01")]
    [InlineData("--months", "12")]
    [InlineData("--months", "0", "--discount-rate", "0.01")]
    [InlineData("--months", "1.5", "--discount-rate", "0.01")]
    [InlineData("--months", "12", "--discount-rate", "-1")]
    [InlineData("--months", "12", "--discount-rate", "1%")]
    [InlineData("--months", "12", "--discount-rate", "0.01", "--step-weeks", "0")]
    [InlineData("--months", "12", "--discount-rate", "0.01", "--margin", "1.5")]
    public void Bad_options_exit_2(params string[] more)
    {
        var (exit, output, error) = Clv(more);

        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith("ltv: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Step_weeks_needs_a_weekly_model_and_a_stated_unit_must_be_the_model_s()
    {
        var (summary, daily, dailySpend) = DailyFits();

        var stepWeeks = CliRunner.Run("clv", "--count-model", daily, "--spend-model", dailySpend, summary, "--months", "12", "--discount-rate", "0.01", "--step-weeks", "4");
        var unit = Clv("--months", "12", "--discount-rate", "0.01", "--unit", "month");

        Assert.Equal(2, stepWeeks.Exit);
        Assert.Contains("--step-weeks: only for weekly models", stepWeeks.Error, StringComparison.Ordinal);
        Assert.Equal(1, unit.Exit);
        Assert.Contains("but --unit says the summary is in months", unit.Error, StringComparison.Ordinal);
    }

    /// <summary>Issue 13 item 13: a summary made in days, then fit and clv without --unit, gave 6.23 instead of about 36 with exit 0.</summary>
    [Fact]
    public void The_unit_travels_from_summarize_through_fit_to_clv_and_every_mismatch_is_refused()
    {
        var (summary, daily, dailySpend) = DailyFits();

        Assert.EndsWith(",day", File.ReadLines(summary).Skip(1).First(), StringComparison.Ordinal);
        Assert.Equal(TimeUnit.Day, ProbabilisticJson.DeserializeBgNbd(File.ReadAllText(daily)).Model.Unit);
        var (exit, output, _) = CliRunner.Run("clv", "--count-model", daily, "--spend-model", dailySpend, summary, "--months", "12", "--discount-rate", "0.01");
        Assert.Equal(0, exit);
        var weekly = CdnowCliFixture.ReadCsv(Clv("--months", "12", "--discount-rate", "0.01").Output).Rows["0001"][0];
        var perDay = CdnowCliFixture.ReadCsv(output).Rows["0001"][0];
        Assert.Equal(weekly, perDay, weekly * 0.03);

        var refused = new[]
        {
            CliRunner.Run("clv", "--count-model", daily, "--spend-model", cdnow.Model("gg"), cdnow.Summary, "--months", "12", "--discount-rate", "0.01"),
            CliRunner.Run("clv", "--count-model", cdnow.Model("bgnbd"), "--spend-model", cdnow.Model("gg"), summary, "--months", "12", "--discount-rate", "0.01"),
            CliRunner.Run("predict", daily, cdnow.Summary, "--horizon", "10"),
            CliRunner.Run("predict", cdnow.Model("pnbd"), summary, "--horizon", "10"),
            CliRunner.Run("fit", "bgnbd", summary, "--unit", "week"),
            CliRunner.Run("predict", "bgnbd", "--param", "r=1", "--param", "alpha=1", "--param", "a=1", "--param", "b=1", summary, "--horizon", "1", "--unit", "week"),
        };
        foreach (var run in refused)
        {
            Assert.Equal(1, run.Exit);
            Assert.Equal(string.Empty, run.Output);
            var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains("days", line, StringComparison.Ordinal);
            Assert.Contains("weeks", line, StringComparison.Ordinal);
        }
    }

    private (string Summary, string Count, string Spend) DailyFits()
    {
        var summary = cdnow.Path("summary-days.csv");
        var count = cdnow.Path("bgnbd-days.json");
        var spend = cdnow.Path("gg-days.json");
        if (!File.Exists(spend))
        {
            Assert.Equal(0, CliRunner.Run("summarize", cdnow.Path("CDNOW_sample.txt"), "--format", "cdnow", "--observation-end", "1998-06-30", "--calibration-end", "1997-09-30", "--unit", "day", "-o", summary).Exit);
            Assert.Equal(0, CliRunner.Run("fit", "bgnbd", summary, "-o", count).Exit);
            Assert.Equal(0, CliRunner.Run("fit", "gg", summary, "-o", spend).Exit);
        }

        return (summary, count, spend);
    }
}
