using Ltv.Core.Domain;
using Ltv.Core.History;
using Ltv.Core.Validation;

namespace Ltv.Core.Probabilistic.Models;

/// <summary>Checks of one customer's (x, t_x, T) and of prediction horizons; messages name the field and the value.</summary>
internal static class HistoryGuard
{
    /// <summary>
    /// x whole and zero or more; T finite and zero or more (0 only for a customer just acquired, x = 0);
    /// 0 ≤ t_x ≤ T; t_x &gt; 0 when x &gt; 0 and t_x = 0 when x = 0.
    /// </summary>
    public static void Check(double frequency, double recency, double age)
    {
        if (!double.IsFinite(frequency) || frequency < 0 || frequency != Math.Floor(frequency))
        {
            throw Guard.OutOfRange(nameof(frequency), "a whole number, zero or more", Guard.Show(frequency));
        }

        if (!double.IsFinite(age) || age < 0)
        {
            throw Guard.OutOfRange(nameof(age), "finite and zero or more", Guard.Show(age));
        }

        if (!double.IsFinite(recency) || recency < 0 || recency > age)
        {
            throw Guard.OutOfRange(nameof(recency), $"between 0 and the age T = {Guard.Show(age)}", Guard.Show(recency));
        }

        if (frequency > 0 && recency == 0)
        {
            throw Guard.OutOfRange(nameof(recency), $"greater than 0 when frequency is {Guard.Show(frequency)} (a repeat purchase happens after the first)", Guard.Show(recency));
        }

        if (frequency == 0 && recency != 0)
        {
            throw Guard.OutOfRange(nameof(recency), "0 when frequency is 0", Guard.Show(recency));
        }
    }

    /// <summary>A prediction horizon: finite and zero or more.</summary>
    public static double Horizon(double t, string name = "t")
    {
        if (!double.IsFinite(t) || t < 0)
        {
            throw Guard.OutOfRange(name, "finite and zero or more", Guard.Show(t));
        }

        return t;
    }

    /// <summary>The smallest parameter value the models compute with (below it Gamma functions and ratios lose their digits).</summary>
    public const double ParameterMinimum = 1e-10;

    /// <summary>The largest parameter value the models compute with (above it sums like r + x and α + T lose the data's digits and the likelihood and predictions are not computable).</summary>
    public const double ParameterMaximum = 1e10;

    /// <summary>A model parameter: finite, positive and within [<see cref="ParameterMinimum"/>, <see cref="ParameterMaximum"/>], the computable range.</summary>
    public static double Parameter(double value, string name)
    {
        Guard.FinitePositive(value, name);
        return value is >= ParameterMinimum and <= ParameterMaximum
            ? value
            : throw Guard.OutOfRange(name, "within the computable range [1e-10, 1e10]", Guard.Show(value));
    }

    /// <summary>A time unit that is defined.</summary>
    public static TimeUnit Unit(TimeUnit unit) =>
        Guard.Defined(unit);

    /// <summary>The patterns must be in the model's unit.</summary>
    public static void SameUnit(RfmPatterns patterns, TimeUnit unit, string context)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        if (patterns.Unit != unit)
        {
            throw new UnitMismatchException(patterns.Unit, unit, context);
        }
    }

    /// <summary>A destination span must match the rows.</summary>
    public static void SameLength(int rows, int destination, string name)
    {
        if (rows != destination)
        {
            throw new ArgumentException($"{name} must have one value per row ({rows}) (was {destination}).", name);
        }
    }
}
