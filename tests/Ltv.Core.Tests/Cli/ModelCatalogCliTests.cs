using System.Globalization;

using Ltv.Core.Probabilistic.Catalog;
using Ltv.Core.Tests.Probabilistic.Catalog;

namespace Ltv.Core.Tests.Cli;

/// <summary>Issue 11 item 3: a model kind declared once, in its own code, is picked up by fit, predict and help with no edit of src/Ltv.Cli.</summary>
public sealed class ModelCatalogCliTests : IDisposable
{
    private static readonly ModelCatalog Catalog = ModelCatalog.BuiltIn.With(PoissonTestDefinition.Instance);
    private readonly string _dir = Directory.CreateTempSubdirectory("ltv-cli-catalog-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("fit")]
    [InlineData("predict")]
    public void A_test_only_model_kind_is_listed_by_the_help_of_fit_and_predict(string command)
    {
        var (exit, output, _) = CliRunner.RunWith(Catalog, command, "--help");
        var (_, builtIn, _) = CliRunner.Run(command, "--help");

        Assert.Equal(0, exit);
        Assert.Contains("poisson", output, StringComparison.Ordinal);
        Assert.DoesNotContain("poisson", builtIn, StringComparison.Ordinal);
    }

    [Fact]
    public void A_test_only_model_kind_is_fitted_written_read_and_predicted_by_the_CLI_code_path()
    {
        var summary = Path.Combine(_dir, "summary.csv");
        File.WriteAllText(summary, "customer_id,frequency,recency,T,monetary_value,time_unit\na,3,8,10,5,week\nb,1,4,10,5,week\nc,0,0,20,0,week\n");
        var model = Path.Combine(_dir, "poisson.json");

        var fit = CliRunner.RunWith(Catalog, "fit", "poisson", summary, "-o", model);
        var predicted = CliRunner.RunWith(Catalog, "predict", model, summary, "--horizon", "10");
        var given = CliRunner.RunWith(Catalog, "predict", "poisson", "--param", "lambda=0.5", summary, "--horizon", "2");
        var unknownToBuiltIn = CliRunner.Run("fit", "poisson", summary);

        Assert.Equal(0, fit.Exit);
        Assert.Contains("\"ModelName\": \"Poisson\"", File.ReadAllText(model), StringComparison.Ordinal);
        Assert.Equal(0.1, Catalog.Load(model).ParameterValues[0], 1e-12);
        Assert.Equal(0, predicted.Exit);
        var lines = predicted.Output.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("customer_id,expected_purchases", lines[0]);
        Assert.Equal(1.0, double.Parse(lines[1].Split(',')[1], CultureInfo.InvariantCulture), 1e-12);
        Assert.Equal(0, given.Exit);
        Assert.EndsWith(",1", given.Output.ReplaceLineEndings("\n").Split('\n')[1], StringComparison.Ordinal);
        Assert.Equal(2, unknownToBuiltIn.Exit);
    }
}
