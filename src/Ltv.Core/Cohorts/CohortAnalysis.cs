using System.Globalization;
using Ltv.Core.Domain;
using Ltv.Core.History;
using Ltv.Core.Probabilistic.Models;
using Ltv.Core.Validation;

namespace Ltv.Core.Cohorts;

/// <summary>
/// Cohorts over time: customers grouped by the month or quarter of their first purchase, with cumulative
/// realised revenue per customer by age, and a fitted model's expected continuation.
/// </summary>
/// <remarks>
/// Revenue is every purchase row's amount (the first purchase included), summed exactly in the log's
/// minor units. Age a of a cohort is its a-th period after the acquisition period (age 0 = the acquisition
/// month or quarter); only ages that end on or before the observation end are listed.
/// </remarks>
public static class CohortAnalysis
{
    /// <summary>Builds the cohorts of a purchase log.</summary>
    /// <param name="log">The purchase log.</param>
    /// <param name="period">Month or quarter cohorts.</param>
    /// <param name="observationEnd">The last day of data; rows after it are left out.</param>
    /// <returns>The cohorts, oldest first.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An undefined period.</exception>
    /// <exception cref="ArgumentException">No purchase on or before the observation end.</exception>
    public static CohortTable Build(PurchaseLog log, CohortPeriod period, DateOnly observationEnd)
    {
        Guard.NotNull(log);
        if (!Enum.IsDefined(period))
        {
            throw Guard.OutOfRange(nameof(period), "a defined CohortPeriod", period.ToString());
        }

        var end = observationEnd.DayNumber;
        var first = new int[log.CustomerCount];
        Array.Fill(first, int.MaxValue);
        var customer = log.CustomerIndex;
        var day = log.DayNumber;
        for (var i = 0; i < log.Count; i++)
        {
            if (day[i] <= end && day[i] < first[customer[i]])
            {
                first[customer[i]] = day[i];
            }
        }

        var endIndex = Index(observationEnd, period);
        var cohorts = new SortedDictionary<int, (int Customers, long[] Revenue)>();
        for (var c = 0; c < first.Length; c++)
        {
            if (first[c] != int.MaxValue)
            {
                var key = Index(DateOnly.FromDayNumber(first[c]), period);
                var entry = cohorts.TryGetValue(key, out var e) ? e : (0, new long[endIndex - key + 1]);
                cohorts[key] = (entry.Item1 + 1, entry.Item2);
            }
        }

        if (cohorts.Count == 0)
        {
            throw new ArgumentException($"log must hold a purchase on or before the observation end {observationEnd:yyyy-MM-dd} (none was).", nameof(log));
        }

        var amount = log.AmountMinor;
        for (var i = 0; i < log.Count; i++)
        {
            if (day[i] <= end)
            {
                var cohort = Index(DateOnly.FromDayNumber(first[customer[i]]), period);
                var age = Index(DateOnly.FromDayNumber(day[i]), period) - cohort;
                checked
                {
                    cohorts[cohort].Revenue[age] += amount[i];
                }
            }
        }

        var complete = Start(endIndex + 1, period).AddDays(-1) == observationEnd;
        var list = new List<Cohort>();
        foreach (var (key, (customers, revenue)) in cohorts)
        {
            var ages = endIndex - key + (complete ? 1 : 0);
            var values = new Money[ages];
            long running = 0;
            for (var a = 0; a < ages; a++)
            {
                running += revenue[a];
                values[a] = new Money(MinorUnits.ToDecimal(running, log.MinorUnitScale) / customers, log.Currency);
            }

            list.Add(new Cohort(Key(key, period), Start(key, period), customers, values));
        }

        return new CohortTable(period, observationEnd, log.Currency, list);
    }

    /// <summary>
    /// The expected continuation of each cohort: realised revenue per customer to date plus
    /// spend per purchase x the cohort's mean E[Y(t) | x, t_x, T] at t = 1, 2, ... cohort periods after the
    /// observation end.
    /// </summary>
    /// <param name="table">The cohorts (built to the summaries' observation end).</param>
    /// <param name="log">The purchase log the table was built from (for the revenue to date).</param>
    /// <param name="summaries">Summaries of the same log to the same observation end, with no holdout (calibration end = observation end), in the model's unit.</param>
    /// <param name="model">A count model fitted on the summaries.</param>
    /// <param name="spendPerPurchase">The expected spend per future purchase (for example the Gamma-Gamma mean), in the log's currency.</param>
    /// <param name="periods">Cohort periods to continue, 1 or more.</param>
    /// <returns>One continuation per cohort, in the table's order.</returns>
    /// <exception cref="ArgumentException">The summaries end elsewhere or have a holdout, or the units or currencies differ.</exception>
    public static IReadOnlyList<CohortContinuation> Continue(CohortTable table, PurchaseLog log, CustomerSummaries summaries, ICountModel model, Money spendPerPurchase, int periods)
    {
        Guard.NotNull(table);
        Guard.NotNull(log);
        Guard.NotNull(summaries);
        Guard.NotNull(model);
        summaries.RequireHistory("a cohort continuation");
        if (periods < 1)
        {
            throw Guard.OutOfRange(nameof(periods), "1 or more", periods.ToString(CultureInfo.InvariantCulture));
        }

        if (summaries.Options.ObservationEnd != table.ObservationEnd || summaries.Options.EffectiveCalibrationEnd != table.ObservationEnd)
        {
            throw new ArgumentException($"summaries must end on the table's observation end {table.ObservationEnd:yyyy-MM-dd} with no holdout (end {summaries.Options.ObservationEnd:yyyy-MM-dd}, calibration end {summaries.Options.EffectiveCalibrationEnd:yyyy-MM-dd}).", nameof(summaries));
        }

        if (summaries.Options.Unit != model.Unit)
        {
            throw new UnitMismatchException(summaries.Options.Unit, model.Unit, "a cohort continuation (the summaries must be in the model's unit)");
        }

        CurrencyMismatchException.ThrowIfDifferent(table.Currency, spendPerPurchase.Currency, "a cohort continuation");
        var step = (table.Period == CohortPeriod.Month ? 1m : 3m) * Probabilistic.Holdout.HoldoutValidation.MonthInUnits(summaries.Options);
        var revenue = new Dictionary<int, long>();
        var customers = new Dictionary<int, int>();
        var expected = new Dictionary<int, double[]>();
        var firstDay = summaries.FirstPurchaseDayNumber;
        var x = summaries.Frequency;
        var tx = summaries.Recency;
        var age = summaries.Age;
        for (var i = 0; i < summaries.Count; i++)
        {
            var key = Index(DateOnly.FromDayNumber(firstDay[i]), table.Period);
            customers[key] = customers.GetValueOrDefault(key) + 1;
            var sums = expected.TryGetValue(key, out var s) ? s : expected[key] = new double[periods];
            for (var k = 0; k < periods; k++)
            {
                sums[k] += model.ConditionalExpectedPurchases((double)step * (k + 1), x[i], tx[i], age[i]);
            }
        }

        var end = table.ObservationEnd.DayNumber;
        var firstOfCustomer = new int[log.CustomerCount];
        Array.Fill(firstOfCustomer, int.MaxValue);
        for (var i = 0; i < log.Count; i++)
        {
            if (log.DayNumber[i] <= end)
            {
                firstOfCustomer[log.CustomerIndex[i]] = Math.Min(firstOfCustomer[log.CustomerIndex[i]], log.DayNumber[i]);
            }
        }

        for (var i = 0; i < log.Count; i++)
        {
            if (log.DayNumber[i] <= end)
            {
                var key = Index(DateOnly.FromDayNumber(firstOfCustomer[log.CustomerIndex[i]]), table.Period);
                revenue[key] = checked(revenue.GetValueOrDefault(key) + log.AmountMinor[i]);
            }
        }

        var result = new List<CohortContinuation>();
        foreach (var cohort in table.Cohorts)
        {
            var key = Index(cohort.Start, table.Period);
            var n = customers.GetValueOrDefault(key);
            var toDate = new Money(MinorUnits.ToDecimal(revenue.GetValueOrDefault(key), log.MinorUnitScale) / cohort.CustomerCount, table.Currency);
            var values = new Money[periods];
            for (var k = 0; k < periods; k++)
            {
                var mean = n > 0 ? expected[key][k] / n : 0;
                values[k] = toDate + (spendPerPurchase * Guard.ToDecimal(mean, "expectedPurchases"));
            }

            result.Add(new CohortContinuation(cohort, values) { RealisedToDate = toDate });
        }

        return result;
    }

    private static int Index(DateOnly date, CohortPeriod period) =>
        period == CohortPeriod.Month ? (date.Year * 12) + date.Month - 1 : (date.Year * 4) + ((date.Month - 1) / 3);

    private static DateOnly Start(int index, CohortPeriod period) =>
        period == CohortPeriod.Month ? new DateOnly(index / 12, (index % 12) + 1, 1) : new DateOnly(index / 4, ((index % 4) * 3) + 1, 1);

    private static string Key(int index, CohortPeriod period) =>
        period == CohortPeriod.Month
            ? string.Create(CultureInfo.InvariantCulture, $"{index / 12:0000}-{(index % 12) + 1:00}")
            : string.Create(CultureInfo.InvariantCulture, $"{index / 4:0000}-Q{(index % 4) + 1}");
}
