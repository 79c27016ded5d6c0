namespace Ltv.Core.Probabilistic.Fitting;

/// <summary>Why a maximum-likelihood fit stopped.</summary>
public enum FitExitReason
{
    /// <summary>The gradient of the mean log-likelihood (per customer, in log-parameters) is within the tolerance and the Hessian is negative definite: a local maximum.</summary>
    Converged,

    /// <summary>The optimizer used its iteration budget without meeting the gradient tolerance.</summary>
    MaximumIterations,

    /// <summary>The optimizer stopped making progress (line search failure or no improvement) before the gradient tolerance was met.</summary>
    Stalled,

    /// <summary>The gradient is small but the Hessian is not negative definite: a saddle point or a flat ridge, not a maximum.</summary>
    NotAMaximum,

    /// <summary>The fit used its evaluation or wall-clock budget (<see cref="FitOptions.MaximumEvaluations"/>, <see cref="FitOptions.TimeLimit"/>) before it converged.</summary>
    BudgetExhausted,

    /// <summary>
    /// The data cannot identify the model: fewer customers or distinct rows than parameters, no repeat purchase at all,
    /// or an estimate that ran to the edge of the computable range (the likelihood keeps rising towards a boundary).
    /// <see cref="FitResult{TModel}.Reason"/> says which.
    /// </summary>
    NotIdentifiable,
}
