namespace Ltv.Core.Probabilistic.Fitting;

/// <summary>Progress of a fit, reported after each evaluation of the log-likelihood.</summary>
/// <param name="Evaluations">Log-likelihood evaluations so far (gradients by finite differences count each evaluation).</param>
/// <param name="BestLogLikelihood">The best total log-likelihood seen so far.</param>
public readonly record struct FitProgress(int Evaluations, double BestLogLikelihood);
