using Ltv.Core.Validation;

namespace Ltv.Core.Probabilistic.Fitting;

/// <summary>Settings of a maximum-likelihood fit; validated at construction.</summary>
/// <remarks>The defaults suit every model of this library; change them only to trade precision for time.</remarks>
public sealed record FitOptions
{
    /// <summary>The default options.</summary>
    public static FitOptions Default { get; } = new();

    /// <summary>The largest number of optimizer iterations.</summary>
    /// <value>Default 1,000; at least 1.</value>
    public int MaximumIterations
    {
        get;
        init => field = value >= 1 ? value : throw Guard.OutOfRange("maximumIterations", "at least 1", value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    } = 1000;

    /// <summary>The largest number of log-likelihood evaluations (finite differences and the Hessian included); the fit then ends with <see cref="FitExitReason.BudgetExhausted"/>.</summary>
    /// <value>Default 20,000 (a fit on the CDNOW sample uses a few hundred); at least 10.</value>
    public int MaximumEvaluations
    {
        get;
        init => field = value >= 10 ? value : throw Guard.OutOfRange("maximumEvaluations", "at least 10", value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    } = 20_000;

    /// <summary>The wall-clock budget of a fit; the fit then ends with <see cref="FitExitReason.BudgetExhausted"/>.</summary>
    /// <value>Default 60 seconds; positive.</value>
    public TimeSpan TimeLimit
    {
        get;
        init => field = value > TimeSpan.Zero ? value : throw Guard.OutOfRange("timeLimit", "positive", value.ToString("c", System.Globalization.CultureInfo.InvariantCulture));
    } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The convergence tolerance: the largest absolute partial derivative of the mean log-likelihood
    /// per customer with respect to the log-parameters.
    /// </summary>
    /// <value>Default 1e-7; finite and positive.</value>
    public double GradientTolerance
    {
        get;
        init => field = Guard.FinitePositive(value, "gradientTolerance");
    } = 1e-7;

    /// <summary>Where the optimizer starts, in the model's natural parameters (all positive), or <see langword="null"/> for the model's default start.</summary>
    /// <value>Default <see langword="null"/>.</value>
    public IReadOnlyList<double>? Start
    {
        get;
        init
        {
            if (value is not null)
            {
                foreach (var p in value)
                {
                    Guard.FinitePositive(p, "start");
                }
            }

            field = value;
        }
    }
}
