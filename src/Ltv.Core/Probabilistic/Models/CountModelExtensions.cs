using Ltv.Core.History;
using Ltv.Core.Validation;

namespace Ltv.Core.Probabilistic.Models;

/// <summary>Bulk predictions of an <see cref="ICountModel"/> over many customers, and the calibration histogram.</summary>
/// <remarks>The library's models share work across customers in bulk: the expensive ₂F₁ terms are computed once per
/// distinct (x, T) (BG/NBD, MBG/NBD) or (x, t_x) and (x, T) pair (Pareto/NBD); results equal the one-customer methods.</remarks>
public static class CountModelExtensions
{
    /// <summary>P(alive) for every customer: one value per element of the input spans.</summary>
    /// <param name="model">The model.</param>
    /// <param name="frequency">x per customer.</param>
    /// <param name="recency">t_x per customer.</param>
    /// <param name="age">T per customer.</param>
    /// <param name="destination">Receives one probability per customer.</param>
    /// <exception cref="ArgumentException">The spans differ in length, or <paramref name="destination"/> shares memory with an input span.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A customer's values break the conventions.</exception>
    public static void ProbabilityAlive(this ICountModel model, ReadOnlySpan<double> frequency, ReadOnlySpan<double> recency, ReadOnlySpan<double> age, Span<double> destination)
    {
        ArgumentNullException.ThrowIfNull(model);
        CheckLengths(frequency.Length, recency.Length, age.Length, destination.Length);
        CheckSeparate(destination, nameof(destination), frequency, recency, age);
        if (model is IBulkCountModel bulk)
        {
            bulk.ProbabilityAliveBulk(frequency, recency, age, destination);
            return;
        }

        for (var i = 0; i < frequency.Length; i++)
        {
            destination[i] = model.ProbabilityAlive(frequency[i], recency[i], age[i]);
        }
    }

    /// <summary>E[Y(t) | x, t_x, T] for every customer.</summary>
    /// <param name="model">The model.</param>
    /// <param name="t">The horizon in the model's unit.</param>
    /// <param name="frequency">x per customer.</param>
    /// <param name="recency">t_x per customer.</param>
    /// <param name="age">T per customer.</param>
    /// <param name="destination">Receives one expectation per customer.</param>
    /// <exception cref="ArgumentException">The spans differ in length, or <paramref name="destination"/> shares memory with an input span.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A customer's values break the conventions, or t is negative.</exception>
    public static void ConditionalExpectedPurchases(this ICountModel model, double t, ReadOnlySpan<double> frequency, ReadOnlySpan<double> recency, ReadOnlySpan<double> age, Span<double> destination)
    {
        ArgumentNullException.ThrowIfNull(model);
        CheckLengths(frequency.Length, recency.Length, age.Length, destination.Length);
        CheckSeparate(destination, nameof(destination), frequency, recency, age);
        if (model is IBulkCountModel bulk)
        {
            bulk.ConditionalExpectedPurchasesBulk(t, frequency, recency, age, destination);
            return;
        }

        for (var i = 0; i < frequency.Length; i++)
        {
            destination[i] = model.ConditionalExpectedPurchases(t, frequency[i], recency[i], age[i]);
        }
    }

    /// <summary>
    /// The expected calibration histogram of repeat purchases ("model vs actual"): for each n the expected
    /// number of customers with exactly n repeat purchases in their own calibration period, Σ w P(X(T) = n);
    /// the last bucket holds "<paramref name="maximumCount"/> or more".
    /// </summary>
    /// <param name="model">The model.</param>
    /// <param name="patterns">The calibration patterns (the ages T are used).</param>
    /// <param name="maximumCount">The first pooled count, 1 or more (lifetimes plots 0..6 and "7+").</param>
    /// <returns><paramref name="maximumCount"/> + 1 expected customer counts that sum to the customer count.</returns>
    /// <exception cref="Domain.UnitMismatchException">The patterns are in another unit than the model.</exception>
    public static IReadOnlyList<double> ExpectedCalibrationHistogram(this ICountModel model, RfmPatterns patterns, int maximumCount = 7)
    {
        ArgumentNullException.ThrowIfNull(model);
        HistoryGuard.SameUnit(patterns, model.Unit, "the expected calibration histogram");
        CheckMaximum(maximumCount);
        var result = new double[maximumCount + 1];
        var byAge = new Dictionary<double, double>();
        for (var i = 0; i < patterns.Count; i++)
        {
            byAge[patterns.Age[i]] = byAge.GetValueOrDefault(patterns.Age[i]) + patterns.Weight[i];
        }

        foreach (var (age, weight) in byAge)
        {
            var below = 0.0;
            for (var n = 0; n < maximumCount; n++)
            {
                var p = model.ProbabilityOfPurchases(n, age);
                result[n] += weight * p;
                below += p;
            }

            result[maximumCount] += weight * Math.Max(0, 1 - below);
        }

        return result;
    }

    /// <summary>The observed calibration histogram: customers with exactly n repeat purchases, the last bucket "<paramref name="maximumCount"/> or more".</summary>
    /// <param name="patterns">The calibration patterns.</param>
    /// <param name="maximumCount">The first pooled count, 1 or more.</param>
    /// <returns><paramref name="maximumCount"/> + 1 customer counts.</returns>
    public static IReadOnlyList<double> ActualCalibrationHistogram(RfmPatterns patterns, int maximumCount = 7)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        CheckMaximum(maximumCount);
        var result = new double[maximumCount + 1];
        for (var i = 0; i < patterns.Count; i++)
        {
            result[(int)Math.Min(patterns.Frequency[i], maximumCount)] += patterns.Weight[i];
        }

        return result;
    }

    private static void CheckMaximum(int maximumCount)
    {
        if (maximumCount < 1)
        {
            throw Guard.OutOfRange(nameof(maximumCount), "1 or more", maximumCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private static void CheckLengths(int x, int tx, int t, int destination)
    {
        if (x != tx || x != t || x != destination)
        {
            throw new ArgumentException($"frequency, recency, age and destination must have the same length (were {x}, {tx}, {t}, {destination}).", nameof(destination));
        }
    }

    /// <summary>An output span must not share memory with an input span (the bulk paths read inputs after writing outputs).</summary>
    internal static void CheckSeparate(ReadOnlySpan<double> output, string outputName, ReadOnlySpan<double> frequency, ReadOnlySpan<double> recency, ReadOnlySpan<double> age)
    {
        SpanOverlap.Refuse(output, outputName, frequency, nameof(frequency));
        SpanOverlap.Refuse(output, outputName, recency, nameof(recency));
        SpanOverlap.Refuse(output, outputName, age, nameof(age));
    }
}
