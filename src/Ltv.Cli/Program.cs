namespace Ltv.Cli;

/// <summary>The <c>ltv</c> tool's entry point.</summary>
public static class Program
{
    /// <summary>Runs the command line and returns its exit code (0 ok, 1 bad data, 2 bad usage).</summary>
    /// <param name="args">The arguments.</param>
    /// <returns>The exit code.</returns>
    public static int Main(string[] args)
    {
        // Ctrl-C or SIGTERM while an output is written removes its temporary file.
        using var signals = Output.PendingFiles.RegisterSignals();
        using var input = Console.OpenStandardInput();
        return LtvApp.Run(args, input, Console.Out, Console.Error);
    }
}
