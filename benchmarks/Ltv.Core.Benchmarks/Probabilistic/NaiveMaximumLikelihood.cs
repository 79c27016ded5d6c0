using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace Ltv.Core.Benchmarks.Probabilistic;

/// <summary>
/// The naive baseline fitting style: one likelihood term per customer (no compression), central
/// finite-difference gradients, MathNet BFGS over log-parameters. What a straightforward port of a
/// textbook fit looks like.
/// </summary>
internal static class NaiveMaximumLikelihood
{
    public static double[] Fit(Func<double[], double> logLikelihood, double[] start, double customers)
    {
        double Objective(Vector<double> theta) => -logLikelihood(theta.Select(v => Math.Exp(v)).ToArray()) / customers;
        var function = ObjectiveFunction.Gradient(
            theta => Objective(theta),
            theta =>
            {
                var gradient = Vector<double>.Build.Dense(theta.Count);
                for (var i = 0; i < theta.Count; i++)
                {
                    var up = theta.Clone();
                    up[i] += 1e-5;
                    var down = theta.Clone();
                    down[i] -= 1e-5;
                    gradient[i] = (Objective(up) - Objective(down)) / 2e-5;
                }

                return gradient;
            });
        var result = new BfgsMinimizer(1e-8, 1e-12, 1e-15, 1000).FindMinimum(function, Vector<double>.Build.DenseOfArray(start.Select(v => Math.Log(v)).ToArray()));
        return result.MinimizingPoint.Select(v => Math.Exp(v)).ToArray();
    }
}
