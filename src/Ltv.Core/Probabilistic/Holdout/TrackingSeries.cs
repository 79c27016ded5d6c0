using Ltv.Core.Domain;

namespace Ltv.Core.Probabilistic.Holdout;

/// <summary>
/// Expected vs actual repeat transactions of a whole cohort period by period, across calibration and
/// holdout (the "tracking" plots of BTYD and lifetimes). Index k holds period k + 1.
/// </summary>
/// <param name="Unit">The period length: one unit.</param>
/// <param name="CalibrationPeriods">Periods in the calibration part (the calibration end falls in the last one).</param>
/// <param name="ActualIncremental">Actual repeat transactions in each period.</param>
/// <param name="ExpectedIncremental">Expected repeat transactions in each period.</param>
/// <param name="ActualCumulative">Actual repeat transactions up to the end of each period.</param>
/// <param name="ExpectedCumulative">Expected repeat transactions up to the end of each period.</param>
public sealed record TrackingSeries(
    TimeUnit Unit,
    int CalibrationPeriods,
    IReadOnlyList<double> ActualIncremental,
    IReadOnlyList<double> ExpectedIncremental,
    IReadOnlyList<double> ActualCumulative,
    IReadOnlyList<double> ExpectedCumulative)
{
    /// <summary>Number of periods.</summary>
    public int PeriodCount => ActualIncremental.Count;

    /// <summary>Actual repeat transactions in the holdout periods.</summary>
    public double HoldoutActual => ActualCumulative[^1] - (CalibrationPeriods > 0 ? ActualCumulative[CalibrationPeriods - 1] : 0);

    /// <summary>Expected repeat transactions in the holdout periods.</summary>
    public double HoldoutExpected => ExpectedCumulative[^1] - (CalibrationPeriods > 0 ? ExpectedCumulative[CalibrationPeriods - 1] : 0);
}
