using Ltv.Core.Validation;

namespace Ltv.Core.Scenarios;

/// <summary>
/// What-if analysis on a <see cref="ValueCase"/>: a before/after comparison for one or more driver
/// changes, a sweep of one driver over a range, and a tornado table of one-at-a-time sensitivities.
/// </summary>
/// <remarks>
/// <code>
/// var gym = new ValueCase(new ValueDrivers { AveragePurchaseValue = Money.Of(400m, Currency.NOK), PurchaseFrequency = PurchaseRate.PerMonth(1), Lifespan = Duration.Months(10) }, SimpleLtvModel.Instance);
/// var loyalty = ScenarioAnalysis.Compare(gym, DriverChange.Lifespan(Duration.Months(16)));
/// loyalty.LtvDifference; // 2,400.00 NOK: 4,000 -> 6,400 NOK
/// </code>
/// All results come from the case's model: exact decimals for the exact strategies.
/// </remarks>
public static class ScenarioAnalysis
{
    /// <summary>Values the baseline and the baseline with the changes applied in order.</summary>
    /// <param name="baseline">The case before.</param>
    /// <param name="changes">The changes, at least one.</param>
    /// <returns>The before/after comparison.</returns>
    /// <exception cref="ArgumentException">No changes, or a change cannot apply (see <see cref="DriverChange.ApplyTo"/>).</exception>
    public static ScenarioComparison Compare(ValueCase baseline, params IEnumerable<DriverChange> changes)
    {
        Guard.NotNull(baseline);
        var list = Guard.NotNull(changes).ToArray();
        if (list.Length == 0)
        {
            throw new ArgumentException("changes must hold at least one DriverChange (was empty).", nameof(changes));
        }

        return new ScenarioComparison(baseline.Evaluate(), baseline.With(list).Evaluate(), list);
    }

    /// <summary>Values the baseline with each change applied on its own: a sensitivity series over a range (churn 10 %, 9 %, ... 6 %).</summary>
    /// <param name="baseline">The case.</param>
    /// <param name="settings">One change per point of the series.</param>
    /// <returns>The outcomes, in the order of <paramref name="settings"/>.</returns>
    public static IReadOnlyList<ScenarioOutcome> Sweep(ValueCase baseline, IEnumerable<DriverChange> settings)
    {
        Guard.NotNull(baseline);
        return [.. Guard.NotNull(settings).Select(s => Guard.NotNull(s, nameof(settings)).ApplyTo(baseline).Evaluate())];
    }

    /// <summary>Evenly spaced exact decimal steps from <paramref name="from"/> to <paramref name="to"/>, both included (10 %, 9 %, ... 6 % for 0.10, 0.06, 5).</summary>
    /// <param name="from">The first value.</param>
    /// <param name="to">The last value.</param>
    /// <param name="count">How many values, at least 2.</param>
    /// <returns>The values.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than 2 values.</exception>
    public static IReadOnlyList<decimal> Steps(decimal from, decimal to, int count)
    {
        if (count < 2)
        {
            throw Guard.OutOfRange(nameof(count), "at least 2", count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var values = new decimal[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = i == count - 1 ? to : from + ((to - from) * i / (count - 1));
        }

        return values;
    }

    /// <summary>A tornado table: each range's low and high setting applied alone to the baseline, rows sorted by swing.</summary>
    /// <param name="baseline">The case.</param>
    /// <param name="ranges">One range per driver.</param>
    /// <returns>The table.</returns>
    public static TornadoTable Tornado(ValueCase baseline, IEnumerable<DriverRange> ranges)
    {
        Guard.NotNull(baseline);
        var before = baseline.Evaluate();
        var rows = new List<TornadoRow>();
        foreach (var range in Guard.NotNull(ranges))
        {
            Guard.NotNull(range, nameof(ranges));
            var low = range.Low.ApplyTo(baseline);
            var high = range.High.ApplyTo(baseline);
            rows.Add(new TornadoRow(range.Driver, low.Describe(range.Driver), high.Describe(range.Driver), low.Evaluate(), high.Evaluate(), before.LifetimeValue));
        }

        rows.Sort(TornadoTable.Compare);
        return new TornadoTable(before, rows);
    }
}
