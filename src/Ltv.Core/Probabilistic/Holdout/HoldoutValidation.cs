using Ltv.Core.Domain;
using Ltv.Core.History;
using Ltv.Core.Probabilistic.Models;
using Ltv.Core.Validation;

namespace Ltv.Core.Probabilistic.Holdout;

/// <summary>
/// Holdout validation of a count model: fit on the calibration period of a calibration/holdout summary,
/// then compare each customer's conditional expected holdout transactions E[Y(t*) | x, t_x, T] with the
/// transactions the customer actually made in the holdout.
/// </summary>
/// <remarks>
/// The method is lifetimes' (<c>calibration_and_holdout_data</c> then
/// <c>conditional_expected_number_of_purchases_up_to_time(duration_holdout, frequency_cal, recency_cal, T_cal)</c>,
/// grouped by <c>frequency_cal</c> in <c>plot_calibration_purchases_vs_holdout_purchases</c>) and BTYD's
/// (<c>*.ConditionalExpectedTransactions</c> with <c>T.star</c> = the holdout length, binned by <c>x</c> in
/// <c>*.PlotFreqVsConditionalExpectedFrequency</c>). The holdout length t* is observation end - calibration
/// end in the summaries' unit (days / 7 for weeks; through the summaries' calendar convention, Julian when
/// none is given, for months and years). Every customer of the summaries is evaluated, including customers
/// first seen on the calibration end (T = 0).
/// </remarks>
public static class HoldoutValidation
{
    /// <summary>Evaluates a model on the holdout of calibration/holdout summaries.</summary>
    /// <param name="model">The model fitted on the calibration period.</param>
    /// <param name="summaries">Summaries made with <see cref="SummaryOptions.CalibrationEnd"/> set, in the model's unit.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentException">The summaries have no holdout (no calibration end before the observation end) or no customers.</exception>
    /// <exception cref="UnitMismatchException">The summaries are in another unit than the model.</exception>
    public static HoldoutReport Evaluate(ICountModel model, CustomerSummaries summaries)
    {
        Guard.NotNull(model);
        Guard.NotNull(summaries);
        summaries.RequireHistory("a holdout validation");
        if (summaries.Options.Unit != model.Unit)
        {
            throw new UnitMismatchException(summaries.Options.Unit, model.Unit, "a holdout validation (the summaries must be in the model's unit)");
        }

        var holdout = HoldoutLength(summaries.Options, nameof(summaries));
        if (summaries.Count == 0)
        {
            throw new ArgumentException("summaries must hold at least one customer (was empty).", nameof(summaries));
        }

        var n = summaries.Count;
        var predicted = new double[n];
        var frequency = summaries.Frequency.ToArray();
        var x = new double[n];
        for (var i = 0; i < n; i++)
        {
            x[i] = frequency[i];
        }

        model.ConditionalExpectedPurchases(holdout, x, summaries.Recency, summaries.Age, predicted);
        return new HoldoutReport(model.Name, model.Unit, holdout, summaries.CustomerIds, frequency, summaries.HoldoutFrequency.ToArray(), predicted);
    }

    /// <summary>The holdout length t* = observation end - calibration end, in the options' unit.</summary>
    /// <param name="options">Summary options with a calibration end before the observation end.</param>
    /// <returns>t* in <see cref="SummaryOptions.Unit"/>.</returns>
    /// <exception cref="ArgumentException">No holdout.</exception>
    public static double HoldoutLength(SummaryOptions options) => HoldoutLength(Guard.NotNull(options), nameof(options));

    internal static double DaysToUnit(double days, SummaryOptions options) =>
        options.Unit switch
        {
            TimeUnit.Day => days,
            TimeUnit.Week => days / 7,
            _ => days / (double)(options.Convention ?? CalendarConvention.Julian).DaysPer(options.Unit),
        };

    /// <summary>One calendar month in the options' unit (Julian or the options' convention: 365.25 / 12 days = 4.348 weeks).</summary>
    internal static decimal MonthInUnits(SummaryOptions options) =>
        options.Unit switch
        {
            TimeUnit.Month => 1m,
            TimeUnit.Year => 1m / 12m,
            _ => (options.Convention ?? CalendarConvention.Julian).DaysPer(TimeUnit.Month) / (options.Unit == TimeUnit.Week ? 7m : 1m),
        };

    private static double HoldoutLength(SummaryOptions options, string paramName)
    {
        if (options.CalibrationEnd is not { } end || end >= options.ObservationEnd)
        {
            throw new ArgumentException($"{paramName} must come from a calibration/holdout summary: SummaryOptions.CalibrationEnd before ObservationEnd {options.ObservationEnd:yyyy-MM-dd} (was {(options.CalibrationEnd is { } c ? c.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "not set")}).", paramName);
        }

        return DaysToUnit(options.ObservationEnd.DayNumber - end.DayNumber, options);
    }
}
