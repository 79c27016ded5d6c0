using System.Buffers;

using Ltv.Core.Validation;

namespace Ltv.Core.Probabilistic.Models;

/// <summary>
/// Bulk DERT and the one-pass "predict all" (E[Y(t) | x, t_x, T], P(alive) and DERT) over many customers. The library's
/// models compute once per distinct (x, t_x, T) pattern and share the expensive terms across patterns (ln ₂F₁ per
/// distinct (x, y) pair and the DERT integral per distinct T for Pareto/NBD; the "given alive" terms per distinct (x, T)
/// for BG/NBD and MBG/NBD), so the cost grows with patterns, not customers; the results equal the one-customer methods.
/// </summary>
public static class ResidualTransactionsExtensions
{
    /// <summary>DERT for every customer: one value per element of the input spans.</summary>
    /// <param name="model">The model.</param>
    /// <param name="continuousDiscountRate">δ per the model's unit, finite and positive.</param>
    /// <param name="frequency">x per customer.</param>
    /// <param name="recency">t_x per customer.</param>
    /// <param name="age">T per customer.</param>
    /// <param name="destination">Receives DERT per customer; must not share memory with an input.</param>
    /// <exception cref="ArgumentException">The spans differ in length, or <paramref name="destination"/> shares memory with an input.</exception>
    /// <exception cref="ArgumentOutOfRangeException">δ is not finite and positive, or a customer's values break the conventions.</exception>
    public static void DiscountedExpectedResidualTransactions(this IResidualTransactionsModel model, double continuousDiscountRate, ReadOnlySpan<double> frequency, ReadOnlySpan<double> recency, ReadOnlySpan<double> age, Span<double> destination)
    {
        ArgumentNullException.ThrowIfNull(model);
        Guard.FinitePositive(continuousDiscountRate);
        Lengths(frequency.Length, recency.Length, age.Length, destination.Length, nameof(destination));
        CountModelExtensions.CheckSeparate(destination, nameof(destination), frequency, recency, age);
        Run(model, null, continuousDiscountRate, frequency, recency, age, [], [], destination);
    }

    /// <summary>
    /// E[Y(t) | x, t_x, T], P(alive) and DERT for every customer in one pass (what CLVTools' <c>predict()</c> reports
    /// besides spend); each output equals the corresponding one-customer method.
    /// </summary>
    /// <param name="model">The model.</param>
    /// <param name="t">The horizon of the expected purchases, in the model's unit.</param>
    /// <param name="continuousDiscountRate">δ per the model's unit for DERT, finite and positive.</param>
    /// <param name="frequency">x per customer.</param>
    /// <param name="recency">t_x per customer.</param>
    /// <param name="age">T per customer.</param>
    /// <param name="expectedPurchases">Receives E[Y(t) | x, t_x, T] per customer.</param>
    /// <param name="probabilityAlive">Receives P(alive) per customer.</param>
    /// <param name="discountedResidualTransactions">Receives DERT per customer.</param>
    /// <exception cref="ArgumentException">The spans differ in length, or an output shares memory with an input or another output.</exception>
    /// <exception cref="ArgumentOutOfRangeException">t or δ is out of range, or a customer's values break the conventions.</exception>
    public static void PredictAll(this IResidualTransactionsModel model, double t, double continuousDiscountRate, ReadOnlySpan<double> frequency, ReadOnlySpan<double> recency, ReadOnlySpan<double> age, Span<double> expectedPurchases, Span<double> probabilityAlive, Span<double> discountedResidualTransactions)
    {
        ArgumentNullException.ThrowIfNull(model);
        HistoryGuard.Horizon(t);
        if (model is BgNbdModel bg)
        {
            BetaGeometric.Horizon(t, bg.Alpha);
        }
        else if (model is MbgNbdModel mbg)
        {
            BetaGeometric.Horizon(t, mbg.Alpha);
        }

        Guard.FinitePositive(continuousDiscountRate);
        Lengths(frequency.Length, recency.Length, age.Length, expectedPurchases.Length, nameof(expectedPurchases));
        Lengths(frequency.Length, recency.Length, age.Length, probabilityAlive.Length, nameof(probabilityAlive));
        Lengths(frequency.Length, recency.Length, age.Length, discountedResidualTransactions.Length, nameof(discountedResidualTransactions));
        CountModelExtensions.CheckSeparate(expectedPurchases, nameof(expectedPurchases), frequency, recency, age);
        CountModelExtensions.CheckSeparate(probabilityAlive, nameof(probabilityAlive), frequency, recency, age);
        CountModelExtensions.CheckSeparate(discountedResidualTransactions, nameof(discountedResidualTransactions), frequency, recency, age);
        SpanOverlap.Refuse<double, double>(probabilityAlive, nameof(probabilityAlive), expectedPurchases, nameof(expectedPurchases));
        SpanOverlap.Refuse<double, double>(discountedResidualTransactions, nameof(discountedResidualTransactions), expectedPurchases, nameof(expectedPurchases));
        SpanOverlap.Refuse<double, double>(discountedResidualTransactions, nameof(discountedResidualTransactions), probabilityAlive, nameof(probabilityAlive));
        Run(model, t, continuousDiscountRate, frequency, recency, age, expectedPurchases, probabilityAlive, discountedResidualTransactions);
    }

    /// <summary>Per distinct pattern, then scattered; an empty output is not computed.</summary>
    private static void Run(IResidualTransactionsModel model, double? t, double delta, ReadOnlySpan<double> frequency, ReadOnlySpan<double> recency, ReadOnlySpan<double> age, Span<double> expected, Span<double> alive, Span<double> dert)
    {
        var patterns = PatternIndex.Build(frequency, recency, age);
        var n = patterns.Count;
        var buffer = ArrayPool<double>.Shared.Rent(3 * n);
        try
        {
            var patternAlive = buffer.AsSpan(0, n);
            var patternExpected = t is null ? [] : buffer.AsSpan(n, n);
            var patternDert = buffer.AsSpan(2 * n, n);
            var horizon = t ?? 0;
            switch (model)
            {
                case ParetoNbdModel pareto:
                    ParetoNbdBulk.Compute(pareto, patterns, horizon, delta, patternAlive, patternExpected, patternDert);
                    break;
                case BgNbdModel bg:
                    BetaGeometricDert.Compute(bg.R, bg.Alpha, bg.A, bg.B, modified: false, patterns, horizon, delta, patternAlive, patternExpected, patternDert);
                    break;
                case MbgNbdModel mbg:
                    BetaGeometricDert.Compute(mbg.R, mbg.Alpha, mbg.A, mbg.B, modified: true, patterns, horizon, delta, patternAlive, patternExpected, patternDert);
                    break;
                default:
                    for (var k = 0; k < n; k++)
                    {
                        double x = patterns.X[k], tx = patterns.Recency[k], T = patterns.Age[k];
                        patternAlive[k] = model.ProbabilityAlive(x, tx, T);
                        if (t is { } h)
                        {
                            patternExpected[k] = model.ConditionalExpectedPurchases(h, x, tx, T);
                        }

                        patternDert[k] = model.DiscountedExpectedResidualTransactions(delta, x, tx, T);
                    }

                    break;
            }

            patterns.Scatter(patternAlive, alive);
            patterns.Scatter(patternExpected, expected);
            patterns.Scatter(patternDert, dert);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(buffer);
        }
    }

    private static void Lengths(int x, int tx, int t, int destination, string name)
    {
        if (x != tx || x != t || x != destination)
        {
            throw new ArgumentException($"frequency, recency, age and {name} must have the same length (were {x}, {tx}, {t}, {destination}).", name);
        }
    }
}
