using Ltv.Cli;

namespace Ltv.Core.Tests.Cli;

/// <summary>Runs the <c>ltv</c> command line in-process and captures its output.</summary>
internal static class CliRunner
{
    public static (int Exit, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = LtvApp.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
