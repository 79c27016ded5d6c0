namespace Ltv.Cli;

/// <summary>The process exit codes of <c>ltv</c>, a documented contract (docs/cli.md).</summary>
internal static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Success = 0;

    /// <summary>The input data is bad (a row, a file, a model file): one line names file, line, column and value.</summary>
    public const int BadData = 1;

    /// <summary>The command line is bad: unknown command or option, missing or invalid option value.</summary>
    public const int BadUsage = 2;
}
