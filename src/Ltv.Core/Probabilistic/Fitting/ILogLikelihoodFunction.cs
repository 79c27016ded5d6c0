namespace Ltv.Core.Probabilistic.Fitting;

/// <summary>A model's total log-likelihood over its data, as the fitting engine sees it.</summary>
internal interface ILogLikelihoodFunction
{
    /// <summary>The number of parameters.</summary>
    int Dimension { get; }

    /// <summary>Whether <see cref="Evaluate"/> fills an analytic gradient.</summary>
    bool HasGradient { get; }

    /// <summary>
    /// The total log-likelihood at positive natural parameters; when <see cref="HasGradient"/>, also its gradient with
    /// respect to the log-parameters (p_i dLL/dp_i), or NaN in the first gradient slot where the function has no
    /// analytic gradient at this point (the engine then uses finite differences; the NaN never leaves the engine).
    /// </summary>
    double Evaluate(ReadOnlySpan<double> parameters, Span<double> logGradient);
}
