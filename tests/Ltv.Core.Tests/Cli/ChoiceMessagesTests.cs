namespace Ltv.Core.Tests.Cli;

/// <summary>A value outside an option's or argument's choices is a usage error naming what the user typed: the option, the values it takes, the value given.</summary>
public class ChoiceMessagesTests
{
    [Theory]
    [InlineData(new[] { "fit", "nope", "s.csv" }, "ltv: MODEL: must be bgnbd, mbgnbd, pnbd, gg, bgbb or sbg (was 'nope').")]
    [InlineData(new[] { "fit", "bgnbd", "s.csv", "--unit", "fortnight" }, "ltv: --unit: must be day, week, month or year (was 'fortnight').")]
    [InlineData(new[] { "summarize", "log.csv", "--observation-end", "2024-01-31", "--format", "xlsx" }, "ltv: --format: must be csv, cdnow or parquet (was 'xlsx').")]
    [InlineData(new[] { "summarize", "log.csv", "--observation-end", "2024-01-31", "--encoding", "utf-16" }, "ltv: --encoding: must be utf-8 or latin1 (was 'utf-16').")]
    public void An_unknown_choice_names_the_option_the_choices_and_the_value(string[] args, string message)
    {
        var run = CliRunner.Run(args);
        Assert.Equal(2, run.Exit);
        Assert.Contains(message, run.Error.ReplaceLineEndings("\n").Split('\n'));
        Assert.DoesNotContain("not recognized", run.Error, StringComparison.Ordinal);
    }
}
