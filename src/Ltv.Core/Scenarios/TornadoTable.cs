using System.Globalization;
using System.Text;


namespace Ltv.Core.Scenarios;

/// <summary>A tornado (one-at-a-time sensitivity) table: for each driver, the LTV at its low and high setting, widest swing first.</summary>
/// <param name="Baseline">The baseline outcome.</param>
/// <param name="Rows">The rows, sorted by <see cref="TornadoRow.Swing"/> descending (ties by driver order).</param>
public sealed record TornadoTable(ScenarioOutcome Baseline, IReadOnlyList<TornadoRow> Rows)
{
    private static readonly string[] Header = ["driver", "low", "high", "LTV at low", "LTV at high", "swing"];

    /// <summary>The table as text: driver, low and high settings, LTV at each, and the swing.</summary>
    /// <returns>The text (invariant culture, amounts rounded for display).</returns>
    public string ToText()
    {
        var lines = new List<string[]> { Header };
        foreach (var row in Rows)
        {
            lines.Add([row.Driver.ToString(), row.LowSetting, row.HighSetting, ScenarioComparison.Show(row.Low.LifetimeValue), ScenarioComparison.Show(row.High.LifetimeValue), ScenarioComparison.Show(row.Swing)]);
        }

        var widths = Enumerable.Range(0, 6).Select(c => lines.Max(l => l[c].Length)).ToArray();
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"baseline LTV {ScenarioComparison.Show(Baseline.LifetimeValue)}").AppendLine();
        foreach (var line in lines)
        {
            text.Append(line[0].PadRight(widths[0]));
            for (var c = 1; c < line.Length; c++)
            {
                text.Append("  ").Append(c < 3 ? line[c].PadRight(widths[c]) : line[c].PadLeft(widths[c]));
            }

            text.AppendLine();
        }

        return text.ToString();
    }

    /// <summary>Same as <see cref="ToText"/>.</summary>
    /// <returns>The table.</returns>
    public override string ToString() => ToText();

    internal static int Compare(TornadoRow a, TornadoRow b)
    {
        var bySwing = b.Swing.Amount.CompareTo(a.Swing.Amount);
        return bySwing != 0 ? bySwing : a.Driver.CompareTo(b.Driver);
    }

}
