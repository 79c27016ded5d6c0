using Ltv.Core.Domain;
using Ltv.Core.History;

namespace Ltv.Core.Probabilistic.Models;

/// <summary>
/// A fitted "buy till you die" purchase-count model (BG/NBD, MBG/NBD, Pareto/NBD): the predictions
/// users rely on, for one customer summarised as (frequency x, recency t_x, age T).
/// </summary>
/// <remarks>
/// <para>Times (t, t_x, T) are in <see cref="Unit"/>, the unit of the data the model was fitted on.
/// x is the number of repeat purchases (whole, zero or more); t_x the time of the last purchase since
/// the first (0 when x = 0, greater than 0 when x &gt; 0); T the time since the first purchase, at least
/// t_x. T = 0 (x = 0, t_x = 0) is a customer acquired just now. Bad input throws
/// <see cref="ArgumentOutOfRangeException"/> naming the field and the value; no method returns NaN.</para>
/// <para>Implementations are immutable and thread safe.</para>
/// </remarks>
public interface ICountModel
{
    /// <summary>The model's short name ("BG/NBD", "MBG/NBD", "Pareto/NBD").</summary>
    string Name { get; }

    /// <summary>The time unit of the data the model was fitted on.</summary>
    TimeUnit Unit { get; }

    /// <summary>E[X(t)]: expected repeat purchases of a customer acquired at time 0 in (0, t].</summary>
    /// <param name="t">The horizon in <see cref="Unit"/>, zero or more.</param>
    /// <returns>The expected number, zero or more, non-decreasing in t.</returns>
    /// <exception cref="ArgumentOutOfRangeException">t is negative or not finite, beyond the accuracy limit 1e9 · α of BG/NBD and MBG/NBD, or (Pareto/NBD) so long that the result would not be finite; the message names t.</exception>
    double ExpectedPurchases(double t);

    /// <summary>E[Y(t) | x, t_x, T]: expected purchases in (T, T + t] of a customer with the given history.</summary>
    /// <param name="t">The horizon in <see cref="Unit"/>, zero or more.</param>
    /// <param name="frequency">x, repeat purchases.</param>
    /// <param name="recency">t_x.</param>
    /// <param name="age">T.</param>
    /// <returns>The expected number, zero or more, non-decreasing in t.</returns>
    /// <exception cref="ArgumentOutOfRangeException">t is negative or not finite, beyond the accuracy limit 1e9 · α of BG/NBD and MBG/NBD, or (Pareto/NBD) so long that the result would not be finite; the message names t.</exception>
    double ConditionalExpectedPurchases(double t, double frequency, double recency, double age);

    /// <summary>P(alive at T | x, t_x, T): the probability that the customer has not silently left.</summary>
    /// <param name="frequency">x, repeat purchases.</param>
    /// <param name="recency">t_x.</param>
    /// <param name="age">T.</param>
    /// <returns>A probability in [0, 1].</returns>
    double ProbabilityAlive(double frequency, double recency, double age);

    /// <summary>P(X(t) = n): the probability that a customer acquired at time 0 makes exactly n repeat purchases in (0, t].</summary>
    /// <param name="count">n, zero or more.</param>
    /// <param name="t">The horizon in <see cref="Unit"/>, zero or more.</param>
    /// <returns>A probability in [0, 1].</returns>
    /// <exception cref="ArgumentOutOfRangeException">t is negative or not finite, beyond the accuracy limit 1e9 · α of BG/NBD and MBG/NBD, or (Pareto/NBD) so long that the result would not be finite; the message names t.</exception>
    double ProbabilityOfPurchases(int count, double t);

    /// <summary>The total log-likelihood of weighted patterns under the model.</summary>
    /// <param name="patterns">Patterns in <see cref="Unit"/>.</param>
    /// <returns>The sum over rows of weight x ln L(x, t_x, T).</returns>
    /// <exception cref="UnitMismatchException">The patterns are in another unit.</exception>
    double LogLikelihood(RfmPatterns patterns);
}
