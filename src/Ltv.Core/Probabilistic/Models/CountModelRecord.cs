using Ltv.Core.Domain;
using Ltv.Core.History;
using Ltv.Core.Probabilistic.Fitting;

namespace Ltv.Core.Probabilistic.Models;

/// <summary>
/// The record parts the four-parameter count models (BG/NBD, MBG/NBD, Pareto/NBD) share, written once: the check of
/// their parameters and unit at construction and the maximum-likelihood fit on patterns with its verdict.
/// </summary>
internal static class CountModelRecord
{
    /// <summary>Four parameters, each in the computable range, and a defined unit; an error names the parameter and its value.</summary>
    /// <param name="values">The values in the model's order.</param>
    /// <param name="names">Their constructor names, in the same order.</param>
    /// <param name="unit">The time unit.</param>
    /// <returns>The values and the unit, unchanged.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A value is outside the computable range, or the unit is undefined.</exception>
    public static (double First, double Second, double Third, double Fourth, TimeUnit Unit) Checked(
        (double, double, double, double) values,
        (string, string, string, string) names,
        TimeUnit unit) =>
        (HistoryGuard.Parameter(values.Item1, names.Item1),
            HistoryGuard.Parameter(values.Item2, names.Item2),
            HistoryGuard.Parameter(values.Item3, names.Item3),
            HistoryGuard.Parameter(values.Item4, names.Item4),
            HistoryGuard.Unit(unit));

    /// <summary>Fits a count model on patterns by maximum likelihood, with the identifiability verdict of the data.</summary>
    /// <typeparam name="TModel">The model.</typeparam>
    /// <param name="patterns">The calibration patterns.</param>
    /// <param name="name">The model's name, for messages and the fit.</param>
    /// <param name="names">The parameter names in the model's order.</param>
    /// <param name="likelihood">The log-likelihood over the pattern data.</param>
    /// <param name="start">The default start for the data.</param>
    /// <param name="build">The model from parameter values and the patterns' unit.</param>
    /// <param name="options">Fit settings, or <see langword="null"/>.</param>
    /// <param name="progress">Progress, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the fit.</param>
    /// <returns>The fit.</returns>
    public static FitResult<TModel> Fit<TModel>(
        RfmPatterns patterns,
        string name,
        IReadOnlyList<string> names,
        Func<PatternData, ILogLikelihoodFunction> likelihood,
        Func<PatternData, double[]> start,
        Func<double[], TimeUnit, TModel> build,
        FitOptions? options,
        IProgress<FitProgress>? progress,
        CancellationToken cancellationToken)
        where TModel : class
    {
        ArgumentNullException.ThrowIfNull(patterns);
        var data = new PatternData(patterns);
        var unit = patterns.Unit;
        return MaximumLikelihood.Fit(
            likelihood(data),
            start(data),
            data.CustomerCount,
            data.Count,
            name,
            names,
            p => build(p, unit),
            options,
            progress,
            cancellationToken,
            CountModelIdentifiability.Reason(data));
    }
}
