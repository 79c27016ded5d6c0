using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace Ltv.Core.Probabilistic.Fitting;

/// <summary>
/// The shared fitting engine: maximises a log-likelihood over log-parameters with MathNet.Numerics' BFGS,
/// polishes the optimum with a few safeguarded Newton steps on a finite-difference Hessian, and derives
/// standard errors from that Hessian.
/// </summary>
/// <remarks>
/// Every fit ends, with a verdict (<see cref="FitExitReason"/>): it is refused up front as
/// <see cref="FitExitReason.NotIdentifiable"/> when there are fewer customers or distinct rows than parameters
/// (or the model says why the data cannot identify it); the search stays in a box of ±<see cref="SearchRange"/>
/// decades around the start (and within the models' computable range), so the likelihood is evaluated only where
/// it is computable; an estimate that ends near the edge of that box is <see cref="FitExitReason.NotIdentifiable"/>
/// (the likelihood rises towards a boundary), never a silent boundary estimate; the evaluation and wall-clock
/// budgets of <see cref="FitOptions"/> end the fit with <see cref="FitExitReason.BudgetExhausted"/>; hitting the
/// iteration limit is <see cref="FitExitReason.MaximumIterations"/> even if the polish then meets the tolerance.
/// </remarks>
internal static class MaximumLikelihood
{
    private const double GradientStep = 1e-5;
    private const double ForwardStep = 1e-7;

    /// <summary>The search box: each parameter within this many decades of its start value.</summary>
    private const double SearchRange = 3.5;

    /// <summary>An estimate within this many decades of the box edge is at the boundary.</summary>
    private const double EdgeMargin = 0.5;

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
        CancellationToken cancellationToken,
        string? notIdentifiable = null)
        where TModel : class
    {
        options ??= FitOptions.Default;
        cancellationToken.ThrowIfCancellationRequested();
        var initial = (options.Start ?? start).Select(v => Math.Log(v)).ToArray();
        if (initial.Length != function.Dimension)
        {
            throw new ArgumentException($"start must hold {function.Dimension} values ({string.Join(", ", names)}) (was {initial.Length}).", nameof(options));
        }

        var c = System.Globalization.CultureInfo.InvariantCulture;
        notIdentifiable ??= customers < function.Dimension
            ? string.Create(c, $"{customers:0.##} customers cannot identify the {function.Dimension} parameters {string.Join(", ", names)}; fit on more customers.")
            : rows < function.Dimension
                ? string.Create(c, $"the data hold {rows} distinct row{(rows == 1 ? string.Empty : "s")}, fewer than the {function.Dimension} parameters {string.Join(", ", names)} (identical customers cannot identify the model).")
                : null;
        var lower = new double[initial.Length];
        var upper = new double[initial.Length];
        for (var i = 0; i < initial.Length; i++)
        {
            lower[i] = Math.Max(initial[i] - (SearchRange * Math.Log(10)), Math.Log(Models.HistoryGuard.ParameterMinimum));
            upper[i] = Math.Min(initial[i] + (SearchRange * Math.Log(10)), Math.Log(Models.HistoryGuard.ParameterMaximum));
        }

        var search = new Search(function, customers, progress, lower, upper, options, cancellationToken);
        if (notIdentifiable is not null)
        {
            return Refused(initial, customers, rows, modelName, names, build, FitExitReason.NotIdentifiable, notIdentifiable, 0, search);
        }

        try
        {
            return Optimize(search, initial, customers, rows, modelName, names, build, options);
        }
        catch (BoundaryReachedException ex)
        {
            return Refused(search.BestTheta, customers, rows, modelName, names, build, FitExitReason.NotIdentifiable, EdgeReason(search, names, ex.Parameter), search.GradientCalls, search);
        }
        catch (BudgetExhaustedException ex)
        {
            var best = search.BestTheta.All(double.IsFinite) && double.IsFinite(search.BestLogLikelihood) ? search.BestTheta : initial;
            return Refused(best, customers, rows, modelName, names, build, FitExitReason.BudgetExhausted, ex.Message, search.GradientCalls, search);
        }
    }

    /// <summary>A result without an optimum: the given point, no standard errors, the verdict and its reason.</summary>
    private static FitResult<TModel> Refused<TModel>(double[] theta, double customers, int rows, string modelName, IReadOnlyList<string> names, Func<double[], TModel> build, FitExitReason reason, string why, int iterations, Search search)
        where TModel : class
    {
        var estimates = theta.Select(v => Math.Exp(v)).ToArray();
        var ll = double.IsFinite(search.BestLogLikelihood) ? search.BestLogLikelihood : 0;
        return new FitResult<TModel>
        {
            Model = build(estimates),
            ModelName = modelName,
            Parameters = [.. estimates.Select((v, i) => new ParameterEstimate(names[i], v, null))],
            Covariance = null,
            LogLikelihood = ll,
            CustomerCount = customers,
            RowCount = rows,
            Iterations = iterations,
            Evaluations = search.Evaluations,
            GradientNorm = search.LastGradientNorm,
            ExitReason = reason,
            Reason = why,
        };
    }

    private static FitResult<TModel> Optimize<TModel>(Search search, double[] initial, double customers, int rows, string modelName, IReadOnlyList<string> names, Func<double[], TModel> build, FitOptions options)
        where TModel : class
    {
        search.Value(initial);
        if (!double.IsFinite(search.BestLogLikelihood))
        {
            throw new ArgumentException($"The {modelName} log-likelihood is not finite at the start values ({string.Join(", ", initial.Select(v => Math.Exp(v).ToString("R", System.Globalization.CultureInfo.InvariantCulture)))}); pass other FitOptions.Start values.", nameof(options));
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
        catch (Exception ex) when (ex is not OperationCanceledException and not BudgetExhaustedException and not BoundaryReachedException && ex.GetType().Namespace?.StartsWith("MathNet", StringComparison.Ordinal) == true)
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

        var estimates = theta0.Select(v => Math.Exp(v)).ToArray();
        var c = System.Globalization.CultureInfo.InvariantCulture;
        var edge = search.AtEdge(theta0);

        FitExitReason reason;
        string? why = null;
        if (edge >= 0)
        {
            reason = FitExitReason.NotIdentifiable;
            why = EdgeReason(search, names, edge);
        }
        else if (hitMaximum)
        {
            reason = FitExitReason.MaximumIterations;
            why = string.Create(c, $"the optimizer used its {options.MaximumIterations} iterations (gradient norm {gradientNorm:G3}); reaching the limit is not convergence.");
        }
        else if (gradientNorm > options.GradientTolerance)
        {
            reason = FitExitReason.Stalled;
            why = string.Create(c, $"the optimizer stopped making progress at gradient norm {gradientNorm:G3} (tolerance {options.GradientTolerance:G3}).");
        }
        else if (covariance is null)
        {
            reason = FitExitReason.NotAMaximum;
            why = "the gradient is within the tolerance but the Hessian is not negative definite (a saddle point or a flat ridge).";
        }
        else
        {
            reason = FitExitReason.Converged;
        }

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
            Reason = why,
        };
    }

    private static string EdgeReason(Search search, IReadOnlyList<string> names, int edge) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{names[edge]} ran to {Math.Exp(search.BestTheta[edge]):G4}, the edge of the searched range [{Math.Exp(search.Lower[edge]):G3}, {Math.Exp(search.Upper[edge]):G3}]: the likelihood keeps rising towards a boundary, so the data cannot pin {names[edge]} down (too few customers, too little variety among them, or no sign of dropout).");

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
    private sealed class Search(ILogLikelihoodFunction function, double customers, IProgress<FitProgress>? progress, double[] lower, double[] upper, FitOptions options, CancellationToken cancellationToken)
    {
        private readonly double[] _parameters = new double[function.Dimension];
        private readonly double[] _gradient = new double[function.Dimension];
        private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();

        public int Evaluations { get; private set; }

        /// <summary>The lower edge of the search box, in log-parameters.</summary>
        public double[] Lower => lower;

        /// <summary>The upper edge of the search box, in log-parameters.</summary>
        public double[] Upper => upper;

        private const int EdgeStreak = 25;

        private int _edgeStreak;

        /// <summary>The first parameter within <see cref="EdgeMargin"/> decades of the box edge, or -1.</summary>
        public int AtEdge(double[] theta)
        {
            var margin = EdgeMargin * Math.Log(10);
            for (var i = 0; i < theta.Length; i++)
            {
                if (theta[i] <= lower[i] + margin || theta[i] >= upper[i] - margin)
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>Gradients computed so far (about one per optimizer iteration).</summary>
        public int GradientCalls { get; private set; }

        /// <summary>The largest absolute component of the last gradient computed (mean log-likelihood per customer), or the largest double before any.</summary>
        public double LastGradientNorm { get; private set; } = double.MaxValue;

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
            var value = ValueAndGradientCore(theta, gradient, central);
            GradientCalls++;

            // The best point stuck at the edge of the box for many gradients: the likelihood rises towards a boundary;
            // stop now rather than slide along the wall until the budget is gone.
            var edge = AtEdge(BestTheta);
            _edgeStreak = edge >= 0 ? _edgeStreak + 1 : 0;
            if (_edgeStreak >= EdgeStreak)
            {
                throw new BoundaryReachedException(edge);
            }

            if (value < 1e300 && gradient.All(double.IsFinite))
            {
                LastGradientNorm = MaxAbs(gradient);
            }

            return value;
        }

        private double ValueAndGradientCore(double[] theta, double[] gradient, bool central)
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
            if (Evaluations >= options.MaximumEvaluations)
            {
                throw new BudgetExhaustedException(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"the fit used its budget of {options.MaximumEvaluations} likelihood evaluations (FitOptions.MaximumEvaluations) before it converged."));
            }

            if (_clock.Elapsed > options.TimeLimit)
            {
                throw new BudgetExhaustedException(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"the fit used its time budget of {options.TimeLimit.TotalSeconds:0.###} s (FitOptions.TimeLimit) after {Evaluations} likelihood evaluations, before it converged."));
            }

            Evaluations++;
            var outside = false;
            for (var i = 0; i < theta.Length; i++)
            {
                outside |= !(theta[i] >= lower[i] && theta[i] <= upper[i]);
                _parameters[i] = Math.Exp(theta[i]);
            }

            if (outside)
            {
                // Outside the search box the likelihood may not be computable (and the model could not be built): a wall.
                LastGradientValid = true;
                if (gradient is not null)
                {
                    Array.Clear(gradient);
                }

                return 1e300;
            }

            double ll;
            try
            {
                ll = function.Evaluate(_parameters, _gradient);
            }
            catch (ArithmeticException)
            {
                // A special function that cannot be computed at this trial (far out in the box): a wall like a non-finite value.
                ll = double.NaN;
            }

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

    /// <summary>Thrown inside the engine when the evaluation or time budget is used up; caught by <see cref="Fit"/>.</summary>
    private sealed class BudgetExhaustedException(string message) : Exception(message);

    /// <summary>Thrown inside the engine when the best point stays at the edge of the search box; caught by <see cref="Fit"/>.</summary>
    private sealed class BoundaryReachedException(int parameter) : Exception($"parameter {parameter} is at the edge of the search range")
    {
        public int Parameter { get; } = parameter;
    }
}
