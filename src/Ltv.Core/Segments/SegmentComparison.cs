using System.Globalization;
using System.Text;

using Ltv.Core.Domain;

namespace Ltv.Core.Segments;

/// <summary>
/// Segments valued with one model and compared: ranked rows, the base total (sum over segments of
/// customers x LTV) and each segment's share. Built by <see cref="SegmentAnalysis"/>.
/// </summary>
/// <remarks>
/// <see cref="Rows"/> is a list of flat records (display it as a table in a notebook);
/// <see cref="ToText"/> renders the same table as aligned plain text. Immutable.
/// </remarks>
public sealed record SegmentComparison
{
    internal SegmentComparison(string model, Currency currency, IReadOnlyList<SegmentValuation> rows, Money baseTotal, long customerCount)
    {
        Model = model;
        Currency = currency;
        Rows = rows;
        BaseTotal = baseTotal;
        CustomerCount = customerCount;
    }

    /// <summary>The model's name.</summary>
    public string Model { get; }

    /// <summary>The currency of every amount.</summary>
    public Currency Currency { get; }

    /// <summary>The segments, most valuable per customer first.</summary>
    public IReadOnlyList<SegmentValuation> Rows { get; }

    /// <summary>The value of the whole base: the sum of the segments' total values.</summary>
    public Money BaseTotal { get; }

    /// <summary>Customers in the base.</summary>
    public long CustomerCount { get; }

    /// <summary>The row of a segment.</summary>
    /// <param name="key">The segment key (ordinal match).</param>
    /// <returns>The row.</returns>
    /// <exception cref="KeyNotFoundException">No segment has that key; the message names it.</exception>
    public SegmentValuation this[string key] =>
        Rows.FirstOrDefault(r => string.Equals(r.Key, key, StringComparison.Ordinal))
        ?? throw new KeyNotFoundException($"key '{key}' is not a segment of this comparison.");

    /// <summary>The keys in rank order (most valuable per customer first).</summary>
    public IReadOnlyList<string> Ranking => Rows.Select(r => r.Key).ToArray();

    /// <summary>
    /// The comparison as an aligned plain-text table: rank, segment, customers, LTV per customer, total,
    /// share (percent, one decimal) and LTV:CAC, then a base line. Amounts are rounded for display only.
    /// </summary>
    /// <returns>The table.</returns>
    public string ToText()
    {
        string[] header = ["Rank", "Segment", "Customers", "LTV/customer", "Total value", "Share", "LTV:CAC"];
        var lines = new List<string[]> { header };
        foreach (var row in Rows)
        {
            lines.Add(
            [
                row.Rank.ToString(CultureInfo.InvariantCulture),
                row.Key,
                row.CustomerCount.ToString("N0", CultureInfo.InvariantCulture),
                row.LifetimeValue.ToString(),
                row.TotalValue.ToString(),
                ShowShare(row.Share),
                row.Ratio?.ToString() ?? "-",
            ]);
        }

        lines.Add(["", "Base", CustomerCount.ToString("N0", CultureInfo.InvariantCulture), "", BaseTotal.ToString(), BaseTotal.IsZero ? "-" : "100.0 %", ""]);
        var widths = new int[header.Length];
        foreach (var line in lines)
        {
            for (var i = 0; i < line.Length; i++)
            {
                widths[i] = Math.Max(widths[i], line[i].Length);
            }
        }

        var text = new StringBuilder();
        text.Append("Segments valued with the ").Append(Model).Append(" model (").Append(Currency.Code).AppendLine(")");
        foreach (var line in lines)
        {
            var cells = line.Select((cell, i) => i is 1 ? cell.PadRight(widths[i]) : cell.PadLeft(widths[i]));
            text.AppendLine(string.Join("  ", cells).TrimEnd());
        }

        return text.ToString();
    }

    /// <summary>Same as <see cref="ToText"/>.</summary>
    /// <returns>The table.</returns>
    public override string ToString() => ToText();

    private static string ShowShare(decimal? share) =>
        share is { } s ? Math.Round(s * 100m, 1, MidpointRounding.AwayFromZero).ToString("0.0", CultureInfo.InvariantCulture) + " %" : "-";
}
