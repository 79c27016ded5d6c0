using System.Globalization;
using System.Text;

using Ltv.Core.Domain;
using Ltv.Core.History;
using Ltv.Core.IO;

namespace Ltv.Core.Tests.IO;

/// <summary>
/// Issue 14: a long read into a whole log looks its customer ids up on a second thread
/// (<see cref="CsvLogOptions.MaxDegreeOfParallelism"/>); the log, the ids in first-appearance order, the line numbers,
/// the rejects and the errors are those of the read on one thread.
/// </summary>
public sealed class IdLookupThreadTests
{
    private static readonly DateOnly Start = new(2024, 1, 1);

    [Fact]
    public void Rows_appended_by_the_lookup_thread_build_the_same_log_as_rows_appended_on_the_calling_thread()
    {
        var random = new Random(7);
        var sequential = new PurchaseLogBuilder(Currency.USD);
        var pipelined = new PurchaseLogBuilder(Currency.USD);
        for (var i = 0; i < 120_000; i++)
        {
            if (i == 1_000 || i == 70_001)
            {
                pipelined.StartPipeline();
            }

            var id = Id(random, 30_000);
            var day = Start.AddDays(i / 500);
            var minor = (long)random.Next(100_000);
            sequential.AddBatched(id, day.DayNumber, minor);
            if (i == 50_000)
            {
                // A public add ends the lookup thread after its rows, then appends this one.
                pipelined.Add(id, day, minor);
            }
            else
            {
                pipelined.AddBatched(id, day.DayNumber, minor);
            }

            Assert.Equal(i + 1, pipelined.Count);
        }

        AssertSameLog(sequential.Build(), pipelined.Build());
    }

    [Fact]
    public void A_blank_new_id_appended_by_the_lookup_thread_throws_at_the_build()
    {
        var builder = new PurchaseLogBuilder(Currency.USD);
        builder.StartPipeline();
        for (var i = 0; i < 20_000; i++)
        {
            builder.AddBatched(i == 12_345 ? "  " : "C" + (i % 700).ToString(CultureInfo.InvariantCulture), Start.DayNumber, 100);
        }

        var e = Assert.Throws<ArgumentException>(builder.Build);
        Assert.StartsWith("customerId must not be empty or blank (was '  ')", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(RefundPolicy.Reject)]
    [InlineData(RefundPolicy.NetSameDay)]
    [InlineData(RefundPolicy.Drop)]
    [InlineData(RefundPolicy.NetSameOrder)]
    public void A_long_lenient_read_gives_the_same_log_ids_lines_and_rejects_on_one_thread_and_on_two(RefundPolicy refunds)
    {
        var csv = MixedLog(200_000, seed: 14);
        var options = new CsvLogOptions
        {
            Mode = ReadMode.Lenient,
            Refunds = refunds,
            OrderColumn = refunds == RefundPolicy.NetSameOrder ? "order_id" : null,
            ObservationEnd = Start.AddDays(390),
        };

        var one = Read(csv, options with { MaxDegreeOfParallelism = 1 });
        var two = Read(csv, options with { MaxDegreeOfParallelism = 2 });
        var byDefault = Read(csv, options);
        Assert.True(one.Report.Rejected.Count > 1_000);
        Assert.Contains(one.Report.Rejected, r => r.Line > CsvLogReader.PipelineLines * 2);
        Assert.True(one.Log.CustomerCount > 20_000);
        foreach (var other in new[] { two, byDefault })
        {
            AssertSameLog(one.Log, other.Log);
            Assert.Equal(one.Report.RowsAccepted, other.Report.RowsAccepted);
            Assert.Equal(one.Report.RefundRowsNetted, other.Report.RefundRowsNetted);
            Assert.Equal(one.Report.RefundRowsDropped, other.Report.RefundRowsDropped);
            Assert.Equal(one.Report.RowsCancelled, other.Report.RowsCancelled);
            Assert.Equal(one.Report.Rejected, other.Report.Rejected);
        }
    }

    [Theory]
    [InlineData(1_000)]
    [InlineData(150_000)]
    public void A_strict_read_stops_at_the_same_first_bad_row_on_one_thread_and_on_two(int badLine)
    {
        var text = new StringBuilder("customer_id,date,amount\n");
        for (var line = 2; line < 180_000; line++)
        {
            text.Append('C').Append(line % 40_000).Append(',').Append(line == badLine ? "2024-02-30" : "2024-02-03").Append(",1.50\n");
        }

        var path = WriteTemp(text.ToString());
        try
        {
            var one = Assert.Throws<LogFormatException>(() => CsvLogReader.ReadFile(path, new CsvLogOptions { MaxDegreeOfParallelism = 1 }));
            var two = Assert.Throws<LogFormatException>(() => CsvLogReader.ReadFile(path, new CsvLogOptions { MaxDegreeOfParallelism = 2 }));
            Assert.Equal(badLine, one.Line);
            Assert.Equal(one.Line, two.Line);
            Assert.Equal(one.Message, two.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    public void A_degree_of_parallelism_of_zero_or_below_minus_one_is_refused(int degree)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new CsvLogOptions { MaxDegreeOfParallelism = degree });
        Assert.StartsWith($"maxDegreeOfParallelism must be -1 (no limit) or positive (was '{degree}')", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_degree_of_parallelism_is_minus_one_by_default_and_keeps_what_it_is_given()
    {
        Assert.Equal(-1, new CsvLogOptions().MaxDegreeOfParallelism);
        Assert.Equal(1, new CsvLogOptions { MaxDegreeOfParallelism = 1 }.MaxDegreeOfParallelism);
        Assert.Equal(8, new CsvLogOptions { MaxDegreeOfParallelism = 8 }.MaxDegreeOfParallelism);
    }

    private static LogReadResult Read(string csv, CsvLogOptions options)
    {
        // Through a seekable stream, as ReadFile does (the stream's length sizes the columns).
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        return CsvLogReader.Read(stream, "mixed.csv", options);
    }

    private static string WriteTemp(string text)
    {
        var path = Path.Combine(Path.GetTempPath(), $"ltv-lookup-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Short (packed), long and non-ASCII ids, some padded with spaces.</summary>
    private static string Id(Random random, int customers)
    {
        var n = random.Next(customers).ToString(CultureInfo.InvariantCulture);
        return random.Next(10) switch
        {
            0 => "customer-number-" + n,
            1 => "Åsa" + n,
            2 => " C" + n + " ",
            _ => "C" + n,
        };
    }

    /// <summary>
    /// A log of many customers with a bad row of every kind, refunds (some larger than the day's purchases), blank lines,
    /// quoted fields (one with a line break, so that rows and lines differ) and timestamps, spread over the whole file.
    /// </summary>
    private static string MixedLog(int rows, int seed)
    {
        var random = new Random(seed);
        var text = new StringBuilder("customer_id,date,amount,currency,order_id\n");
        string? lastId = null;
        var lastDate = string.Empty;
        for (var i = 0; i < rows; i++)
        {
            var id = Id(random, 40_000);
            var date = Start.AddDays(i / 500).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var amount = (random.Next(1, 50_000) / 100m).ToString(CultureInfo.InvariantCulture);
            var currency = "USD";
            var order = "O" + (i / 3).ToString(CultureInfo.InvariantCulture);
            switch (random.Next(200))
            {
                case 0: id = "  "; break;
                case 1: date = "2024-13-40"; break;
                case 2: amount = "12.3.4"; break;
                case 3: amount = "1e2"; break;
                case 4: amount = "1.234"; break;
                case 5: currency = "EUR"; break;
                case 6: currency = "XYZ"; break;
                case 7: text.Append(id).Append(',').Append(date).Append('\n'); continue;
                case 8: text.Append(id).Append(',').Append(date).Append(',').Append(amount).Append(",USD,o,extra\n"); continue;
                case 9: text.Append('\n'); continue;
                case 10: amount = "\"1,234.50\""; break;
                case 11: id = "\"line\nbreak" + random.Next(50).ToString(CultureInfo.InvariantCulture) + "\""; break;
                case 12: date += "T10:30:00"; break;
                case 13: currency = "usd"; break;
                case 14 or 15 or 16 when lastId is not null:
                    // A refund of the previous row's customer and day: within its purchases or (sometimes) larger.
                    (id, date) = (lastId, lastDate);
                    amount = "-" + (random.Next(1, 80_000) / 100m).ToString(CultureInfo.InvariantCulture);
                    order = "O" + ((i - 1) / 3).ToString(CultureInfo.InvariantCulture);
                    break;
                case 17: amount = "-3.00"; order = string.Empty; break;
            }

            text.Append(id).Append(',').Append(date).Append(',').Append(amount).Append(',').Append(currency).Append(',').Append(order).Append('\n');
            (lastId, lastDate) = (id, date);
        }

        // Past the observation end at the end of the file.
        text.Append("C1,").Append(Start.AddDays(400).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(",5.00,USD,Z\n");
        return text.ToString();
    }

    private static void AssertSameLog(PurchaseLog expected, PurchaseLog actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        Assert.Equal(expected.CustomerIds, actual.CustomerIds);
        Assert.Equal(expected.CustomerIndex.ToArray(), actual.CustomerIndex.ToArray());
        Assert.Equal(expected.DayNumber.ToArray(), actual.DayNumber.ToArray());
        Assert.Equal(expected.AmountMinor.ToArray(), actual.AmountMinor.ToArray());
    }
}
