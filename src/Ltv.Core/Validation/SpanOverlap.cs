using System.Runtime.InteropServices;

namespace Ltv.Core.Validation;

/// <summary>
/// Refuses an output span that shares memory with an input span. Bulk kernels read inputs after writing
/// outputs (a P(alive) pass, then a second pass over the same customers), so an output that is also an input
/// gives wrong numbers silently; every bulk kernel checks its outputs against its inputs (and each other) first.
/// </summary>
internal static class SpanOverlap
{
    /// <summary>Throws when <paramref name="output"/> and <paramref name="input"/> share at least one byte (empty spans never do).</summary>
    /// <exception cref="ArgumentException">They overlap; the message names both and the parameter is <paramref name="outputName"/>.</exception>
    public static void Refuse<TOut, TIn>(ReadOnlySpan<TOut> output, string outputName, ReadOnlySpan<TIn> input, string inputName)
        where TOut : unmanaged
        where TIn : unmanaged
    {
        if (MemoryMarshal.AsBytes(output).Overlaps(MemoryMarshal.AsBytes(input)))
        {
            throw new ArgumentException($"{outputName} must not share memory with {inputName} (the results would overwrite inputs that are still to be read); pass a separate buffer for {outputName}.", outputName);
        }
    }
}
