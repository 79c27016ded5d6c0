using MathNet.Numerics.LinearAlgebra;

namespace Ltv.Core.Tests.Probabilistic;

/// <summary>Test-side standard errors: a central finite-difference Hessian in the natural parameters, inverted.</summary>
internal static class IndependentStandardErrors
{
    public static double[] Compute(Func<double[], double> logLikelihood, double[] at)
    {
        var n = at.Length;
        var hessian = Matrix<double>.Build.Dense(n, n);
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                double hi = at[i] * 1e-4, hj = at[j] * 1e-4;
                double F(double di, double dj)
                {
                    var p = (double[])at.Clone();
                    p[i] += di;
                    p[j] += dj;
                    return logLikelihood(p);
                }

                hessian[i, j] = (F(hi, hj) - F(hi, -hj) - F(-hi, hj) + F(-hi, -hj)) / (4 * hi * hj);
            }
        }

        var covariance = (-hessian).Inverse();
        return Enumerable.Range(0, n).Select(i => Math.Sqrt(covariance[i, i])).ToArray();
    }
}
