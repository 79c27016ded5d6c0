using System.Text;

using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

using Ltv.Core.IO;

namespace Ltv.Core.Tests.IO;

/// <summary>Random byte mutations of valid small logs: only the documented exception, and every data line (counted from the bytes) is one accepted or rejected row.</summary>
public class LogFuzzTests
{
    private const string Cdnow =
        " customer_id  date number_of_cds  dollar_value\n" +
        " 00001 19970101  1   11.77\n 00002 19970112  1   12.00\n 00002 19970112  5   77.00\n" +
        " 00003 19970102  2   20.76\n 00003 19970330  2   20.76\n 00003 19970402  2   19.54\n" +
        " 00004 19970101  2   29.33\n 00004 19970118  2   29.73\n 00004 19970802  1   14.96\n";

    private const string Csv =
        "customer_id,date,amount,currency\n" +
        "A,2024-01-01,1.00,USD\nB,2024-01-02,2.50,USD\nA,2024-01-02,3.25,usd\n" +
        "C,2024-02-01,10,USD\n\"D, x\",2024-03-01,0.01,USD\nA,2024-03-05,99.99,USD\n";

    private static byte[] Mutate(string text, int seed, int mutations)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var random = new Random(seed);
        for (var i = 0; i < mutations; i++)
        {
            var pick = random.Next(4);
            var at = random.Next(bytes.Length);
            byte b = pick switch
            {
                0 => (byte)random.Next(256),
                1 => (byte)"0123456789.,-; \t\n\r\"x"[random.Next(20)],
                _ => (byte)random.Next(32, 127),
            };
            if (pick == 3 && bytes.Length > 1)
            {
                bytes = [.. bytes[..at], .. bytes[(at + 1)..]];
            }
            else
            {
                bytes[at] = b;
            }
        }

        return bytes;
    }

    /// <summary>The lines of the input as the test sees them (1-based number, blank or not), counted apart from the readers.</summary>
    private static List<(int Number, bool Blank)> Lines(byte[] bytes)
    {
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8);
        var lines = new List<(int, bool)>();
        while (reader.ReadLine() is { } line)
        {
            lines.Add((lines.Count + 1, string.IsNullOrWhiteSpace(line)));
        }

        return lines;
    }

    /// <summary>
    /// Every data line is either one accepted row or one rejected row: rejected lines are distinct data lines,
    /// and the accepted rows in the log are exactly the data lines left. The expected count comes from the
    /// bytes, not from the report, so a row the reader lost (neither accepted nor rejected) fails.
    /// </summary>
    private static bool EveryDataLineIsOneRow(HashSet<int> dataLines, Ltv.Core.History.PurchaseLog log, ReadReport report)
    {
        var rejected = report.Rejected.Select(r => r.Line).ToList();
        return rejected.Distinct().Count() == rejected.Count
            && rejected.All(dataLines.Contains)
            && log.Count == dataLines.Count - rejected.Count;
    }

    [Property(MaxTest = 1000)]
    public bool Cdnow_mutations_keep_every_line_counted(int seed, PositiveInt mutations)
    {
        var bytes = Mutate(Cdnow, seed, 1 + (mutations.Get % 6));
        try
        {
            var (log, report) = CdnowLogReader.Read(new MemoryStream(bytes), "fuzz.txt", new CdnowLogOptions { Mode = ReadMode.Lenient });

            // Blank lines and the header are not rows; every other line is.
            var dataLines = Lines(bytes).Where(l => !l.Blank && l.Number != report.HeaderLine).Select(l => l.Number).ToHashSet();
            return EveryDataLineIsOneRow(dataLines, log, report);
        }
        catch (LogFormatException e)
        {
            // The one file-level refusal: bytes that are not UTF-8 (checked here apart from the reader).
            return !System.Text.Unicode.Utf8.IsValid(bytes) && e.Message.StartsWith("fuzz.txt, line ", StringComparison.Ordinal) && e.Message.Contains("not valid UTF-8", StringComparison.Ordinal);
        }
    }

    [Property(MaxTest = 1000)]
    public bool Csv_mutations_throw_only_the_documented_exception_and_keep_the_counts(int seed, PositiveInt mutations)
    {
        var bytes = Mutate(Csv, seed, 1 + (mutations.Get % 6));
        try
        {
            var (log, report) = CsvLogReader.Read(new MemoryStream(bytes), "fuzz.csv", new CsvLogOptions { Mode = ReadMode.Lenient, CurrencyColumn = "currency", Separator = ',' });
            var lines = Lines(bytes);
            if (Array.IndexOf(bytes, (byte)'"') < 0)
            {
                // Without quotes every non-blank line after the header is one row.
                return EveryDataLineIsOneRow(lines.Where(l => l.Number > 1 && !l.Blank).Select(l => l.Number).ToHashSet(), log, report);
            }

            // A quoted field may span lines: a row starts on a distinct line after the header, and no more rows than lines.
            var rejected = report.Rejected.Select(r => r.Line).ToList();
            return rejected.Distinct().Count() == rejected.Count
                && rejected.All(l => l > 1 && l <= lines.Count)
                && log.Count + rejected.Count <= Math.Max(lines.Count - 1, 0);
        }
        catch (LogFormatException e)
        {
            // Lenient mode throws only for the file as a whole (an unreadable header, bytes that are not UTF-8), naming it.
            return e.File == "fuzz.csv" && e.Line >= 1 && e.Message.StartsWith("fuzz.csv, line ", StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_lost_row_fails_the_count_check()
    {
        // The check itself can fail: one data line neither accepted nor rejected.
        var (log, report) = CsvLogReader.Read(new StringReader("customer_id,date,amount\nA,2024-01-01,1\nB,2024-01-02,x\n"), "c", new CsvLogOptions { Mode = ReadMode.Lenient });
        Assert.True(EveryDataLineIsOneRow([2, 3], log, report));
        Assert.False(EveryDataLineIsOneRow([2, 3, 4], log, report));
        Assert.False(EveryDataLineIsOneRow([2], log, report));
    }

    [Fact]
    public void Unmutated_files_read_whole()
    {
        Assert.Equal(9, CdnowLogReader.Read(new StringReader(Cdnow), "c").Report.RowsAccepted);
        Assert.Equal(6, CsvLogReader.Read(new StringReader(Csv), "c", new CsvLogOptions { CurrencyColumn = "currency" }).Report.RowsAccepted);
    }
}
