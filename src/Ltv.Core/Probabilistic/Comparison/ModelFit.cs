using System.Globalization;
using Ltv.Core.History;
using Ltv.Core.Probabilistic.Fitting;
using Ltv.Core.Probabilistic.Models;
using Ltv.Core.Validation;

namespace Ltv.Core.Probabilistic.Comparison;

/// <summary>What model comparison needs of a fitted model: its name, parameter count, maximised log-likelihood and sample size.</summary>
/// <remarks>Immutable, validated at construction (finite log-likelihood, positive parameter and customer counts).</remarks>
public sealed record ModelFit
{
    /// <summary>Creates a fit summary.</summary>
    /// <param name="name">The model's name ("BG/NBD").</param>
    /// <param name="parameterCount">Free parameters k, 1 or more.</param>
    /// <param name="logLikelihood">The maximised log-likelihood (natural log, summed over customers), finite.</param>
    /// <param name="customerCount">The number of customers n the likelihood sums over, positive.</param>
    /// <exception cref="ArgumentException">A blank name.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A count below 1 or a log-likelihood that is not finite.</exception>
    public ModelFit(string name, int parameterCount, double logLikelihood, double customerCount)
    {
        Name = Guard.NotBlank(name);
        ParameterCount = parameterCount >= 1 ? parameterCount : throw Guard.OutOfRange(nameof(parameterCount), "1 or more", parameterCount.ToString(CultureInfo.InvariantCulture));
        LogLikelihood = Guard.Finite(logLikelihood);
        CustomerCount = Guard.FinitePositive(customerCount);
    }

    /// <summary>The model's name.</summary>
    public string Name { get; }

    /// <summary>Free parameters k.</summary>
    public int ParameterCount { get; }

    /// <summary>The maximised log-likelihood.</summary>
    public double LogLikelihood { get; }

    /// <summary>Customers n.</summary>
    public double CustomerCount { get; }

    /// <summary>Akaike's information criterion, 2k - 2 LL (smaller is better).</summary>
    public double Aic => (2.0 * ParameterCount) - (2.0 * LogLikelihood);

    /// <summary>The Bayesian (Schwarz) information criterion, k ln n - 2 LL (smaller is better).</summary>
    public double Bic => (ParameterCount * Math.Log(CustomerCount)) - (2.0 * LogLikelihood);

    /// <summary>The comparison summary of a maximum-likelihood fit.</summary>
    /// <typeparam name="TModel">The model type.</typeparam>
    /// <param name="fit">The fit.</param>
    /// <returns>Name, parameter count, log-likelihood and customers of the fit.</returns>
    public static ModelFit From<TModel>(FitResult<TModel> fit)
        where TModel : class
    {
        Guard.NotNull(fit);
        return new ModelFit(fit.ModelName, fit.Parameters.Count, fit.LogLikelihood, fit.CustomerCount);
    }

    /// <summary>The comparison summary of a count model (fitted elsewhere, for example loaded from JSON) evaluated on the data it was fitted on.</summary>
    /// <param name="model">A BG/NBD, MBG/NBD or Pareto/NBD model (4 parameters each).</param>
    /// <param name="patterns">The calibration patterns, in the model's unit.</param>
    /// <returns>The summary with LL = the model's log-likelihood of the patterns.</returns>
    /// <exception cref="ArgumentException">The model is not one of the library's count models (its parameter count is unknown: use the constructor).</exception>
    public static ModelFit Evaluate(ICountModel model, RfmPatterns patterns)
    {
        Guard.NotNull(model);
        Guard.NotNull(patterns);
        var k = model switch
        {
            BgNbdModel or MbgNbdModel or ParetoNbdModel => 4,
            _ => throw new ArgumentException($"model '{model.Name}' is not a library count model, so its parameter count is unknown; create the ModelFit with its constructor.", nameof(model)),
        };
        return new ModelFit(model.Name, k, model.LogLikelihood(patterns), patterns.CustomerCount);
    }
}
