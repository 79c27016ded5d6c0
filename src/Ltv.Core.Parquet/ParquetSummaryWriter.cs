using Ltv.Core.Domain;
using Ltv.Core.History;
using Ltv.Core.IO;

using Parquet;
using Parquet.Schema;

namespace Ltv.Core.Parquet;

/// <summary>
/// Writes per-customer summaries to Apache Parquet with the columns of <c>ltv summarize</c>'s CSV:
/// <c>customer_id, frequency, recency, T, monetary_value</c>, with a calibration split also
/// <c>frequency_holdout, monetary_value_holdout, duration_holdout</c>, and last <c>time_unit</c>; read back by
/// <see cref="ParquetSummaryReader"/>.
/// </summary>
/// <remarks>
/// Types: customer_id UTF-8 text; frequency and frequency_holdout INT32; the others DOUBLE (the models read doubles;
/// monetary values are the exact decimal means rounded to the nearest double); time_unit text (day, week, month or year).
/// A summary without purchase history (read from a file, or <see cref="DiscreteSummarizer"/>'s) is written column by
/// column: customer_id, its named columns as DOUBLE (the lifetimes ones first) and time_unit when its unit is known.
/// </remarks>
public static class ParquetSummaryWriter
{
    /// <summary>Rows per row group.</summary>
    internal const int RowGroupSize = 1 << 20;

    /// <summary>Writes the summaries to a file (replaced if it exists).</summary>
    /// <param name="path">The file.</param>
    /// <param name="summaries">The summaries; for a summarised log, holdout columns are written when its options have a calibration end.</param>
    /// <param name="cancellationToken">Stops the write.</param>
    /// <returns>The write.</returns>
    public static async Task WriteFileAsync(string path, CustomerSummaries summaries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        var stream = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, useAsync: true);
        await using (stream.ConfigureAwait(false))
        {
            await WriteAsync(stream, summaries, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Writes the summaries to a writable, seekable stream.</summary>
    /// <param name="stream">The stream; left open.</param>
    /// <param name="summaries">The summaries; for a summarised log, holdout columns are written when its options have a calibration end.</param>
    /// <param name="cancellationToken">Stops the write.</param>
    /// <returns>The write.</returns>
    public static async Task WriteAsync(Stream stream, CustomerSummaries summaries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(summaries);
        if (!summaries.HasPurchaseHistory)
        {
            await WriteColumnsAsync(stream, summaries, cancellationToken).ConfigureAwait(false);
            return;
        }

        var options = summaries.Options;
        var holdout = options.CalibrationEnd is not null;
        var id = new DataField<string>(SummaryCsvReader.IdColumn);
        var frequency = new DataField<int>(CustomerSummaries.FrequencyColumn);
        var recency = new DataField<double>(CustomerSummaries.RecencyColumn);
        var age = new DataField<double>(CustomerSummaries.AgeColumn);
        var monetary = new DataField<double>(CustomerSummaries.MonetaryColumn);
        var frequencyHoldout = new DataField<int>("frequency_holdout");
        var monetaryHoldout = new DataField<double>("monetary_value_holdout");
        var durationHoldout = new DataField<double>("duration_holdout");
        var unit = new DataField<string>(SummaryCsvReader.UnitColumn);
        Field[] fields = holdout
            ? [id, frequency, recency, age, monetary, frequencyHoldout, monetaryHoldout, durationHoldout, unit]
            : [id, frequency, recency, age, monetary, unit];
        var duration = holdout
            ? (double)(options.Convention ?? CalendarConvention.Julian).Convert(options.ObservationEnd.DayNumber - options.EffectiveCalibrationEnd.DayNumber, TimeUnit.Day, options.Unit)
            : 0d;
        var unitText = SummaryCsvReader.UnitText(options.Unit);
        var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream, cancellationToken: cancellationToken).ConfigureAwait(false);
        await using (writer.ConfigureAwait(false))
        {
            for (var start = 0; start < summaries.Count || start == 0; start += RowGroupSize)
            {
                var n = Math.Min(RowGroupSize, summaries.Count - start);
                using var group = writer.CreateRowGroup();
                var ids = new string[n];
                var monetaryValues = new double[n];
                var holdoutMonetary = holdout ? new double[n] : [];
                for (var i = 0; i < n; i++)
                {
                    ids[i] = summaries.CustomerIds[start + i];
                    monetaryValues[i] = (double)summaries.MonetaryAt(start + i).Amount;
                    if (holdout)
                    {
                        var x = summaries.HoldoutFrequency[start + i];
                        holdoutMonetary[i] = x == 0 ? 0d : (double)(summaries.HoldoutSpendAt(start + i).Amount / x);
                    }
                }

                await group.WriteAsync(id, ids).ConfigureAwait(false);
                await group.WriteAsync<int>(frequency, summaries.Frequency.Slice(start, n).ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
                await group.WriteAsync<double>(recency, summaries.Recency.Slice(start, n).ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
                await group.WriteAsync<double>(age, summaries.Age.Slice(start, n).ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
                await group.WriteAsync<double>(monetary, monetaryValues, cancellationToken: cancellationToken).ConfigureAwait(false);
                if (holdout)
                {
                    await group.WriteAsync<int>(frequencyHoldout, summaries.HoldoutFrequency.Slice(start, n).ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
                    await group.WriteAsync<double>(monetaryHoldout, holdoutMonetary, cancellationToken: cancellationToken).ConfigureAwait(false);
                    await group.WriteAsync<double>(durationHoldout, Enumerable.Repeat(duration, n).ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
                }

                await group.WriteAsync(unit, Enumerable.Repeat(unitText, n).ToArray()).ConfigureAwait(false);
                if (summaries.Count == 0)
                {
                    break;
                }
            }
        }
    }

    /// <summary>A summary without purchase history: customer_id, its named columns (the lifetimes ones first) and time_unit when known.</summary>
    private static async Task WriteColumnsAsync(Stream stream, CustomerSummaries summaries, CancellationToken cancellationToken)
    {
        var names = summaries.ColumnNamesInFileOrder();
        var id = new DataField<string>(SummaryCsvReader.IdColumn);
        var columns = names.Select(n => new DataField<double>(n)).ToArray();
        var unit = summaries.Unit is { } u ? (Field: new DataField<string>(SummaryCsvReader.UnitColumn), Text: SummaryCsvReader.UnitText(u)) : default;
        Field[] fields = [id, .. columns, .. unit.Field is null ? Array.Empty<Field>() : [unit.Field]];
        var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream, cancellationToken: cancellationToken).ConfigureAwait(false);
        await using (writer.ConfigureAwait(false))
        {
            for (var start = 0; start < summaries.Count || start == 0; start += RowGroupSize)
            {
                var n = Math.Min(RowGroupSize, summaries.Count - start);
                using var group = writer.CreateRowGroup();
                await group.WriteAsync(id, summaries.CustomerIdArray.AsSpan(start, n).ToArray()).ConfigureAwait(false);
                for (var c = 0; c < names.Length; c++)
                {
                    await group.WriteAsync<double>(columns[c], summaries.Column(names[c]).Slice(start, n).ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
                }

                if (unit.Field is not null)
                {
                    await group.WriteAsync(unit.Field, Enumerable.Repeat(unit.Text, n).ToArray()).ConfigureAwait(false);
                }

                if (summaries.Count == 0)
                {
                    break;
                }
            }
        }
    }
}
