using System.Globalization;
using Ltv.Core.Probabilistic.Models;
using Ltv.Core.Validation;

namespace Ltv.Core.Probabilistic.Holdout;

/// <summary>
/// Plot data for lifetimes' frequency/recency heat maps: P(alive) and expected purchases in the next t for
/// a customer of age T with frequency x = 0..<see cref="MaximumFrequency"/> and recency t_x = 0..T on a grid.
/// </summary>
/// <param name="Age">The age T of the customers in the matrix.</param>
/// <param name="Horizon">The horizon t of <see cref="ExpectedPurchases"/>.</param>
/// <param name="MaximumFrequency">The largest frequency (rows 0..MaximumFrequency).</param>
/// <param name="Recency">The recency of each column, 0..T in equal steps.</param>
/// <param name="ProbabilityAlive">[frequency][column]: P(alive | x, t_x, T); a cell with x &gt; 0 and t_x = 0, or x = 0 and t_x &gt; 0, is impossible and holds 0.</param>
/// <param name="ExpectedPurchases">[frequency][column]: E[Y(t) | x, t_x, T]; impossible cells hold 0.</param>
public sealed record FrequencyRecencyMatrix(double Age, double Horizon, int MaximumFrequency, IReadOnlyList<double> Recency, IReadOnlyList<IReadOnlyList<double>> ProbabilityAlive, IReadOnlyList<IReadOnlyList<double>> ExpectedPurchases)
{
    /// <summary>Computes the matrix.</summary>
    /// <param name="model">The model.</param>
    /// <param name="age">T, greater than 0 (for example the longest calibration age).</param>
    /// <param name="horizon">t, zero or more.</param>
    /// <param name="maximumFrequency">Rows 0..maximumFrequency, 1 or more.</param>
    /// <param name="columns">Recency columns, 2 or more.</param>
    /// <returns>The matrix.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A value out of range; the message names it.</exception>
    public static FrequencyRecencyMatrix Compute(ICountModel model, double age, double horizon, int maximumFrequency = 30, int columns = 40)
    {
        Guard.NotNull(model);
        Guard.FinitePositive(age);
        Guard.FiniteNonNegative(horizon);
        if (maximumFrequency < 1)
        {
            throw Guard.OutOfRange(nameof(maximumFrequency), "1 or more", maximumFrequency.ToString(CultureInfo.InvariantCulture));
        }

        if (columns < 2)
        {
            throw Guard.OutOfRange(nameof(columns), "2 or more", columns.ToString(CultureInfo.InvariantCulture));
        }

        var recency = Enumerable.Range(0, columns).Select(j => age * j / (columns - 1)).ToArray();
        var alive = new double[maximumFrequency + 1][];
        var expected = new double[maximumFrequency + 1][];
        for (var x = 0; x <= maximumFrequency; x++)
        {
            alive[x] = new double[columns];
            expected[x] = new double[columns];
            for (var j = 0; j < columns; j++)
            {
                var tx = recency[j];
                if ((x == 0) != (tx == 0))
                {
                    continue;
                }

                alive[x][j] = model.ProbabilityAlive(x, tx, age);
                expected[x][j] = model.ConditionalExpectedPurchases(horizon, x, tx, age);
            }
        }

        return new FrequencyRecencyMatrix(age, horizon, maximumFrequency, recency, alive, expected);
    }
}
