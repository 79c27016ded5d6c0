using System.Globalization;

using Ltv.Core.Domain;
using Ltv.Core.History;

namespace Ltv.Core.IO;

/// <summary>
/// Writes summaries as the summary CSV that <see cref="SummaryCsvReader"/> reads back: the lifetimes columns
/// <c>customer_id,frequency,recency,T,monetary_value</c>, the holdout columns
/// <c>frequency_holdout,monetary_value_holdout,duration_holdout</c> when a summarised log has a calibration end, and
/// <c>time_unit</c>, so the unit travels with the data.
/// </summary>
/// <remarks>
/// Numbers are invariant culture with '.' decimals: recency and T at full precision (round trip), the spend of a
/// summarised log exact (the mean of whole minor units, in major units). A summary without purchase history (read from
/// a file, or <see cref="DiscreteSummarizer"/>'s) is written column by column, every named column at full precision,
/// and <c>time_unit</c> when its unit is known. An id holding a comma, a quote or a line break is quoted (RFC 4180).
/// </remarks>
public static class SummaryCsvWriter
{
    /// <summary>Writes the summaries.</summary>
    /// <param name="summaries">The summaries.</param>
    /// <param name="writer">The target; left open and flushed.</param>
    public static void Write(CustomerSummaries summaries, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(summaries);
        ArgumentNullException.ThrowIfNull(writer);
        if (!summaries.HasPurchaseHistory)
        {
            WriteColumns(summaries, writer);
            return;
        }

        var options = summaries.Options;
        var holdout = options.CalibrationEnd is not null;
        var holdoutDuration = holdout
            ? (options.Convention ?? CalendarConvention.Julian).Convert(options.ObservationEnd.DayNumber - options.EffectiveCalibrationEnd.DayNumber, TimeUnit.Day, options.Unit)
            : 0m;
        writer.WriteLine(holdout
            ? "customer_id,frequency,recency,T,monetary_value,frequency_holdout,monetary_value_holdout,duration_holdout," + SummaryCsvReader.UnitColumn
            : "customer_id,frequency,recency,T,monetary_value," + SummaryCsvReader.UnitColumn);
        var unitText = SummaryCsvReader.UnitText(options.Unit);
        var ids = summaries.CustomerIdArray;
        var frequency = summaries.Frequency;
        var recency = summaries.Recency;
        var age = summaries.Age;
        var holdoutFrequency = summaries.HoldoutFrequency;
        var c = CultureInfo.InvariantCulture;
        for (var i = 0; i < summaries.Count; i++)
        {
            writer.Write(Field(ids[i]));
            writer.Write(',');
            writer.Write(frequency[i].ToString(c));
            writer.Write(',');
            writer.Write(recency[i].ToString("R", c));
            writer.Write(',');
            writer.Write(age[i].ToString("R", c));
            writer.Write(',');
            writer.Write(summaries.MonetaryAt(i).Amount.ToString(c));
            if (holdout)
            {
                var n = holdoutFrequency[i];
                var spend = summaries.HoldoutSpendAt(i).Amount;
                writer.Write(',');
                writer.Write(n.ToString(c));
                writer.Write(',');
                writer.Write((n == 0 ? 0m : spend / n).ToString(c));
                writer.Write(',');
                writer.Write(holdoutDuration.ToString(c));
            }

            writer.Write(',');
            writer.Write(unitText);
            writer.WriteLine();
        }

        writer.Flush();
    }

    /// <summary>A summary without purchase history: its named columns, the lifetimes ones first.</summary>
    private static void WriteColumns(CustomerSummaries summaries, TextWriter writer)
    {
        var names = summaries.ColumnNamesInFileOrder();
        var unitText = summaries.Unit is { } unit ? SummaryCsvReader.UnitText(unit) : null;
        writer.WriteLine(string.Join(',', [SummaryCsvReader.IdColumn, .. names.Select(Field), .. unitText is null ? Array.Empty<string>() : [SummaryCsvReader.UnitColumn]]));
        var ids = summaries.CustomerIdArray;
        var c = CultureInfo.InvariantCulture;
        for (var i = 0; i < summaries.Count; i++)
        {
            writer.Write(Field(ids[i]));
            foreach (var name in names)
            {
                writer.Write(',');
                writer.Write(summaries.Column(name)[i].ToString("R", c));
            }

            if (unitText is not null)
            {
                writer.Write(',');
                writer.Write(unitText);
            }

            writer.WriteLine();
        }

        writer.Flush();
    }

    private static string Field(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
}
