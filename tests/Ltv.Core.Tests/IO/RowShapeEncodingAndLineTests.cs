using System.Text;

using Ltv.Core.IO;

namespace Ltv.Core.Tests.IO;

/// <summary>Issue 15 items 1, 3, 5 and 6 (and issue 13 item 2): inputs that once gave a wrong answer with no error.</summary>
public class RowShapeEncodingAndLineTests
{
    private const string Header = "customer_id,date,amount\n";

    private static LogReadResult Csv(string text, CsvLogOptions? options = null) =>
        CsvLogReader.Read(new StringReader(text), "orders.csv", options);

    private static LogReadResult Cdnow(string text, CdnowLogOptions? options = null) =>
        CdnowLogReader.Read(new StringReader(text), "cdnow.txt", options);

    [Fact]
    public void An_unquoted_thousands_amount_is_an_extra_field_and_strict_mode_refuses_it()
    {
        // Was read as 1.00 with the ",234.50" dropped.
        var e = Assert.Throws<LogFormatException>(() => Csv(Header + "A,2024-01-01,1,234.50\n"));
        Assert.Equal(RejectReason.ExtraColumn, e.Reason);
        Assert.Equal(2, e.Line);
        Assert.Equal(4, e.Column);
        Assert.StartsWith("orders.csv, line 2, column 4 ((extra)): the row has 4 fields but the header has 3;", e.Message, StringComparison.Ordinal);
        Assert.Contains("1,234.50", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_row_with_more_fields_than_the_header_is_reported_in_lenient_mode()
    {
        var (log, report) = Csv("customer_id,amount,date\nA,5,2024-01-01,surplus\nB,7,2024-01-02\n", new CsvLogOptions { Mode = ReadMode.Lenient });
        Assert.Equal(["B"], log.CustomerIds);
        Assert.Equal(2, report.RowsRead);
        var rejected = Assert.Single(report.Rejected);
        Assert.Equal(RejectReason.ExtraColumn, rejected.Reason);
        Assert.Equal(2, rejected.Line);
        Assert.Equal("A,5,2024-01-01,surplus", rejected.Text);
    }

    [Fact]
    public void A_row_with_fewer_fields_than_the_header_is_refused_even_when_the_needed_ones_are_there()
    {
        var e = Assert.Throws<LogFormatException>(() => Csv("customer_id,date,amount,note\nA,2024-01-01,5\n"));
        Assert.Equal(RejectReason.MissingColumn, e.Reason);
        Assert.Equal("note", e.ColumnName);
        Assert.Contains("the row has 3 fields but the header has 4, note is missing", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_quoted_thousands_amount_is_one_field()
    {
        var (log, _) = Csv(Header + "A,2024-01-01,\"1,234.50\"\n");
        Assert.Equal(123_450L, log.AmountMinor[0]);
    }

    [Theory]
    [InlineData(Header + "A,2024-01-01,5\n\n")]
    [InlineData(Header + "A,2024-01-01,5\r\n\r\n")]
    [InlineData(Header + "\nA,2024-01-01,5\n   \n\n")]
    [InlineData("customer_id;date;amount\n\nA;2024-01-01;5\n\t\n")]
    public void Blank_lines_pass_strict_mode_and_are_not_rows(string text)
    {
        var (log, report) = Csv(text);
        Assert.Equal(1, report.RowsRead);
        Assert.Equal(0, report.RowsRejected);
        Assert.Equal(1, log.Count);
    }

    [Fact]
    public void Blank_lines_are_not_counted_as_rejected_rows_in_lenient_mode()
    {
        var (_, report) = Csv(Header + "A,2024-01-01,5\n\nB,2024-01-02,x\n\n\n", new CsvLogOptions { Mode = ReadMode.Lenient });
        Assert.Equal(2, report.RowsRead);
        Assert.Equal(RejectReason.MalformedNumber, Assert.Single(report.Rejected).Reason);
    }

    private static MemoryStream Latin1Log() =>
        new(Encoding.Latin1.GetBytes(Header + "Bo,2024-01-01,3\n\u00C5sa,2024-01-01,1\n\u00C4sa,2024-01-02,2\n"));

    [Theory]
    [InlineData(ReadMode.Strict)]
    [InlineData(ReadMode.Lenient)]
    public void Latin1_bytes_read_as_utf8_are_refused_naming_the_line_instead_of_merging_two_customers(ReadMode mode)
    {
        using var stream = Latin1Log();
        var e = Assert.Throws<LogFormatException>(() => CsvLogReader.Read(stream, "latin1.csv", new CsvLogOptions { Mode = mode }));
        Assert.Equal(3, e.Line);
        Assert.StartsWith("latin1.csv, line 3, column 1: the file is not valid UTF-8", e.Message, StringComparison.Ordinal);
        Assert.Contains("byte 0xC5", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_explicit_encoding_keeps_Asa_and_Asa_apart()
    {
        using var stream = Latin1Log();
        var (log, _) = CsvLogReader.Read(stream, "latin1.csv", new CsvLogOptions { Encoding = Encoding.Latin1 });
        Assert.Equal(["Bo", "\u00C5sa", "\u00C4sa"], log.CustomerIds);
    }

    [Fact]
    public void Invalid_utf8_on_a_stream_that_cannot_seek_is_still_refused()
    {
        using var stream = new ForwardOnlyStream(Latin1Log());
        var e = Assert.Throws<LogFormatException>(() => CsvLogReader.Read(stream, "pipe", null));
        Assert.StartsWith("pipe: the file is not valid UTF-8", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cdnow_file_with_invalid_utf8_is_refused()
    {
        using var stream = new MemoryStream([.. "1 19970101 1 10.00\n"u8, 0xC5, .. "2 19970101 1 10.00\n"u8]);
        var e = Assert.Throws<LogFormatException>(() => CdnowLogReader.Read(stream, "cdnow.txt"));
        Assert.Equal(2, e.Line);
    }

    [Theory]
    [InlineData("A1 19970101 1 10.00\nA2 19970102 2 5.00\n", 2)]
    [InlineData("\nm1 s1 19970101 1 10.00\nm2 s2 19970102 2 5.00\n", 2)]
    public void A_headerless_cdnow_file_whose_first_id_is_not_numeric_keeps_its_first_row(string text, int rows)
    {
        var (log, report) = Cdnow(text);
        Assert.Equal(0, report.HeaderLine);
        Assert.Equal(rows, report.RowsAccepted);
        Assert.Equal(rows, log.Count);
    }

    [Fact]
    public void A_cdnow_header_is_still_detected_and_reported()
    {
        var (_, report) = Cdnow("customer_id date number_of_cds dollar_value\n1 19970101 1 10.00\n");
        Assert.Equal(1, report.HeaderLine);
        Assert.Equal(1, report.RowsAccepted);
    }

    [Fact]
    public void The_cdnow_header_can_be_stated()
    {
        var (_, skipped) = Cdnow("A1 19970101 1 10.00\nA2 19970102 2 5.00\n", new CdnowLogOptions { HasHeader = true });
        Assert.Equal(1, skipped.HeaderLine);
        Assert.Equal(1, skipped.RowsAccepted);

        var (_, kept) = Cdnow("id date cds value\n1 19970101 1 10.00\n", new CdnowLogOptions { HasHeader = false, Mode = ReadMode.Lenient });
        Assert.Equal(0, kept.HeaderLine);
        Assert.Equal(RejectReason.UnparsableDate, Assert.Single(kept.Rejected).Reason);
    }

    [Fact]
    public void A_huge_cdnow_line_fails_at_the_limit_instead_of_being_read_whole()
    {
        // An endless line (a 200 MB one behaves the same): the reader stops after the limit.
        using var endless = new EndlessLineReader("1 19970101 1 10.00\n");
        var e = Assert.Throws<LogFormatException>(() => CdnowLogReader.Read(endless, "big.txt"));
        Assert.Equal(2, e.Line);
        Assert.StartsWith("big.txt, line 2: the line is longer than 1,048,576 characters", e.Message, StringComparison.Ordinal);
        Assert.True(endless.CharsRead < 3_000_000, $"read {endless.CharsRead} characters");
    }

    [Fact]
    public void A_huge_csv_line_fails_at_the_limit_instead_of_being_read_whole()
    {
        using var endless = new EndlessLineReader(Header + "A,2024-01-01,5\n");
        var e = Assert.Throws<LogFormatException>(() => CsvLogReader.Read(endless, "big.csv", new CsvLogOptions { MaxLineLength = 100_000 }));
        Assert.Equal(3, e.Line);
        Assert.StartsWith("big.csv, line 3: the line is longer than 100,000 characters", e.Message, StringComparison.Ordinal);
        Assert.True(endless.CharsRead < 1_000_000, $"read {endless.CharsRead} characters");
    }

    [Fact]
    public void Lines_up_to_the_limit_are_read()
    {
        var id = new string('x', 50);
        var (log, _) = CdnowLogReader.Read(new StringReader($"{id} 19970101 1 10.00\n"), "c.txt", new CdnowLogOptions { MaxLineLength = id.Length + 18 });
        Assert.Equal(id, log.CustomerIdAt(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CsvLogOptions { MaxLineLength = 0 });
    }

    [Fact]
    public void A_column_named_currency_is_honoured_without_being_named_and_mixed_currencies_are_refused()
    {
        // Issue 15 item 2: USD and JPY were averaged as USD.
        var text = "customer_id,date,amount,Currency\nA,2024-01-01,10.00,USD\nB,2024-01-02,1500,JPY\n";
        var e = Assert.Throws<LogFormatException>(() => Csv(text));
        Assert.Equal(RejectReason.CurrencyMismatch, e.Reason);
        Assert.Equal(3, e.Line);
        Assert.Equal("Currency", e.ColumnName);
        Assert.Contains("the log mixes currencies: JPY on this row, and the log is in USD (as on line 2)", e.Message, StringComparison.Ordinal);

        var (log, report) = Csv(text, new CsvLogOptions { Mode = ReadMode.Lenient });
        Assert.Equal(["A"], log.CustomerIds);
        Assert.Equal(RejectReason.CurrencyMismatch, Assert.Single(report.Rejected).Reason);
    }

    /// <summary>Some text, then one line of 'x' that never ends; counts what the reader pulled.</summary>
    private sealed class EndlessLineReader(string prefix) : TextReader
    {
        public long CharsRead { get; private set; }

        public override int Peek() => CharsRead < prefix.Length ? prefix[(int)CharsRead] : 'x';

        public override int Read()
        {
            var ch = Peek();
            CharsRead++;
            return ch;
        }

        public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

        public override int Read(Span<char> buffer)
        {
            for (var i = 0; i < buffer.Length; i++)
            {
                buffer[i] = (char)Read();
            }

            return buffer.Length;
        }
    }

    private sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
