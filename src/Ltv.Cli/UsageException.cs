namespace Ltv.Cli;

/// <summary>A command-line option or argument has a value the command cannot use; exit code 2.</summary>
internal sealed class UsageException(string message, Exception? inner = null) : Exception(message, inner);
