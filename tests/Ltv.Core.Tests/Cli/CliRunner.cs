using System.Text;
using Ltv.Cli;

namespace Ltv.Core.Tests.Cli;

/// <summary>Runs the <c>ltv</c> command line in-process and captures its output.</summary>
internal static class CliRunner
{
    public static (int Exit, string Output, string Error) Run(params string[] args) => RunWithInput(string.Empty, args);

    /// <summary>Runs with <paramref name="standardInput"/> as standard input (UTF-8), what an input given as <c>-</c> reads.</summary>
    public static (int Exit, string Output, string Error) RunWithInput(string standardInput, params string[] args)
    {
        using var input = new MemoryStream(Encoding.UTF8.GetBytes(standardInput));
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = LtvApp.Run(args, input, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
