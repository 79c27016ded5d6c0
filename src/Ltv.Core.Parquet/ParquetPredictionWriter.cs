using Ltv.Core.IO;
using Ltv.Core.Probabilistic.Catalog;

using Parquet;
using Parquet.Schema;

namespace Ltv.Core.Parquet;

/// <summary>
/// Writes per-customer predictions to Apache Parquet: <c>customer_id</c> (text) and one DOUBLE column per
/// prediction column of the <see cref="PredictionTable"/>, in its order (the columns of <c>ltv predict</c>'s CSV).
/// </summary>
public static class ParquetPredictionWriter
{
    /// <summary>Writes the predictions to a file (replaced if it exists).</summary>
    /// <param name="path">The file.</param>
    /// <param name="customerIds">The customer id of each row, as many as the predictions have rows.</param>
    /// <param name="predictions">The predictions.</param>
    /// <param name="cancellationToken">Stops the write.</param>
    /// <returns>The write.</returns>
    /// <exception cref="ArgumentException">The ids and the predictions differ in count.</exception>
    public static async Task WriteFileAsync(string path, IReadOnlyList<string> customerIds, PredictionTable predictions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        var stream = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, useAsync: true);
        await using (stream.ConfigureAwait(false))
        {
            await WriteAsync(stream, customerIds, predictions, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Writes the predictions to a writable, seekable stream.</summary>
    /// <param name="stream">The stream; left open.</param>
    /// <param name="customerIds">The customer id of each row, as many as the predictions have rows.</param>
    /// <param name="predictions">The predictions.</param>
    /// <param name="cancellationToken">Stops the write.</param>
    /// <returns>The write.</returns>
    /// <exception cref="ArgumentException">The ids and the predictions differ in count.</exception>
    public static async Task WriteAsync(Stream stream, IReadOnlyList<string> customerIds, PredictionTable predictions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(customerIds);
        ArgumentNullException.ThrowIfNull(predictions);
        if (customerIds.Count != predictions.Count)
        {
            throw new ArgumentException($"customerIds must have one id per prediction row ({predictions.Count}) (was {customerIds.Count}).", nameof(customerIds));
        }

        var id = new DataField<string>(SummaryCsvReader.IdColumn);
        var columns = predictions.Columns.Select(c => new DataField<double>(c)).ToArray();
        var writer = await ParquetWriter.CreateAsync(new ParquetSchema([id, .. columns]), stream, cancellationToken: cancellationToken).ConfigureAwait(false);
        await using (writer.ConfigureAwait(false))
        {
            var size = ParquetSummaryWriter.RowGroupSize;
            for (var start = 0; start < predictions.Count || start == 0; start += size)
            {
                var n = Math.Min(size, predictions.Count - start);
                using var group = writer.CreateRowGroup();
                var ids = new string[n];
                for (var i = 0; i < n; i++)
                {
                    ids[i] = customerIds[start + i];
                }

                await group.WriteAsync(id, ids).ConfigureAwait(false);
                for (var c = 0; c < columns.Length; c++)
                {
                    await group.WriteAsync<double>(columns[c], predictions.Values(c).Slice(start, n).ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
                }

                if (predictions.Count == 0)
                {
                    break;
                }
            }
        }
    }
}
