namespace Ltv.Core.Tests.Cli;

public class ValueVaryTests
{
    private static readonly string[] Gym = ["value", "--strategy", "churn", "--currency", "NOK", "--apv", "400", "--frequency", "1/month", "--margin", "1"];

    [Fact]
    public void Vary_churn_prints_the_before_after_table_with_ratio_and_payback()
    {
        var (exit, output, error) = CliRunner.Run([.. Gym, "--vary", "churn=0.10..0.06/month", "--cac", "1000"]);

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        Assert.Equal(
            """
            strategy: churn
                             before          after  difference
            Churn    10 % per month  6 % per month
            LTV        4,000.00 NOK   6,666.67 NOK  +2,666.67 NOK (+66.7 %)
            LTV:CAC             4:1         6.67:1
            payback   2.7407 months  2.6338 months  -0.107 months

            """.ReplaceLineEndings(),
            output);
    }

    [Fact]
    public void Vary_lifespan_reproduces_the_gym_and_steps_print_an_exact_sweep()
    {
        var gym = CliRunner.Run("value", "--strategy", "simple", "--currency", "NOK", "--apv", "400", "--frequency", "1/month", "--vary", "lifespan=10..16months");
        var sweep = CliRunner.Run([.. Gym, "--vary", "churn=0.10..0.06/month", "--steps", "5"]);

        Assert.Equal(0, gym.Exit);
        Assert.Contains("LTV       4,000.00 NOK  6,400.00 NOK  +2,400.00 NOK (+60 %)", gym.Output, StringComparison.Ordinal);
        Assert.Equal(0, sweep.Exit);
        var lines = sweep.Output.ReplaceLineEndings("\n").Split('\n');
        Assert.Contains("churn\tltv\tltv_cac\tpayback", lines);
        Assert.Contains("8 % per month\t5000\t-\t-", lines);
        Assert.Contains("6 % per month\t6666.6666666666666666666666667\t-\t-", lines);
    }

    [Fact]
    public void A_driver_the_strategy_ignores_is_noted()
    {
        var (exit, output, _) = CliRunner.Run("value", "--strategy", "simple", "--currency", "NOK", "--apv", "400", "--frequency", "1/month", "--lifespan", "10mo", "--vary", "margin=0.5..0.8");

        Assert.Equal(0, exit);
        Assert.Contains("note: the simple strategy does not read margin; its value is unchanged.", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bogus=1..2", "'bogus' in 'bogus=1..2' is not a driver")]
    [InlineData("churn=0.1", "'churn=0.1' is not DRIVER=FROM..TO")]
    [InlineData("churn=0.1..1.5/month", "--vary churn: 'churn=0.1..1.5/month' is not valid: churn must be in (0, 1] (was '1.5').")]
    [InlineData("churn=0.1..x/month", "'churn=0.1..x/month' is not a number")]
    [InlineData("lifespan=10..16", "is not a duration")]
    public void Bad_vary_values_exit_2_with_one_line_naming_the_option_and_value(string vary, string expected)
    {
        var (exit, output, error) = CliRunner.Run([.. Gym, "--churn", "0.1/month", "--vary", vary]);

        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.DoesNotContain("(Parameter", error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Fact]
    public void Cac_and_steps_need_vary_and_steps_need_one_vary()
    {
        Assert.Equal(2, CliRunner.Run([.. Gym, "--churn", "0.1/month", "--cac", "5"]).Exit);
        var (exit, _, error) = CliRunner.Run([.. Gym, "--vary", "churn=0.1..0.05/month", "--vary", "apv=400..500", "--steps", "3"]);
        Assert.Equal(2, exit);
        Assert.Contains("--steps: a sweep varies one driver", error, StringComparison.Ordinal);
    }
}
