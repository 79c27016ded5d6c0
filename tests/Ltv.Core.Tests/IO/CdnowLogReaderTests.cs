using Ltv.Core.Domain;
using Ltv.Core.IO;

namespace Ltv.Core.Tests.IO;

public class CdnowLogReaderTests
{
    private static LogReadResult Read(string text, CdnowLogOptions? options = null) =>
        CdnowLogReader.Read(new StringReader(text), "cdnow.txt", options);

    [Fact]
    public void Sample_layout_uses_the_sample_id_and_sums_amounts_in_cents()
    {
        var (log, report) = Read(" 00004 0001 19970101  2   29.33\n 00004 0001 19970118  2   29.73\n 00018 0002 19970102  1   11.77\n");
        Assert.Equal(3, report.RowsAccepted);
        Assert.Equal(["0001", "0002"], log.CustomerIds);
        Assert.Equal(new DateOnly(1997, 1, 18), log.DateAt(1));
        Assert.Equal(Money.Of(70.83m, Currency.USD), log.Total);
    }

    [Fact]
    public void Master_layout_skips_its_header_and_blank_lines()
    {
        var (log, report) = Read(" customer_id  date number_of_cds  dollar_value\n 00001 19970101  1   11.77\n\n   \n 00002 19970112  1   12.00\n");
        Assert.Equal(1, report.HeaderLine);
        Assert.Equal(2, report.RowsRead);
        Assert.Equal(["00001", "00002"], log.CustomerIds);
    }

    [Theory]
    [InlineData(" 00004 0001 1997011  2   29.33", 3, "1997011", RejectReason.UnparsableDate)]
    [InlineData(" 00004 0001 19970231  2   29.33", 3, "19970231", RejectReason.UnparsableDate)]
    [InlineData(" 00004 0001 19970101  2x   29.33", 4, "2x", RejectReason.MalformedNumber)]
    [InlineData(" 00004 0001 19970101  2   29,33", 5, "29,33", RejectReason.MalformedNumber)]
    [InlineData(" 00004 0001 19970101  2   -29.33", 5, "-29.33", RejectReason.NegativeAmount)]
    [InlineData(" 00004 0001 19970101  2   29.333", 5, "29.333", RejectReason.AmountTooPrecise)]
    [InlineData(" 00004 0001 19990101  2   29.33", 3, "19990101", RejectReason.AfterObservationEnd)]
    [InlineData(" 00004 0001 19970101  2", 5, "00004 0001 19970101  2", RejectReason.MissingColumn)]
    [InlineData(" 00004 0001 19970101  2  1.00 7", 6, "00004 0001 19970101  2  1.00 7", RejectReason.ExtraColumn)]
    public void Bad_rows_name_line_column_text_and_reason(string row, int column, string text, RejectReason reason)
    {
        var good = " 00001 0009 19970101  1   1.00\n";
        var options = new CdnowLogOptions { ObservationEnd = new DateOnly(1998, 6, 30) };
        var e = Assert.Throws<LogFormatException>(() => Read(good + "\n" + row + "\n", options));
        Assert.Equal(("cdnow.txt", 3, column, text, (RejectReason?)reason), (e.File, e.Line, e.Column, e.Text, e.Reason));
        Assert.StartsWith("cdnow.txt, line 3, column ", e.Message, StringComparison.Ordinal);

        var (log, report) = Read(good + "\n" + row + "\n" + good, options with { Mode = ReadMode.Lenient });
        Assert.Equal((3, 2, 1), (report.RowsRead, report.RowsAccepted, report.RowsRejected));
        Assert.Equal(reason, report.Rejected[0].Reason);
        Assert.Equal(2, log.Count);
    }

    [Fact]
    public void Reads_from_streams_and_files()
    {
        var path = Path.Combine(Path.GetTempPath(), $"ltv-{Guid.NewGuid():N}.txt");
        File.WriteAllText(path, " 00001 19970101  1   11.77\n");
        try
        {
            var (log, report) = CdnowLogReader.ReadFile(path);
            Assert.Equal(1, log.Count);
            Assert.Equal(Path.GetFileName(path), report.File);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
