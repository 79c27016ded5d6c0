using System.Collections.Immutable;
using System.Globalization;

using Ltv.Core.Validation;

namespace Ltv.Core.Domain;

/// <summary>
/// Seasonal weights: one non-negative weight per period of a repeating cycle (12 months, 4 quarters as
/// 3-month blocks are not supported: one weight per <see cref="Per"/> period), multiplying the purchase
/// frequency of that period. Period t of a customer's life uses weight <c>t mod Count</c>, so weight 0
/// is the period in which the customer is acquired.
/// </summary>
/// <remarks>
/// <para>By default the weights must sum to <see cref="Count"/> exactly, so they only redistribute
/// purchases over the cycle and the total over a whole cycle is unchanged (12 monthly weights summing to
/// 12 keep the annual total). Anything else throws <see cref="SeasonalWeightsException"/> naming the
/// field and the value. <see cref="Normalize(IEnumerable{decimal}, TimeUnit)"/> rescales raw weights
/// (for example monthly sales) so they sum to the count; <see cref="ChangingTotal(IEnumerable{decimal}, TimeUnit)"/>
/// accepts any non-negative sum and so scales the cycle's total by <c>Sum / Count</c>: ask for it
/// explicitly.</para>
/// <para>Used by <see cref="Strategies.DiscountedLtvOptions.Seasonality"/> and by
/// <see cref="Economics.PaybackOptions.Seasonality"/>: with discounting or churn, the timing of purchases within
/// the cycle changes the value even when the total is unchanged. Immutable; value equality.</para>
/// </remarks>
public sealed record SeasonalWeights
{
    private SeasonalWeights(ImmutableArray<decimal> weights, TimeUnit per, bool preservesTotal)
    {
        Weights = weights;
        Per = per;
        PreservesTotal = preservesTotal;
    }

    /// <summary>Creates weights that redistribute without changing the cycle total.</summary>
    /// <param name="weights">One weight per period, each zero or more, summing exactly to their count.</param>
    /// <param name="per">The period each weight covers (for example <see cref="TimeUnit.Month"/>).</param>
    /// <exception cref="SeasonalWeightsException">No weights, a negative weight, or the sum is not the count.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="per"/> is undefined.</exception>
    public SeasonalWeights(IEnumerable<decimal> weights, TimeUnit per)
        : this(Validate(weights, per, requireSumEqualsCount: true), per, true)
    {
    }

    /// <summary>The weights, one per period of the cycle.</summary>
    public ImmutableArray<decimal> Weights { get; }

    /// <summary>The period each weight covers.</summary>
    public TimeUnit Per { get; }

    /// <summary><see langword="true"/> when the weights sum to <see cref="Count"/> (the cycle total is kept).</summary>
    public bool PreservesTotal { get; }

    /// <summary>The number of periods in the cycle.</summary>
    public int Count => Weights.Length;

    /// <summary>The sum of the weights.</summary>
    public decimal Sum
    {
        get
        {
            var sum = 0m;
            foreach (var weight in Weights)
            {
                sum += weight;
            }

            return sum;
        }
    }

    /// <summary>The weight of period <paramref name="periodIndex"/> of a customer's life (0 = the first period).</summary>
    /// <param name="periodIndex">The period, zero or more.</param>
    /// <returns>The weight of period <c>periodIndex mod Count</c>.</returns>
    public decimal Weight(long periodIndex) => Weights[(int)(periodIndex % Weights.Length)];

    /// <summary>
    /// Rescales raw weights (for example monthly sales) so they sum to their count exactly: each weight is
    /// multiplied by <c>Count / Sum</c>, and the last one takes the decimal rounding remainder.
    /// </summary>
    /// <param name="rawWeights">Non-negative raw weights with a positive sum.</param>
    /// <param name="per">The period each weight covers.</param>
    /// <returns>Weights that keep the cycle total.</returns>
    /// <exception cref="SeasonalWeightsException">No weights, a negative weight, or a zero sum.</exception>
    public static SeasonalWeights Normalize(IEnumerable<decimal> rawWeights, TimeUnit per)
    {
        var raw = Validate(rawWeights, per, requireSumEqualsCount: false);
        var sum = 0m;
        foreach (var weight in raw)
        {
            sum += weight;
        }

        if (sum <= 0m)
        {
            throw new SeasonalWeightsException("weights", "of positive sum to be normalized", Guard.Show(sum));
        }

        var count = raw.Length;
        var scaled = ImmutableArray.CreateBuilder<decimal>(count);
        var running = 0m;
        for (var i = 0; i < count - 1; i++)
        {
            var w = raw[i] * count / sum;
            scaled.Add(w);
            running += w;
        }

        scaled.Add(Math.Max(0m, count - running));
        return new SeasonalWeights(scaled.MoveToImmutable(), per, true);
    }

    /// <summary>
    /// Weights that may change the cycle total: any non-negative weights, the total over a cycle being
    /// scaled by <c>Sum / Count</c>. Use only when the change is intended (for example a forecast uplift).
    /// </summary>
    /// <param name="weights">Non-negative weights.</param>
    /// <param name="per">The period each weight covers.</param>
    /// <returns>The weights.</returns>
    /// <exception cref="SeasonalWeightsException">No weights or a negative weight.</exception>
    public static SeasonalWeights ChangingTotal(IEnumerable<decimal> weights, TimeUnit per)
    {
        var valid = Validate(weights, per, requireSumEqualsCount: false);
        var sum = 0m;
        foreach (var weight in valid)
        {
            sum += weight;
        }

        return new SeasonalWeights(valid, per, sum == valid.Length);
    }

    /// <inheritdoc />
    public bool Equals(SeasonalWeights? other) =>
        other is not null && Per == other.Per && PreservesTotal == other.PreservesTotal && Weights.SequenceEqual(other.Weights);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Per, Count, Sum);

    /// <summary>Text such as <c>12 weights per month [1.2, 0.8, ...] (sum 12)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        $"{Count} weights per {TimeUnits.Name(Per)} [{string.Join(", ", Weights.Select(w => w.ToString(CultureInfo.InvariantCulture)))}] (sum {Guard.Show(Sum)})";

    private static ImmutableArray<decimal> Validate(IEnumerable<decimal> weights, TimeUnit per, bool requireSumEqualsCount)
    {
        ArgumentNullException.ThrowIfNull(weights);
        Guard.Defined(per);

        var array = weights.ToImmutableArray();
        if (array.Length == 0)
        {
            throw new SeasonalWeightsException("weights", "at least one weight", "empty");
        }

        var sum = 0m;
        for (var i = 0; i < array.Length; i++)
        {
            if (array[i] < 0m)
            {
                throw new SeasonalWeightsException($"weights[{i.ToString(CultureInfo.InvariantCulture)}]", "zero or more", Guard.Show(array[i]));
            }

            sum += array[i];
        }

        if (requireSumEqualsCount && sum != array.Length)
        {
            throw new SeasonalWeightsException(
                "weights",
                $"summing to the period count {array.Length.ToString(CultureInfo.InvariantCulture)} (use SeasonalWeights.Normalize to rescale, or ChangingTotal to change the total on purpose)",
                "sum " + Guard.Show(sum));
        }

        return array;
    }
}
