using System.Text;

using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

using Ltv.Core.IO;

namespace Ltv.Core.Tests.IO;

/// <summary>Random byte mutations of valid small logs: only the documented exception, and no row lost from the counts.</summary>
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

    private static int NonBlankLines(byte[] bytes)
    {
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8);
        var n = 0;
        while (reader.ReadLine() is { } line)
        {
            n += string.IsNullOrWhiteSpace(line) ? 0 : 1;
        }

        return n;
    }

    [Property(MaxTest = 1000)]
    public bool Cdnow_mutations_keep_every_line_counted(int seed, PositiveInt mutations)
    {
        var bytes = Mutate(Cdnow, seed, 1 + (mutations.Get % 6));
        try
        {
            var (log, report) = CdnowLogReader.Read(new MemoryStream(bytes), "fuzz.txt", new CdnowLogOptions { Mode = ReadMode.Lenient });
            var header = report.HeaderLine > 0 ? 1 : 0;
            return report.RowsRead == report.RowsAccepted + report.RowsRejected
                && report.RowsAccepted == log.Count
                && report.RowsRead + header == NonBlankLines(bytes);
        }
        catch (LogFormatException)
        {
            return false;
        }
    }

    [Property(MaxTest = 1000)]
    public bool Csv_mutations_throw_only_the_documented_exception_and_keep_the_counts(int seed, PositiveInt mutations)
    {
        var bytes = Mutate(Csv, seed, 1 + (mutations.Get % 6));
        try
        {
            var (log, report) = CsvLogReader.Read(new MemoryStream(bytes), "fuzz.csv", new CsvLogOptions { Mode = ReadMode.Lenient, CurrencyColumn = "currency", Separator = ',' });
            var counted = report.RowsRead == report.RowsAccepted + report.RowsRejected && report.RowsAccepted == log.Count;
            // Without quotes every line after the header is one row (blank ones are rejected as too short).
            var noQuotes = Array.IndexOf(bytes, (byte)'"') < 0;
            return counted && (!noQuotes || report.RowsRead == LinesAfterHeader(bytes));
        }
        catch (LogFormatException e)
        {
            // Lenient mode throws only for the file as a whole (an unreadable header), naming it.
            return e.File == "fuzz.csv" && e.Line >= 1 && e.Message.StartsWith("fuzz.csv, line ", StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Unmutated_files_read_whole()
    {
        Assert.Equal(9, CdnowLogReader.Read(new StringReader(Cdnow), "c").Report.RowsAccepted);
        Assert.Equal(6, CsvLogReader.Read(new StringReader(Csv), "c", new CsvLogOptions { CurrencyColumn = "currency" }).Report.RowsAccepted);
    }

    private static int LinesAfterHeader(byte[] bytes)
    {
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8);
        var n = -1;
        while (reader.ReadLine() is not null)
        {
            n++;
        }

        return Math.Max(n, 0);
    }
}
