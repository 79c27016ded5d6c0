using System.Globalization;

namespace Ltv.Cli.Output;

/// <summary>
/// The progress of a read counted in rows (a <c>--sql</c> query, whose size is unknown until its end): after 2 s,
/// then at 4, 8, 16, ... seconds, one line <c>reading query: 1,245,184 rows, 8 s</c>, as <see cref="ReadProgressStream"/>
/// does for files. A read that ends within 2 s prints nothing.
/// </summary>
internal sealed class RowProgressReporter(string name, TextWriter writer, TimeProvider? time = null) : IProgress<long>
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly long _start = (time ?? TimeProvider.System).GetTimestamp();
    private TimeSpan _next = TimeSpan.FromSeconds(2);

    /// <summary>The lines written so far.</summary>
    public int Lines { get; private set; }

    /// <inheritdoc/>
    public void Report(long value)
    {
        var elapsed = _time.GetElapsedTime(_start);
        if (elapsed < _next)
        {
            return;
        }

        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"reading {name}: {value:N0} rows, {elapsed.TotalSeconds:F0} s"));
        Lines++;
        while (_next <= elapsed)
        {
            _next += _next;
        }
    }
}
