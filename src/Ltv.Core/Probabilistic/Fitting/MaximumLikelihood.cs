using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace Ltv.Core.Probabilistic.Fitting;

/// <summary>
/// The shared fitting engine: maximises a log-likelihood over log-parameters with MathNet.Numerics' BFGS,
/// polishes the optimum with a few safeguarded Newton steps on a finite-difference Hessian, and derives
/// standard errors from that Hessian.
/// </summary>
internal static class MaximumLikelihood
{
    private const double GradientStep = 1e-5;
    private const double ForwardStep = 1e-7;

    public static FitResult<TModel> Fit<TModel>(
        ILogLikelihoodFunction function,
        IReadOnlyList<double> start,
        double customers,
        int rows,
        string modelName,
        IReadOnlyList<string> names,
        Func<double[], TModel> build,
        FitOptions? options,
        IProgress<FitProgress>? progress,
        CancellationToken cancellationToken)
        where TModel : class
    {
        options ??= FitOptions.Default;
        var search = new Search(function, customers, progress, cancellationToken);
        var initial = (options.Start ?? start).Select(v => Math.Log(v)).ToArray();
        if (initial.Length != function.Dimension)
        {
            throw new ArgumentException($"start must hold {function.Dimension} values ({string.Join(", ", names)}) (was {initial.Length}).", nameof(options));
        }

        search.Value(initial);
        if (!double.IsFinite(search.BestLogLikelihood))
        {
            throw new ArgumentException($"The {modelName} log-likelihood is not finite at the start values ({string.Join(", ", (options.Start ?? start).Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture)))}); pass other FitOptions.Start values.", nameof(options));
        }

        var iterations = 0;
        var hitMaximum = false;
        var minimizer = new BfgsMinimizer(options.GradientTolerance, 1e-14, 1e-15, options.MaximumIterations);
        var objective = ObjectiveFunction.Gradient(v =>
        {
            var theta = v.ToArray();
            var gradient = new double[theta.Length];
            var value = search.ValueAndGradient(theta, gradient, central: false);
            return (value, Vector<double>.Build.Dense(gradient));
        });
        try
        {
            var result = minimizer.FindMinimum(objective, Vector<double>.Build.Dense(initial));
            iterations = result.Iterations;
        }
        catch (MaximumIterationsException)
        {
            hitMaximum = true;
            iterations = options.MaximumIterations;
        }
        catch (Exception ex) when (ex is not OperationCanceledException && ex.GetType().Namespace?.StartsWith("MathNet", StringComparison.Ordinal) == true)
        {
            // Line-search failures and the like: keep the best point found and let the Newton polish decide.
        }

        // Newton polish on the finite-difference Hessian, safeguarded by step halving. The Hessian is reused while
        // steps keep improving (a chord method: each step then costs one gradient) and recomputed at the end when
        // the point moved, so the standard errors belong to the final estimates.
        var theta0 = search.BestTheta.ToArray();
        var g = new double[theta0.Length];
        var mean = -search.ValueAndGradient(theta0, g);
        Negate(g);
        var hessian = search.Hessian(theta0);
        var hessianAt = (double[])theta0.Clone();
        var fresh = true;
        for (var step = 0; step < 30 && MaxAbs(g) > options.GradientTolerance; step++)
        {
            Vector<double> direction;
            try
            {
                direction = (-Matrix<double>.Build.DenseOfArray(hessian)).Cholesky().Solve(Vector<double>.Build.Dense(g));
            }
            catch (ArgumentException)
            {
                break;
            }

            var improved = false;
            for (var halving = 0; halving < 30; halving++)
            {
                var candidate = theta0.Select((t, i) => t + direction[i]).ToArray();
                var value = -search.Value(candidate);
                if (double.IsFinite(value) && value >= mean - (1e-15 * Math.Abs(mean)))
                {
                    theta0 = candidate;
                    mean = value;
                    improved = true;
                    break;
                }

                direction *= 0.5;
            }

            if (!improved)
            {
                if (fresh)
                {
                    break;
                }

                hessian = search.Hessian(theta0);
                hessianAt = (double[])theta0.Clone();
                fresh = true;
                continue;
            }

            search.ValueAndGradient(theta0, g);
            Negate(g);
            fresh = false;
            iterations++;
        }

        if (theta0.Where((t, i) => Math.Abs(t - hessianAt[i]) > 1e-4).Any())
        {
            hessian = search.Hessian(theta0);
        }

        var gradientNorm = MaxAbs(g);
        var information = -Matrix<double>.Build.DenseOfArray(hessian) * customers;
        double[,]? covariance = null;
        try
        {
            var cholesky = information.Cholesky();
            var inverse = cholesky.Solve(Matrix<double>.Build.DenseIdentity(theta0.Length));
            covariance = new double[theta0.Length, theta0.Length];
            for (var i = 0; i < theta0.Length; i++)
            {
                for (var j = 0; j < theta0.Length; j++)
                {
                    covariance[i, j] = Math.Exp(theta0[i]) * Math.Exp(theta0[j]) * inverse[i, j];
                }
            }

            if (!covariance.Cast<double>().All(double.IsFinite))
            {
                covariance = null;
            }
        }
        catch (ArgumentException)
        {
            covariance = null;
        }

        var reason = gradientNorm <= options.GradientTolerance
            ? covariance is null ? FitExitReason.NotAMaximum : FitExitReason.Converged
            : hitMaximum ? FitExitReason.MaximumIterations : FitExitReason.Stalled;
        var estimates = theta0.Select(v => Math.Exp(v)).ToArray();
        var parameters = new ParameterEstimate[estimates.Length];
        for (var i = 0; i < estimates.Length; i++)
        {
            parameters[i] = new ParameterEstimate(names[i], estimates[i], covariance is null ? null : Math.Sqrt(Math.Max(0, covariance[i, i])));
        }

        return new FitResult<TModel>
        {
            Model = build(estimates),
            ModelName = modelName,
            Parameters = parameters,
            Covariance = covariance is null ? null : ToRows(covariance),
            LogLikelihood = mean * customers,
            CustomerCount = customers,
            RowCount = rows,
            Iterations = iterations,
            Evaluations = search.Evaluations,
            GradientNorm = gradientNorm,
            ExitReason = reason,
        };
    }

    private static double[][] ToRows(double[,] matrix)
    {
        var n = matrix.GetLength(0);
        var rows = new double[n][];
        for (var i = 0; i < n; i++)
        {
            rows[i] = new double[n];
            for (var j = 0; j < n; j++)
            {
                rows[i][j] = matrix[i, j];
            }
        }

        return rows;
    }

    private static void Negate(double[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = -values[i];
        }
    }

    private static double MaxAbs(double[] values) => values.Length == 0 ? 0 : values.Max(Math.Abs);

    /// <summary>Evaluates the objective -LL / n over log-parameters and remembers the best point.</summary>
    private sealed class Search(ILogLikelihoodFunction function, double customers, IProgress<FitProgress>? progress, CancellationToken cancellationToken)
    {
        private readonly double[] _parameters = new double[function.Dimension];
        private readonly double[] _gradient = new double[function.Dimension];

        public int Evaluations { get; private set; }

        public double BestLogLikelihood { get; private set; } = double.NegativeInfinity;

        public double[] BestTheta { get; private set; } = new double[function.Dimension];

        /// <summary>Whether the last evaluation filled an analytic gradient (a function may decline at some points by writing NaN).</summary>
        public bool LastGradientValid { get; private set; }

        /// <summary>The objective -LL / n, or 1e300 where the likelihood is not finite (the line search then backs off).</summary>
        public double Value(double[] theta) => Evaluate(theta, null);

        /// <summary>
        /// The objective and its gradient with respect to the log-parameters. Without an analytic gradient: forward
        /// differences while searching (half the evaluations; the Newton polish then removes their O(h) bias) and
        /// central differences for the polish and the convergence check.
        /// </summary>
        public double ValueAndGradient(double[] theta, double[] gradient, bool central = true)
        {
            double value;
            if (function.HasGradient)
            {
                value = Evaluate(theta, gradient);
                if (LastGradientValid)
                {
                    return value;
                }
            }
            else
            {
                value = Evaluate(theta, null);
            }

            var shifted = (double[])theta.Clone();
            for (var i = 0; i < theta.Length; i++)
            {
                if (central)
                {
                    shifted[i] = theta[i] + GradientStep;
                    var up = Evaluate(shifted, null);
                    shifted[i] = theta[i] - GradientStep;
                    var down = Evaluate(shifted, null);
                    gradient[i] = up >= 1e300 || down >= 1e300 ? 0 : (up - down) / (2 * GradientStep);
                }
                else
                {
                    shifted[i] = theta[i] + ForwardStep;
                    var up = Evaluate(shifted, null);
                    gradient[i] = up >= 1e300 || value >= 1e300 ? 0 : (up - value) / ForwardStep;
                }

                shifted[i] = theta[i];
            }

            return value;
        }

        /// <summary>The Hessian of the mean log-likelihood with respect to the log-parameters, by finite differences.</summary>
        public double[,] Hessian(double[] theta)
        {
            var n = theta.Length;
            var result = new double[n, n];
            var shifted = (double[])theta.Clone();
            var analytic = function.HasGradient;
            if (analytic)
            {
                const double h = 1e-4;
                var up = new double[n];
                var down = new double[n];
                for (var j = 0; j < n && analytic; j++)
                {
                    shifted[j] = theta[j] + h;
                    Evaluate(shifted, up);
                    analytic = LastGradientValid;
                    shifted[j] = theta[j] - h;
                    Evaluate(shifted, down);
                    analytic &= LastGradientValid;
                    shifted[j] = theta[j];
                    for (var i = 0; i < n; i++)
                    {
                        result[i, j] = -(up[i] - down[i]) / (2 * h);
                    }
                }
            }

            if (!analytic)
            {
                const double h = 1e-3;
                var center = Evaluate(theta, null);
                for (var i = 0; i < n; i++)
                {
                    for (var j = i; j < n; j++)
                    {
                        double At(double di, double dj)
                        {
                            shifted[i] += di;
                            shifted[j] += dj;
                            var v = Evaluate(shifted, null);
                            shifted[i] = theta[i];
                            shifted[j] = theta[j];
                            return v;
                        }

                        result[i, j] = i == j
                            ? -(At(h, 0) - (2 * center) + At(-h, 0)) / (h * h)
                            : -(At(h, h) - At(h, -h) - At(-h, h) + At(-h, -h)) / (4 * h * h);
                        result[j, i] = result[i, j];
                    }
                }
            }

            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < i; j++)
                {
                    var average = (result[i, j] + result[j, i]) / 2;
                    result[i, j] = average;
                    result[j, i] = average;
                }
            }

            return result;
        }

        private double Evaluate(double[] theta, double[]? gradient)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Evaluations++;
            for (var i = 0; i < theta.Length; i++)
            {
                _parameters[i] = Math.Exp(theta[i]);
            }

            var ll = function.Evaluate(_parameters, _gradient);
            LastGradientValid = function.HasGradient && !double.IsNaN(_gradient[0]);
            if (!double.IsFinite(ll) || !_parameters.All(p => p > 0 && double.IsFinite(p)))
            {
                LastGradientValid = true;
                if (gradient is not null)
                {
                    Array.Clear(gradient);
                }

                return 1e300;
            }

            if (ll > BestLogLikelihood)
            {
                BestLogLikelihood = ll;
                BestTheta = (double[])theta.Clone();
            }

            progress?.Report(new FitProgress(Evaluations, BestLogLikelihood));
            if (gradient is not null)
            {
                for (var i = 0; i < gradient.Length; i++)
                {
                    gradient[i] = -_gradient[i] / customers;
                }
            }

            return -ll / customers;
        }
    }
}
