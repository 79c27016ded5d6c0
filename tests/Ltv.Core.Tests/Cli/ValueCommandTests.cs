namespace Ltv.Core.Tests.Cli;

public class ValueCommandTests
{
    [Fact]
    public void Simple_strategy_prints_the_Swedish_shop_value_with_its_inputs()
    {
        var (exit, output, error) = CliRunner.Run("value", "--strategy", "simple", "--currency", "SEK", "--apv", "500", "--frequency", "6/year", "--lifespan", "3 years");

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        Assert.Contains("value: 9000\n", output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("currency: SEK", output, StringComparison.Ordinal);
        Assert.Contains("Lifespan: 3 years", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Churn_and_discounted_strategies_take_periods_in_their_options()
    {
        var churn = CliRunner.Run("value", "--strategy", "churn", "--currency", "NOK", "--apv", "400", "--frequency", "1 per month", "--margin", "1", "--churn", "0.1/month");
        var discounted = CliRunner.Run("value", "--strategy", "discounted", "--currency", "NOK", "--apv", "400", "--frequency", "1/month", "--margin", "1", "--churn", "0.1/month", "--discount-rate", "0/month", "--horizon", "12mo", "--timing", "not-counted");

        Assert.Equal(0, churn.Exit);
        Assert.Contains("value: 4000", churn.Output, StringComparison.Ordinal);
        Assert.Equal(0, discounted.Exit);
        Assert.Contains("Timing: FirstPeriodNotCounted", discounted.Output, StringComparison.Ordinal);
        Assert.Contains("Horizon: 12 months", discounted.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--lifespan", "90 days", "Cannot combine days with years")]
    [InlineData("--lifespan", "three years", "'three years'")]
    [InlineData("--frequency", "6", "needs a period")]
    [InlineData("--apv", "1,5", "'1,5' is not a number")]
    [InlineData("--currency", "XYZ", "'XYZ'")]
    public void Bad_option_values_exit_2_with_one_message_naming_option_and_value(string option, string value, string expected)
    {
        var args = new List<string> { "value", "--strategy", "simple", "--currency", "SEK", "--apv", "500", "--frequency", "6/year", "--lifespan", "3 years" };
        var at = args.IndexOf(option);
        args[at + 1] = value;

        var (exit, output, error) = CliRunner.Run([.. args]);

        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_inputs_unknown_strategies_and_no_command_are_usage_errors()
    {
        Assert.Equal(2, CliRunner.Run("value", "--strategy", "churn", "--currency", "SEK", "--apv", "1").Exit);
        Assert.Equal(2, CliRunner.Run("value", "--strategy", "bogus", "--currency", "SEK").Exit);
        Assert.Equal(2, CliRunner.Run().Exit);
        Assert.Equal(2, CliRunner.Run("value", "--strategy", "discounted", "--currency", "SEK", "--apv", "1", "--frequency", "1/month", "--margin", "1", "--churn", "0.1/month").Exit);
    }

    [Fact]
    public void Help_is_available_everywhere_and_exits_0()
    {
        var root = CliRunner.Run("--help");
        var value = CliRunner.Run("value", "--help");

        Assert.Equal(0, root.Exit);
        Assert.Contains("value", root.Output, StringComparison.Ordinal);
        Assert.Equal(0, value.Exit);
        Assert.Contains("--discount-rate", value.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Inputs_too_large_for_decimal_are_a_usage_error_not_a_crash()
    {
        var (exit, output, error) = CliRunner.Run("value", "--strategy", "simple", "--currency", "SEK", "--apv", "1e28", "--frequency", "6/year", "--lifespan", "3 years");

        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
        Assert.Contains("too large", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Lifespan_and_churn_together_are_refused_instead_of_one_being_dropped()
    {
        var (exit, output, error) = CliRunner.Run("value", "--strategy", "simple", "--currency", "SEK", "--apv", "500", "--frequency", "6/year", "--lifespan", "3 years", "--churn", "0.1/month");

        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
        Assert.Equal("ltv: --lifespan and --churn: give one of them, not both (lifespan = 1 / churn; was '3 years' and '0.1/month').", error.Trim());
    }
}
