using System.Globalization;

using Ltv.Core.Domain;
using Ltv.Core.Validation;

namespace Ltv.Core.Probabilistic.Contractual;

/// <summary>
/// Plot data for an sBG retention curve (Fader and Hardie 2007, figures of survival and retention by tenure): the
/// model's survival S(t) for t = 0..<see cref="Periods"/> and retention rate r(t) for t = 1..<see cref="Periods"/>,
/// beside the observed shares of a cohort when its survivor counts are given.
/// </summary>
public sealed class RetentionCurve
{
    private RetentionCurve(string modelName, TimeUnit unit, int periods, double[] survival, double[] retention, double[]? observedSurvival, double[]? observedRetention)
    {
        ModelName = modelName;
        Unit = unit;
        Periods = periods;
        Survival = survival;
        Retention = retention;
        ObservedSurvival = observedSurvival;
        ObservedRetention = observedRetention;
    }

    /// <summary>The model's short name ("sBG").</summary>
    public string ModelName { get; }

    /// <summary>The contract period: index t of the series is t periods of this unit.</summary>
    public TimeUnit Unit { get; }

    /// <summary>The last period of the model's series.</summary>
    public int Periods { get; }

    /// <summary>S(t) for t = 0..<see cref="Periods"/> (index t): the share of a new cohort still subscribed after t periods; S(0) = 1.</summary>
    public IReadOnlyList<double> Survival { get; }

    /// <summary>r(t) = S(t) / S(t - 1) for t = 1..<see cref="Periods"/> (index t - 1): the share of the period-t subscribers who renew.</summary>
    public IReadOnlyList<double> Retention { get; }

    /// <summary>s_t / s_0 for the observed periods t = 0..K (index t), or <see langword="null"/> when no counts were given.</summary>
    public IReadOnlyList<double>? ObservedSurvival { get; }

    /// <summary>s_t / s_(t-1) for t = 1..K (index t - 1), or <see langword="null"/> when no counts were given; a period after which nobody was left holds 0.</summary>
    public IReadOnlyList<double>? ObservedRetention { get; }

    /// <summary>Computes the model's curve over <paramref name="periods"/> periods and, when given, the cohort's observed shares.</summary>
    /// <param name="model">The fitted sBG model.</param>
    /// <param name="periods">The last period of the model's series, at least 1 (for example 12 to project years 8-12 from 7 observed years).</param>
    /// <param name="observedSurvivors">s_0 (the cohort), s_1, ..., s_K survivors after each period, as for
    /// <see cref="SbgModel.FitSurvivors"/>, or <see langword="null"/>.</param>
    /// <returns>The curve.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="periods"/> is below 1, or a survivor count is invalid; the message names it and the value.</exception>
    /// <exception cref="ArgumentException">Fewer than two survivor counts.</exception>
    public static RetentionCurve Compute(SbgModel model, int periods, IReadOnlyList<double>? observedSurvivors = null)
    {
        Guard.NotNull(model);
        if (periods < 1)
        {
            throw Guard.OutOfRange(nameof(periods), "at least 1", periods.ToString(CultureInfo.InvariantCulture));
        }

        var survival = new double[periods + 1];
        var retention = new double[periods];
        for (var t = 0; t <= periods; t++)
        {
            survival[t] = model.Survival(t);
            if (t > 0)
            {
                retention[t - 1] = model.Retention(t);
            }
        }

        double[]? observedSurvival = null, observedRetention = null;
        if (observedSurvivors is not null)
        {
            // The same checks as for fitting (non-increasing, finite, cohort > 0); the messages name the index.
            _ = ContractDurations.FromSurvivors(observedSurvivors, model.Unit);
            var k = observedSurvivors.Count - 1;
            observedSurvival = new double[k + 1];
            observedRetention = new double[k];
            for (var t = 0; t <= k; t++)
            {
                observedSurvival[t] = observedSurvivors[t] / observedSurvivors[0];
                if (t > 0)
                {
                    observedRetention[t - 1] = observedSurvivors[t - 1] > 0 ? observedSurvivors[t] / observedSurvivors[t - 1] : 0;
                }
            }
        }

        return new RetentionCurve(model.Name, model.Unit, periods, survival, retention, observedSurvival, observedRetention);
    }
}
