using Parquet;
using Parquet.Schema;

namespace Ltv.Core.Tests.IO.Parquet;

/// <summary>Writes small purchase-log Parquet files with Parquet.Net for the tests: text ids, DATE, DECIMAL(18,2) or DOUBLE amounts, NULLs allowed.</summary>
internal static class ParquetFiles
{
    public static void WriteLog(string path, IReadOnlyList<(string? Id, DateOnly? Date, decimal? Amount)> rows, int rowGroupSize = int.MaxValue, string amountColumn = "amount")
    {
        var id = new DataField<string>("customer_id", nullable: true);
        var date = new DateTimeDataField("date", DateTimeFormat.Date, isNullable: true);
        var amount = new DecimalDataField(amountColumn, 18, 2, isNullable: true);
        using var stream = File.Create(path);
        var writer = ParquetWriter.CreateAsync(new ParquetSchema(id, date, amount), stream).GetAwaiter().GetResult();
        try
        {
            Write(writer, rows, rowGroupSize, id, date, amount);
        }
        finally
        {
            writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private static void Write(ParquetWriter writer, IReadOnlyList<(string? Id, DateOnly? Date, decimal? Amount)> rows, int rowGroupSize, DataField id, DataField date, DataField amount)
    {
        for (var start = 0; start < rows.Count; start += rowGroupSize)
        {
            var part = rows.Skip(start).Take(rowGroupSize).ToArray();
            using var group = writer.CreateRowGroup();
            group.WriteAsync(id, part.Select(r => r.Id).ToArray()).GetAwaiter().GetResult();
            group.WriteAsync<DateTime>(date, part.Select(r => r.Date?.ToDateTime(TimeOnly.MinValue)).ToArray()).GetAwaiter().GetResult();
            group.WriteAsync<decimal>(amount, part.Select(r => r.Amount).ToArray()).GetAwaiter().GetResult();
        }
    }

    public static (string? Id, DateOnly? Date, decimal? Amount) Row(string? id, string? date, decimal? amount) =>
        (id, date is null ? null : DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), amount);
}
