namespace Ltv.Core.Tests.Cli;

public class HelpTests
{
    [Theory]
    [InlineData("summarize", "--observation-end")]
    [InlineData("fit", "--max-iterations")]
    [InlineData("predict", "--param")]
    [InlineData("clv", "--step-weeks")]
    [InlineData("value", "--strategy")]
    public void Every_command_has_help_with_its_options(string command, string option)
    {
        var (exit, output, error) = CliRunner.Run(command, "--help");

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        Assert.Contains("Usage:", output, StringComparison.Ordinal);
        Assert.Contains(option, output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_root_help_lists_every_command()
    {
        var (exit, output, _) = CliRunner.Run("--help");

        Assert.Equal(0, exit);
        foreach (var command in new[] { "summarize", "fit", "predict", "clv", "value" })
        {
            Assert.Contains(command, output, StringComparison.Ordinal);
        }
    }
}
