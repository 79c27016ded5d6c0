using Ltv.Core.Validation;

namespace Ltv.Core.Scenarios;

/// <summary>A low and a high setting of one driver, for a <see cref="TornadoTable"/>.</summary>
public sealed record DriverRange
{
    /// <summary>Creates a range.</summary>
    /// <param name="low">The low setting.</param>
    /// <param name="high">The high setting (same driver).</param>
    /// <exception cref="ArgumentException">The two changes are to different drivers.</exception>
    public DriverRange(DriverChange low, DriverChange high)
    {
        Guard.NotNull(low);
        Guard.NotNull(high);
        if (low.Driver != high.Driver)
        {
            throw new ArgumentException($"high must change the same driver as low (low changes {low.Driver}, high changes {high.Driver}).", nameof(high));
        }

        Low = low;
        High = high;
    }

    /// <summary>The driver.</summary>
    public ScenarioDriver Driver => Low.Driver;

    /// <summary>The low setting.</summary>
    public DriverChange Low { get; }

    /// <summary>The high setting.</summary>
    public DriverChange High { get; }

    /// <summary>The driver scaled down and up by a fraction of its current value: <c>Relative(Churn, 0.2m)</c> is churn x 0.8 and x 1.2.</summary>
    /// <param name="driver">The driver.</param>
    /// <param name="fraction">The fraction, in [0, 1].</param>
    /// <returns>The range.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The fraction is outside [0, 1].</exception>
    public static DriverRange Relative(ScenarioDriver driver, decimal fraction)
    {
        if (fraction is < 0m or > 1m)
        {
            throw Guard.OutOfRange(nameof(fraction), "in [0, 1]", Guard.Show(fraction));
        }

        return new(DriverChange.Scale(driver, 1m - fraction), DriverChange.Scale(driver, 1m + fraction));
    }
}
