using System.Text;
using Ltv.Cli;
using Ltv.Core.Probabilistic.Catalog;

namespace Ltv.Core.Tests.Cli;

/// <summary>Runs the <c>ltv</c> command line in-process and captures its output.</summary>
internal static class CliRunner
{
    public static (int Exit, string Output, string Error) Run(params string[] args) => Run(string.Empty, null, args);

    /// <summary>Runs with <paramref name="standardInput"/> as standard input (UTF-8), what an input given as <c>-</c> reads.</summary>
    public static (int Exit, string Output, string Error) RunWithInput(string standardInput, params string[] args) => Run(standardInput, null, args);

    /// <summary>Runs the command line with another model catalog (for example one with a test-only model kind).</summary>
    public static (int Exit, string Output, string Error) RunWith(ModelCatalog? catalog, params string[] args) => Run(string.Empty, catalog, args);

    private static (int Exit, string Output, string Error) Run(string standardInput, ModelCatalog? catalog, string[] args)
    {
        using var input = new MemoryStream(Encoding.UTF8.GetBytes(standardInput));
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = LtvApp.Run(args, input, output, error, catalog);
        return (exit, output.ToString(), error.ToString());
    }
}
