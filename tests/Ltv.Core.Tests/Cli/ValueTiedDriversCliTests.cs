namespace Ltv.Core.Tests.Cli;

/// <summary>Varying churn while --lifespan is fixed (lifespan = 1 / churn) is refused in the CLI's words, not the library's C# hint.</summary>
public sealed class ValueTiedDriversCliTests
{
    [Theory]
    [InlineData("simple")]
    [InlineData("churn")]
    public void Vary_churn_with_a_fixed_lifespan_names_the_options_to_change(string strategy)
    {
        var (exit, output, error) = CliRunner.Run("value", "--strategy", strategy, "--currency", "USD", "--apv", "50", "--frequency", "2/month", "--margin", "0.3", "--lifespan", "10mo", "--vary", "churn=0.1..0.06/month");

        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
        Assert.Equal("ltv: --vary churn=0.1..0.06/month: --lifespan is also given and lifespan = 1 / churn, so churn cannot change while --lifespan stays fixed; leave --lifespan out, or vary lifespan instead.\n", error.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Vary_lifespan_with_a_fixed_churn_names_churn()
    {
        var (exit, _, error) = CliRunner.Run("value", "--strategy", "churn", "--currency", "USD", "--apv", "50", "--frequency", "2/month", "--margin", "0.3", "--churn", "0.1/month", "--vary", "lifespan=10..16months");

        Assert.Equal(2, exit);
        Assert.DoesNotContain("null", error, StringComparison.Ordinal);
        Assert.Equal("ltv: --vary lifespan=10..16months: --churn is also given and lifespan = 1 / churn, so lifespan cannot change while --churn stays fixed; leave --churn out, or vary churn instead.\n", error.ReplaceLineEndings("\n"));
    }
}
