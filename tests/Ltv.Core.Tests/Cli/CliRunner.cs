using Ltv.Cli;

namespace Ltv.Core.Tests.Cli;

/// <summary>Runs the <c>ltv</c> command line in-process and captures its output.</summary>
internal static class CliRunner
{
    public static (int Exit, string Output, string Error) Run(params string[] args) => RunWith(null, args);

    /// <summary>Runs the command line with another model catalog (for example one with a test-only model kind).</summary>
    public static (int Exit, string Output, string Error) RunWith(Ltv.Core.Probabilistic.Catalog.ModelCatalog? catalog, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = LtvApp.Run(args, output, error, catalog);
        return (exit, output.ToString(), error.ToString());
    }
}
