using Ltv.Core.Probabilistic.Fitting;

namespace Ltv.Core.Tests.Probabilistic;

/// <summary>Central differences of a log-likelihood in the log-parameters, the space the fitting engine searches.</summary>
internal static class LogParameterDifferences
{
    /// <summary>∂ ln L / ∂ ln θ_i by central differences with step <paramref name="h"/> in ln θ_i.</summary>
    public static double Central(ILogLikelihoodFunction likelihood, double[] parameters, int i, double h = 1e-5)
    {
        var up = (double[])parameters.Clone();
        up[i] *= Math.Exp(h);
        var down = (double[])parameters.Clone();
        down[i] *= Math.Exp(-h);
        return (likelihood.Evaluate(up, []) - likelihood.Evaluate(down, [])) / (2 * h);
    }
}
