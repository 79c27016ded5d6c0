using System.Globalization;
using System.Text;

namespace Ltv.Core.IO;

/// <summary>
/// A reader over another reader that refuses any line longer than a limit, so that a file with no line breaks
/// (or one huge line) fails with a clear error instead of being read whole into memory. It counts lines
/// ('\n'), so the error names the line.
/// </summary>
internal sealed class LineLimitedReader : TextReader
{
    private readonly TextReader _inner;
    private readonly string _file;
    private readonly int _maxLineLength;
    private readonly char[] _buffer = new char[1 << 16];
    private int _position;
    private int _length;
    private int _line = 1;
    private long _column;
    private bool _afterReturn;

    public LineLimitedReader(TextReader inner, string file, int maxLineLength)
    {
        _inner = inner;
        _file = file;
        _maxLineLength = maxLineLength;
    }

    public override int Peek() => Fill() ? _buffer[_position] : -1;

    public override int Read()
    {
        if (!Fill())
        {
            return -1;
        }

        var ch = _buffer[_position++];
        Track(new ReadOnlySpan<char>(in ch));
        return ch;
    }

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        if (_position == _length)
        {
            // Nothing buffered (always so under Sep, which reads only blocks): straight into the caller's buffer, one copy
            // of the text fewer than through the buffer.
            var read = _inner.Read(buffer);
            Track(buffer[..read]);
            return read;
        }

        if (!Fill())
        {
            return 0;
        }

        var n = Math.Min(buffer.Length, _length - _position);
        var chunk = _buffer.AsSpan(_position, n);
        Track(chunk);
        chunk.CopyTo(buffer);
        _position += n;
        return n;
    }

    /// <summary>A line ends at "\n", "\r\n" or a lone "\r", as <see cref="StreamReader.ReadLine"/> has it.</summary>
    public override string? ReadLine()
    {
        if (!Fill())
        {
            return null;
        }

        StringBuilder? builder = null;
        while (Fill())
        {
            var available = _buffer.AsSpan(_position, _length - _position);
            var end = available.IndexOfAny('\r', '\n');
            if (end < 0)
            {
                Track(available);
                (builder ??= new StringBuilder()).Append(available);
                _position = _length;
                continue;
            }

            var ch = available[end];
            Track(available[..(end + 1)]);
            var line = builder is null ? available[..end].ToString() : builder.Append(available[..end]).ToString();
            _position += end + 1;
            if (ch == '\r' && Fill() && _buffer[_position] == '\n')
            {
                Track("\n");
                _position++;
            }

            return line;
        }

        return builder!.ToString();
    }

    protected override void Dispose(bool disposing)
    {
        // The inner reader belongs to the caller.
        base.Dispose(disposing);
    }

    private bool Fill()
    {
        if (_position < _length)
        {
            return true;
        }

        _position = 0;
        _length = _inner.Read(_buffer, 0, _buffer.Length);
        return _length > 0;
    }

    /// <summary>Counts lines ("\r\n" once) and refuses a line past the limit.</summary>
    private void Track(ReadOnlySpan<char> chars)
    {
        // The fast path (a chunk with line feeds only, no longer than the limit, so that only its first line can
        // exceed it): three vectorised scans instead of a call per line; the loop below cost about 8 % of a
        // 10,000,000-row read.
        var first = chars.IndexOf('\n');
        if (first >= 0 && chars.Length <= _maxLineLength && !chars.Contains('\r'))
        {
            _column += first;
            if (_column > _maxLineLength)
            {
                throw TooLong();
            }

            var feeds = chars.Count('\n');
            if (first == 0 && _afterReturn)
            {
                feeds--;
            }

            _line += feeds;
            _column = chars.Length - chars.LastIndexOf('\n') - 1;
            _afterReturn = false;
            return;
        }

        TrackSlow(chars);
    }

    private LogFormatException TooLong()
    {
        var limit = _maxLineLength.ToString("N0", CultureInfo.InvariantCulture);
        return new LogFormatException(_file, _line, string.Empty, $"{_file}, line {_line.ToString(CultureInfo.InvariantCulture)}: the line is longer than {limit} characters, the longest line a log may have (is it a log with line breaks? the limit is MaxLineLength).");
    }

    private void TrackSlow(ReadOnlySpan<char> chars)
    {
        while (true)
        {
            var at = chars.IndexOfAny('\r', '\n');
            var run = at >= 0 ? at : chars.Length;
            if (run > 0)
            {
                _afterReturn = false;
            }

            _column += run;
            if (_column > _maxLineLength)
            {
                throw TooLong();
            }

            if (at < 0)
            {
                return;
            }

            var ch = chars[at];
            if (ch == '\n' && _afterReturn)
            {
                _afterReturn = false;
            }
            else
            {
                _line++;
                _column = 0;
                _afterReturn = ch == '\r';
            }

            chars = chars[(at + 1)..];
        }
    }
}
