namespace Ltv.Core.Probabilistic.Fitting;

/// <summary>Thrown by <see cref="FitResult{TModel}.EnsureConverged"/> when a fit did not reach a maximum of the likelihood.</summary>
public sealed class ModelNotConvergedException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="model">The model's name.</param>
    /// <param name="reason">Why the fit stopped.</param>
    /// <param name="message">The full message.</param>
    public ModelNotConvergedException(string model, FitExitReason reason, string message)
        : base(message)
    {
        Model = model;
        Reason = reason;
    }

    /// <summary>The model's name.</summary>
    public string Model { get; }

    /// <summary>Why the fit stopped.</summary>
    public FitExitReason Reason { get; }
}
