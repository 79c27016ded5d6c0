using System.Globalization;
using System.Text;

using Ltv.Core.Domain;
using Ltv.Core.History;
using Ltv.Core.IO;

namespace Ltv.Core.Tests.IO;

/// <summary>
/// The issue 14 fast paths of the CSV ingestion (ids packed in the id table's slots, batched id lookups,
/// the repeated-date shortcut, the vectorised line counting and the column sizing from the file length)
/// give the same logs, reports and errors as the general paths.
/// </summary>
public sealed class IngestionFastPathTests
{
    [Fact]
    public void Ids_around_the_packed_length_and_non_ascii_ids_are_told_apart()
    {
        // 8 ASCII characters or fewer are packed in the slot; 9 or more, and any non-ASCII id, live in the buffer.
        string[] ids = ["", "a", "abcdefg", "abcdefgh", "abcdefghi", "abcdef", "Åsa", "Äsa", "abcdefg\u00e9", "\u007f", "\u007f\u007f\u007f\u007f\u007f\u007f\u007f\u007f", "a\0", "a\0\0", "ABCDEFG", "C9999999", "C9999998"];
        var map = new CustomerIdMap();
        for (var i = 0; i < ids.Length; i++)
        {
            Assert.Equal(-1, map.IndexOf(ids[i]));
            Assert.Equal(i, map.Add(ids[i]));
        }

        for (var i = 0; i < ids.Length; i++)
        {
            Assert.Equal(i, map.IndexOf(ids[i]));
        }

        Assert.Equal(ids, map.ToArray());
        Assert.Equal(-1, map.IndexOf("abcdeg"));
        Assert.Equal(-1, map.IndexOf("abcdefgi"));
        Assert.Equal(-1, map.IndexOf("abcdefghj"));
    }

    [Fact]
    public void The_packed_key_read_as_two_words_equals_the_one_packed_a_character_at_a_time_and_unpacks_to_the_id()
    {
        string[] ids = ["", "a", "abc", "abcd", "C1234", "C12345", "abcdefg", "abcdefgh", "abcdefghi", "Åsa", "abcdÅ", "abcdefg\u00e9", "\u00e9bcdefg", "\u007f\u007f", "a\0", "\u0080", "ABCDEFG", "    ", "     ", "1234\u0100678"];
        Span<char> unpacked = stackalloc char[8];
        foreach (var id in ids)
        {
            var expected = PackedByHand(id);
            Assert.Equal(expected, CustomerIdMap.InlineKey(id));

            // The id inside a longer text (as a field of a row): the key reads nothing outside the id.
            var text = "\u00ff\u00ff" + id + "\u00ff\u00ff\u00ff\u00ff";
            Assert.Equal(expected, CustomerIdMap.InlineKey(text.AsSpan(2, id.Length)));
            Assert.Equal(CustomerIdMap.Hash(id), CustomerIdMap.Hash(id, expected));
            if (expected < 0)
            {
                Assert.Equal(id, unpacked[..CustomerIdMap.Unpack(expected, unpacked)].ToString());
            }
        }

        Assert.True(CustomerIdMap.InlineKey("C12345") < 0);
        Assert.Equal(0, CustomerIdMap.InlineKey("abcdefghi"));
        Assert.Equal(0, CustomerIdMap.InlineKey("Åsa"));
    }

    /// <summary>Every id of up to 8 characters of the printable ASCII range and a few others packs as by hand and unpacks to itself.</summary>
    [FsCheck.Xunit.Property(MaxTest = 1000)]
    public bool Packed_keys_equal_the_hand_packing_and_round_trip(FsCheck.NonNegativeInt seed)
    {
        var random = new Random(seed.Get);
        var length = random.Next(11);
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = random.Next(20) == 0 ? (char)random.Next(0x80, 0x200) : (char)random.Next(0, 0x80);
        }

        var id = new string(chars);
        var key = CustomerIdMap.InlineKey(id);
        Span<char> unpacked = stackalloc char[8];
        return key == PackedByHand(id) && (key == 0 || unpacked[..CustomerIdMap.Unpack(key, unpacked)].SequenceEqual(id));
    }

    /// <summary>The packing of <see cref="CustomerIdMap.InlineKey"/> written out independently: 7 bits a character, the length above them, the sign bit.</summary>
    private static long PackedByHand(string id)
    {
        if (id.Length > 8 || id.Any(c => c > 0x7F))
        {
            return 0;
        }

        long key = 0;
        for (var i = 0; i < id.Length; i++)
        {
            key += (long)id[i] * (1L << (7 * i));
        }

        return long.MinValue + ((long)id.Length << 56) + key;
    }

    [Fact]
    public void Batched_rows_build_the_same_log_as_rows_added_one_at_a_time_in_the_same_order()
    {
        var random = new Random(14);
        var oneByOne = new PurchaseLogBuilder(Currency.USD);
        var batched = new PurchaseLogBuilder(Currency.USD);
        var day = new DateOnly(2024, 1, 1);
        for (var i = 0; i < 5000; i++)
        {
            // Short (packed) and long ids, some interleaved public adds that flush the queue.
            var id = random.Next(3) == 0 ? "customer-number-" + random.Next(300).ToString(CultureInfo.InvariantCulture) : "C" + random.Next(700).ToString(CultureInfo.InvariantCulture);
            var minor = (long)random.Next(10_000);
            oneByOne.Add(id, day.AddDays(i / 10), minor);
            if (i % 97 == 0)
            {
                batched.Add(id, day.AddDays(i / 10), minor);
            }
            else
            {
                batched.AddBatched(id, day.AddDays(i / 10).DayNumber, minor);
            }

            Assert.Equal(i + 1, batched.Count);
        }

        var a = oneByOne.Build();
        var b = batched.Build();
        Assert.Equal(a.CustomerIds, b.CustomerIds);
        Assert.Equal(a.CustomerIndex.ToArray(), b.CustomerIndex.ToArray());
        Assert.Equal(a.DayNumber.ToArray(), b.DayNumber.ToArray());
        Assert.Equal(a.AmountMinor.ToArray(), b.AmountMinor.ToArray());
    }

    [Fact]
    public void A_blank_new_id_queued_in_a_batch_still_throws()
    {
        var builder = new PurchaseLogBuilder(Currency.USD);
        builder.AddBatched("  ", new DateOnly(2024, 1, 1).DayNumber, 100);
        var e = Assert.Throws<ArgumentException>(builder.Build);
        Assert.StartsWith("customerId must not be empty or blank (was '  ')", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_read_with_its_length_sizing_the_columns_equals_the_same_text_read_without()
    {
        var log = SyntheticPurchaseLog.Generate(20_000, 3_000, seed: 5);
        var text = new StringWriter();
        CsvLogWriter.Write(log, text);
        var path = Path.Combine(Path.GetTempPath(), $"ltv-fast-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, text.ToString());
        try
        {
            var fromFile = CsvLogReader.ReadFile(path).Log;
            var fromText = CsvLogReader.Read(new StringReader(text.ToString()), "t.csv").Log;
            Assert.Equal(log.Count, fromFile.Count);
            Assert.Equal(log.CustomerIds, fromFile.CustomerIds);
            Assert.Equal(log.CustomerIndex.ToArray(), fromFile.CustomerIndex.ToArray());
            Assert.Equal(log.DayNumber.ToArray(), fromFile.DayNumber.ToArray());
            Assert.Equal(log.AmountMinor.ToArray(), fromFile.AmountMinor.ToArray());
            Assert.Equal(fromText.CustomerIndex.ToArray(), fromFile.CustomerIndex.ToArray());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_repeated_bad_date_is_rejected_on_every_row_and_a_repeated_good_one_still_meets_the_observation_end()
    {
        var csv = "customer_id,date,amount\nA,2024-13-01,5\nB,2024-13-01,5\nC,2024-03-02,5\nD,2024-03-02,5\nE, 2024-03-02 ,5\nF,2024-03-01,5\n";
        var (log, report) = CsvLogReader.Read(new StringReader(csv), "d.csv", new CsvLogOptions { Mode = ReadMode.Lenient, ObservationEnd = new DateOnly(2024, 3, 1) });
        Assert.Equal([2, 3, 4, 5, 6], report.Rejected.Select(r => r.Line));
        Assert.Equal([RejectReason.UnparsableDate, RejectReason.UnparsableDate, RejectReason.AfterObservationEnd, RejectReason.AfterObservationEnd, RejectReason.AfterObservationEnd], report.Rejected.Select(r => r.Reason));
        Assert.Equal(["F"], log.CustomerIds);
    }

    [Theory]
    [InlineData(100)]
    [InlineData(1 << 20)]
    public void Lines_are_counted_across_buffers_with_a_carriage_return_split_from_its_line_feed(int maxLineLength)
    {
        // The reader fills 65,536 characters at a time: put a "\r\n" across that boundary, then LF-only lines,
        // then one line over the limit, and check that the error names its line.
        var text = new StringBuilder("customer_id,date,amount\r\n");
        var line = 2;
        while (text.Length < 65_535 - 40)
        {
            text.Append("A,2024-01-01,5\r\n");
            line++;
        }

        text.Append('A', 65_535 - text.Length - ",2024-01-01,5".Length).Append(",2024-01-01,5\r\n");
        Assert.Equal('\r', text[65_535]);
        line++;
        for (var i = 0; i < 10_000; i++)
        {
            text.Append("B,2024-01-02,6\n");
            line++;
        }

        text.Append('x', Math.Min(maxLineLength, 200_000) + 1).Append('\n');
        var e = Assert.Throws<LogFormatException>(() => CsvLogReader.Read(new StringReader(text.ToString()), "l.csv", new CsvLogOptions { MaxLineLength = Math.Min(maxLineLength, 200_000) }));
        Assert.Equal(line, e.Line);
    }
}
