using System.Globalization;
using Ltv.Core.Probabilistic.Fitting;

namespace Ltv.Cli.Output;

/// <summary>
/// Shows the progress of a long fit on standard error: nothing for a fit that ends within the first second,
/// then one line at 1, 2, 4, 8, ... seconds (so a few lines even for a fit of minutes). Reports synchronously on
/// the fitting thread (no <see cref="Progress{T}"/> posting), so lines never arrive after the fit ended.
/// </summary>
internal sealed class FitProgressReporter : IProgress<FitProgress>
{
    private readonly TextWriter _writer;
    private readonly string _model;
    private readonly TimeProvider _time;
    private readonly long _start;
    private TimeSpan _next = TimeSpan.FromSeconds(1);

    public FitProgressReporter(TextWriter writer, string model, TimeProvider? time = null)
    {
        _writer = writer;
        _model = model;
        _time = time ?? TimeProvider.System;
        _start = _time.GetTimestamp();
    }

    /// <summary>The number of lines written so far.</summary>
    public int Lines { get; private set; }

    public void Report(FitProgress value)
    {
        var elapsed = _time.GetElapsedTime(_start);
        if (elapsed < _next)
        {
            return;
        }

        _writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fitting {_model}: {elapsed.TotalSeconds:F0} s, {value.Evaluations} evaluations, best log-likelihood {value.BestLogLikelihood:F4}"));
        Lines++;
        while (_next <= elapsed)
        {
            _next += _next;
        }
    }
}
