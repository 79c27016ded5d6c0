using System.Globalization;

namespace Ltv.Cli.Output;

/// <summary>
/// Wraps the input file of a long read and shows its progress on standard error: nothing for a read that
/// ends within the first 2 seconds, then one line at 2, 4, 8, 16, ... seconds, such as
/// <c>reading orders.csv: 41% (1,073 of 2,617 MB), 8 s</c>. Read-only and forward-only, as the readers use it.
/// </summary>
internal sealed class ReadProgressStream : Stream
{
    private readonly Stream _inner;
    private readonly string _name;
    private readonly TextWriter _writer;
    private readonly TimeProvider _time;
    private readonly long _start;
    private readonly long _length;
    private long _read;
    private TimeSpan _next = TimeSpan.FromSeconds(2);

    public ReadProgressStream(Stream inner, string name, TextWriter writer, TimeProvider? time = null)
    {
        _inner = inner;
        _name = name;
        _writer = writer;
        _time = time ?? TimeProvider.System;
        _start = _time.GetTimestamp();
        _length = inner.CanSeek ? inner.Length : 0;
    }

    /// <summary>The number of progress lines written so far.</summary>
    public int Lines { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => _inner.CanSeek;

    public override bool CanWrite => false;

    public override long Length => _inner.Length;

    public override long Position
    {
        get => _read;
        set => _read = _inner.Position = value;
    }

    public override int Read(byte[] buffer, int offset, int count) => Advance(_inner.Read(buffer, offset, count));

    public override int Read(Span<byte> buffer) => Advance(_inner.Read(buffer));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Advance(await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => _read = _inner.Seek(offset, origin);

    public override void SetLength(long value) => throw new NotSupportedException("The progress stream is read-only.");

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("The progress stream is read-only.");

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Advance(int n)
    {
        _read += n;
        var elapsed = _time.GetElapsedTime(_start);
        if (elapsed >= _next && n > 0)
        {
            var mb = 1024d * 1024d;
            var share = _length > 0 ? $"{Math.Min(100d, 100d * _read / _length):F0}% ({_read / mb:N0} of {_length / mb:N0} MB)" : $"{_read / mb:N0} MB";
            _writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"reading {_name}: {share}, {elapsed.TotalSeconds:F0} s"));
            Lines++;
            while (_next <= elapsed)
            {
                _next += _next;
            }
        }

        return n;
    }
}
