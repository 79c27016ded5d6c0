namespace Ltv.Cli.Input;

/// <summary>
/// The standard input of the running command line, read when an input is given as <c>-</c>. Only one input of
/// a command can be <c>-</c>: the second claim is a usage error naming both. Held per run (async-local), so
/// in-process runs with their own input do not see each other's.
/// </summary>
internal sealed class StandardInput
{
    private static readonly AsyncLocal<StandardInput?> Current = new();
    private readonly Stream _stream;
    private string? _claimedBy;

    private StandardInput(Stream stream) => _stream = stream;

    /// <summary>Makes <paramref name="stream"/> the standard input of this run until the returned scope ends.</summary>
    public static Scope Use(Stream stream)
    {
        var previous = Current.Value;
        Current.Value = new StandardInput(stream);
        return new Scope(previous);
    }

    /// <summary>The standard input, for the input named <paramref name="input"/> (an argument or option).</summary>
    public static Stream Claim(string input)
    {
        var current = Current.Value ?? new StandardInput(Stream.Null);
        if (current._claimedBy is { } other)
        {
            throw new UsageException($"{input}: standard input ('-') is already read for {other}; only one input can be '-'.");
        }

        current._claimedBy = input;
        Current.Value = current;
        return current._stream;
    }

    /// <summary>Restores the previous standard input when disposed.</summary>
    internal readonly struct Scope(StandardInput? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}
