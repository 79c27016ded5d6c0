namespace Ltv.Core.Probabilistic.Fitting;

/// <summary>One fitted parameter with its standard error.</summary>
/// <param name="Name">The parameter's name as in the literature ("r", "alpha", "a", "b", "s", "beta", "p", "q", "gamma").</param>
/// <param name="Value">The maximum-likelihood estimate.</param>
/// <param name="StandardError">The asymptotic standard error from the inverse observed information (Hessian of the log-likelihood at the optimum), or <see langword="null"/> when that Hessian is not negative definite.</param>
public sealed record ParameterEstimate(string Name, double Value, double? StandardError);
