using Ltv.Core.History;
using Ltv.Core.Probabilistic.Models;
using Ltv.Core.Validation;

namespace Ltv.Core.Probabilistic.Holdout;

/// <summary>Builds <see cref="TrackingSeries"/>: expected vs actual repeat transactions per period, cumulative and incremental.</summary>
/// <remarks>
/// <para>The cohort is every customer whose first purchase is on or before the calibration end (the customers of
/// the calibration summaries). Time starts on the day of the earliest first purchase; period k covers days
/// [(k-1)L, kL) from there, L = one unit in days (7 for weeks; months and years through the options' calendar
/// convention, Julian when none is given). Periods run until the one holding the observation end.</para>
/// <para>Actual: repeat transactions, that is each customer's distinct purchase days after the first
/// (<see cref="TransactionGrouping.SameDay"/>, the convention of the summaries), counted in the period of their
/// day. Expected: Σ over customers of E[X(t - s)], s the customer's first purchase time, t the end of the period
/// (BTYD's <c>*.ExpectedCumulativeTransactions</c>, lifetimes' <c>expected_cumulative_transactions</c>).</para>
/// </remarks>
public static class TransactionTracking
{
    /// <summary>Computes the tracking series of a purchase log under a model fitted on its calibration period.</summary>
    /// <param name="model">The fitted model.</param>
    /// <param name="log">The purchase log.</param>
    /// <param name="options">The summary options the model was fitted with (unit, calibration and observation end).</param>
    /// <returns>The series.</returns>
    /// <exception cref="ArgumentException">The options group by period (only same-day grouping is tracked), have no calibration end before the observation end, or no customer is first seen by the calibration end.</exception>
    /// <exception cref="Domain.UnitMismatchException">The options' unit is not the model's.</exception>
    public static TrackingSeries Compute(ICountModel model, PurchaseLog log, SummaryOptions options)
    {
        Guard.NotNull(model);
        Guard.NotNull(log);
        Guard.NotNull(options);
        if (options.Unit != model.Unit)
        {
            throw new Domain.UnitMismatchException(options.Unit, model.Unit, "a transaction tracking (the options must be in the model's unit)");
        }

        if (options.Grouping != TransactionGrouping.SameDay)
        {
            throw new ArgumentException($"options.Grouping must be SameDay for tracking (was {options.Grouping}): repeat transactions are counted per day.", nameof(options));
        }

        _ = HoldoutValidation.HoldoutLength(options);
        var calibrationEnd = options.EffectiveCalibrationEnd.DayNumber;
        var observationEnd = options.ObservationEnd.DayNumber;

        // Distinct purchase days per customer, within the observation window.
        var days = new HashSet<int>[log.CustomerCount];
        var customer = log.CustomerIndex;
        var day = log.DayNumber;
        for (var i = 0; i < log.Count; i++)
        {
            if (day[i] <= observationEnd)
            {
                (days[customer[i]] ??= []).Add(day[i]);
            }
        }

        var births = new Dictionary<int, int>();
        var origin = int.MaxValue;
        foreach (var set in days)
        {
            if (set is null)
            {
                continue;
            }

            var first = set.Min();
            if (first <= calibrationEnd)
            {
                births[first] = births.GetValueOrDefault(first) + 1;
                origin = Math.Min(origin, first);
            }
        }

        if (births.Count == 0)
        {
            throw new ArgumentException($"log must hold a customer first seen by the calibration end {options.EffectiveCalibrationEnd:yyyy-MM-dd} (none was).", nameof(log));
        }

        var length = HoldoutValidation.DaysToUnit(1, options); // one day in units
        var periodDays = 1 / length;
        var periods = (int)Math.Ceiling((observationEnd - origin + 1) / periodDays - 1e-9);
        var calibrationPeriods = (int)Math.Ceiling((calibrationEnd - origin + 1) / periodDays - 1e-9);
        var actual = new double[periods];
        foreach (var set in days)
        {
            if (set is null)
            {
                continue;
            }

            var first = set.Min();
            if (first > calibrationEnd)
            {
                continue;
            }

            foreach (var d in set)
            {
                if (d != first)
                {
                    actual[Math.Min(periods - 1, (int)Math.Floor((d - origin) * length + 1e-12))]++;
                }
            }
        }

        var expectedCumulative = new double[periods];
        foreach (var (birth, count) in births)
        {
            var s = (birth - origin) * length;
            for (var k = 1; k <= periods; k++)
            {
                if (k > s)
                {
                    expectedCumulative[k - 1] += count * model.ExpectedPurchases(k - s);
                }
            }
        }

        var actualCumulative = new double[periods];
        var expectedIncremental = new double[periods];
        double running = 0;
        for (var k = 0; k < periods; k++)
        {
            running += actual[k];
            actualCumulative[k] = running;
            expectedIncremental[k] = expectedCumulative[k] - (k > 0 ? expectedCumulative[k - 1] : 0);
        }

        return new TrackingSeries(options.Unit, calibrationPeriods, actual, expectedIncremental, actualCumulative, expectedCumulative);
    }
}
