namespace Ltv.Core.Tests.Cli;

public class CompareCommandTests(CdnowCliFixture cdnow) : IClassFixture<CdnowCliFixture>
{
    [Fact]
    public void Compare_prints_one_table_with_aic_bic_and_nesting_for_the_cdnow_fits()
    {
        var (exit, output, error) = CliRunner.Run("compare", cdnow.Model("bgnbd"), cdnow.Model("mbgnbd"), cdnow.Model("pnbd"), cdnow.Summary);

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        var lines = output.ReplaceLineEndings("\n").Split('\n');
        Assert.Equal("rank  model        k       log-lik           AIC           BIC      dAIC      dBIC", lines[0]);
        Assert.StartsWith("   1  MBG/NBD      4    -9582.13", lines[1], StringComparison.Ordinal);
        Assert.Equal("   2  BG/NBD       4    -9582.4292    19172.8584    19195.9190    0.5870    0.5870", lines[2]);
        Assert.StartsWith("   3  Pareto/NBD   4    -9594.97", lines[3], StringComparison.Ordinal);
        Assert.Equal("customers n = 2357; AIC = 2k - 2LL, BIC = k ln n - 2LL, smaller is better", lines[4]);
        Assert.StartsWith("BG/NBD vs MBG/NBD: not nested", lines[5], StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_refuses_spend_models_the_same_model_twice_and_too_few_files()
    {
        var spend = CliRunner.Run("compare", cdnow.Model("bgnbd"), cdnow.Model("gg"), cdnow.Summary);
        var twice = CliRunner.Run("compare", cdnow.Model("bgnbd"), cdnow.Model("bgnbd"), cdnow.Summary);
        var few = CliRunner.Run("compare", cdnow.Model("bgnbd"), cdnow.Summary);

        Assert.Equal(1, spend.Exit);
        Assert.Contains("gg.json: holds a Gamma-Gamma model", spend.Error, StringComparison.Ordinal);
        Assert.Equal(2, twice.Exit);
        Assert.Contains("both hold a BG/NBD model", twice.Error, StringComparison.Ordinal);
        Assert.Equal(2, few.Exit);
    }
}
