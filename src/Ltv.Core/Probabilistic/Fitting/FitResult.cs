using System.Globalization;
using System.Text;

namespace Ltv.Core.Probabilistic.Fitting;

/// <summary>
/// The outcome of a maximum-likelihood fit: the fitted model, the estimates with standard errors and
/// their covariance, the log-likelihood and how the optimizer ended.
/// </summary>
/// <typeparam name="TModel">The fitted model type.</typeparam>
/// <remarks>
/// <para>Non-convergence policy: a fit never throws because the optimizer failed; it returns the best
/// point found with <see cref="Converged"/> = <see langword="false"/> and an <see cref="ExitReason"/>.
/// Call <see cref="EnsureConverged"/> to turn that into a <see cref="ModelNotConvergedException"/>.
/// Converged means: the largest partial derivative of the mean log-likelihood per customer with respect
/// to the log-parameters is within <see cref="FitOptions.GradientTolerance"/> and the Hessian there is
/// negative definite.</para>
/// <para>Standard errors and the covariance come from the inverse of the negative Hessian of the total
/// log-likelihood at the optimum, computed in log-parameters and mapped to the natural parameters by the
/// delta method (Cov(p) = D Cov(ln p) D, D = diag(p)), as lifetimes and CLVTools report them.</para>
/// <para>Immutable; round-trips through System.Text.Json with the source-generated context of
/// <see cref="Serialization.ProbabilisticJson"/>.</para>
/// </remarks>
public sealed record FitResult<TModel>
    where TModel : class
{
    /// <summary>The fitted model.</summary>
    public required TModel Model { get; init; }

    /// <summary>The model's short name ("BG/NBD", "MBG/NBD", "Pareto/NBD", "Gamma-Gamma").</summary>
    public required string ModelName { get; init; }

    /// <summary>The estimates in the model's parameter order, with standard errors.</summary>
    public required IReadOnlyList<ParameterEstimate> Parameters { get; init; }

    /// <summary>The covariance matrix of the estimates (natural parameters, row-major), or <see langword="null"/> when the Hessian is not negative definite.</summary>
    public IReadOnlyList<IReadOnlyList<double>>? Covariance { get; init; }

    /// <summary>The total log-likelihood at the estimates (natural log, summed over customers).</summary>
    public required double LogLikelihood { get; init; }

    /// <summary>The number of customers the model was fitted on (sum of the weights).</summary>
    public required double CustomerCount { get; init; }

    /// <summary>The number of distinct data rows evaluated per likelihood call.</summary>
    public required int RowCount { get; init; }

    /// <summary>Optimizer iterations.</summary>
    public required int Iterations { get; init; }

    /// <summary>Log-likelihood evaluations (including those for finite differences and the Hessian).</summary>
    public required int Evaluations { get; init; }

    /// <summary>The largest absolute partial derivative of the mean log-likelihood per customer with respect to the log-parameters, at the estimates.</summary>
    public required double GradientNorm { get; init; }

    /// <summary>Why the optimizer stopped.</summary>
    public required FitExitReason ExitReason { get; init; }

    /// <summary>Why the fit did not converge, in one sentence (for example which parameter ran to a boundary), or <see langword="null"/> when it converged.</summary>
    public string? Reason { get; init; }

    /// <summary><see langword="true"/> when <see cref="ExitReason"/> is <see cref="FitExitReason.Converged"/>.</summary>
    public bool Converged => ExitReason == FitExitReason.Converged;

    /// <summary>Returns this result when the fit converged, otherwise throws.</summary>
    /// <returns>This result.</returns>
    /// <exception cref="ModelNotConvergedException">The fit did not converge; the message gives the reason, the iterations, the gradient norm and the log-likelihood.</exception>
    public FitResult<TModel> EnsureConverged() =>
        Converged
            ? this
            : throw new ModelNotConvergedException(
                ModelName,
                ExitReason,
                ExitReason == FitExitReason.NotIdentifiable && Reason is not null
                    ? $"The {ModelName} fit is not identifiable: {Reason}"
                    : string.Create(CultureInfo.InvariantCulture, $"The {ModelName} fit did not converge (exit reason {ExitReason}, {Iterations} iterations, gradient norm {GradientNorm:G4}, log-likelihood {LogLikelihood:F4}){(Reason is null ? "." : $": {Reason}")} Try other start values, a larger budget, or check the data."));

    /// <summary>A readable table of the estimates with standard errors and 95 % intervals, the log-likelihood, n and the convergence state.</summary>
    /// <returns>The summary text (invariant culture).</returns>
    public string Summary()
    {
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.Append(c, $"{ModelName} fitted by maximum likelihood").AppendLine();
        text.Append(c, $"customers (n) = {CustomerCount:0.##}, distinct rows = {RowCount}").AppendLine();
        text.Append(c, $"log-likelihood = {LogLikelihood:F4}").AppendLine();
        text.Append(c, $"converged = {(Converged ? "yes" : "no")} ({ExitReason}, {Iterations} iterations, {Evaluations} evaluations, gradient norm {GradientNorm:G3})").AppendLine();
        if (Reason is not null)
        {
            text.Append(c, $"reason: {Reason}").AppendLine();
        }

        text.Append(c, $"{"parameter",-10} {"estimate",12} {"std. error",12} {"lower 95%",12} {"upper 95%",12}").AppendLine();
        foreach (var p in Parameters)
        {
            if (p.StandardError is { } se)
            {
                text.Append(c, $"{p.Name,-10} {p.Value,12:F6} {se,12:F6} {p.Value - (1.959964 * se),12:F6} {p.Value + (1.959964 * se),12:F6}").AppendLine();
            }
            else
            {
                text.Append(c, $"{p.Name,-10} {p.Value,12:F6} {"n/a",12} {"n/a",12} {"n/a",12}").AppendLine();
            }
        }

        return text.ToString();
    }

    /// <summary>Same as <see cref="Summary"/>.</summary>
    /// <returns>The summary text.</returns>
    public override string ToString() => Summary();
}
