using System.Globalization;
using System.Text;
using Ltv.Core.Domain;

namespace Ltv.Core.Scenarios;

/// <summary>
/// A before/after comparison of a scenario: the outcome of the baseline case, of the changed case, the
/// changes and the differences. <see cref="ToText"/> prints the before/after table.
/// </summary>
/// <param name="Before">The baseline outcome.</param>
/// <param name="After">The outcome after the changes.</param>
/// <param name="Changes">The changes applied, in order.</param>
public sealed record ScenarioComparison(ScenarioOutcome Before, ScenarioOutcome After, IReadOnlyList<DriverChange> Changes)
{
    /// <summary>After - before LTV per customer (exact).</summary>
    public Money LtvDifference => After.LifetimeValue - Before.LifetimeValue;

    /// <summary>LTV after / before - 1 (0.6 is +60 %); <see langword="null"/> when the LTV before is zero.</summary>
    public decimal? LtvRelativeChange => Before.LifetimeValue.IsZero ? null : (After.LifetimeValue / Before.LifetimeValue) - 1m;

    /// <summary>After - before total value (LTV x customers).</summary>
    public Money TotalValueDifference => After.TotalValue - Before.TotalValue;

    /// <summary>After - before acquisition spend; <see langword="null"/> unless both CACs are known.</summary>
    public Money? AcquisitionSpendDifference => (Before.AcquisitionSpend, After.AcquisitionSpend) is ({ } b, { } a) ? a - b : null;

    /// <summary>After - before payback in periods; <see langword="null"/> unless both paybacks are finite and in the same period.</summary>
    public decimal? PaybackDifference =>
        (Before.Payback, After.Payback) is ({ Periods: { } b } pb, { Periods: { } a } pa) && pb.Per == pa.Per ? a - b : null;

    /// <summary><see langword="true"/> when the changes left the LTV per customer exactly as it was: the model does not read the changed drivers (or they cancel out).</summary>
    public bool UnchangedValue => LtvDifference.IsZero;

    /// <summary>The before/after table: one line per driver changed (customer count has its own line), then LTV, LTV:CAC, payback, customers, total value, spend and ROI where known.</summary>
    /// <returns>The text (invariant culture, amounts rounded to the currency for display).</returns>
    public string ToText()
    {
        var rows = new List<(string Name, string Before, string After, string Difference)>();
        foreach (var driver in Changes.Select(c => c.Driver).Where(d => d != ScenarioDriver.CustomerCount).Distinct())
        {
            rows.Add((driver.ToString(), Before.Case.Describe(driver), After.Case.Describe(driver), string.Empty));
        }

        var relative = LtvRelativeChange is { } r ? " (" + Signed(Math.Round(r * 100m, 1, MidpointRounding.AwayFromZero)) + " %)" : string.Empty;
        rows.Add(("LTV", Show(Before.LifetimeValue), Show(After.LifetimeValue), SignedMoney(LtvDifference) + relative));
        if (Before.Ratio is not null || After.Ratio is not null)
        {
            rows.Add(("LTV:CAC", Before.Ratio?.ToString() ?? "-", After.Ratio?.ToString() ?? "-", string.Empty));
        }

        if (Before.Payback is not null || After.Payback is not null)
        {
            var unit = After.Payback?.Per ?? Before.Payback!.Per;
            var difference = PaybackDifference is { } p ? Signed(Math.Round(p, 4, MidpointRounding.AwayFromZero)) + " " + TimeUnits.Name(unit) + "s" : string.Empty;
            rows.Add(("payback", Before.Payback?.ToString() ?? "-", After.Payback?.ToString() ?? "-", difference));
        }

        if (Before.Case.CustomerCount != 1 || After.Case.CustomerCount != 1)
        {
            rows.Add(("customers", Count(Before.Case.CustomerCount), Count(After.Case.CustomerCount), Signed(After.Case.CustomerCount - Before.Case.CustomerCount)));
            rows.Add(("total value", Show(Before.TotalValue), Show(After.TotalValue), SignedMoney(TotalValueDifference)));
            if (Before.AcquisitionSpend is not null || After.AcquisitionSpend is not null)
            {
                rows.Add(("acquisition spend", Before.AcquisitionSpend is { } bs ? Show(bs) : "-", After.AcquisitionSpend is { } a ? Show(a) : "-", AcquisitionSpendDifference is { } d ? SignedMoney(d) : string.Empty));
                rows.Add(("ROI (value / spend)", Multiple(Before), Multiple(After), string.Empty));
            }
        }

        var w0 = rows.Max(x => x.Name.Length);
        var w1 = Math.Max("before".Length, rows.Max(x => x.Before.Length));
        var w2 = Math.Max("after".Length, rows.Max(x => x.After.Length));
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{string.Empty.PadRight(w0)}  {"before".PadLeft(w1)}  {"after".PadLeft(w2)}  difference").AppendLine();
        foreach (var (name, before, after, difference) in rows)
        {
            text.Append($"{name.PadRight(w0)}  {before.PadLeft(w1)}  {after.PadLeft(w2)}  {difference}".TrimEnd()).AppendLine();
        }

        return text.ToString();
    }

    /// <summary>Same as <see cref="ToText"/>.</summary>
    /// <returns>The table.</returns>
    public override string ToString() => ToText();

    internal static string Show(Money money) => money.Round().ToString();

    private static string SignedMoney(Money money) => (money.Amount > 0m ? "+" : string.Empty) + Show(money);

    private static string Signed(decimal value) => (value > 0m ? "+" : string.Empty) + value.ToString("#,0.####", CultureInfo.InvariantCulture);

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Multiple(ScenarioOutcome outcome) =>
        outcome.Return is { } roi ? Math.Round(roi.Multiple, 2, MidpointRounding.AwayFromZero).ToString("0.##", CultureInfo.InvariantCulture) + "x" : "-";
}
