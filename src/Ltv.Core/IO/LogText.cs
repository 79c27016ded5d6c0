using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Unicode;

namespace Ltv.Core.IO;

/// <summary>
/// Turns a log's bytes into text for the readers: UTF-8 by default with invalid bytes refused (never replaced by
/// U+FFFD, which would merge the Latin-1 ids "Åsa" and "Äsa" into one customer), or an explicit encoding.
/// </summary>
internal static class LogText
{
    /// <summary>The default longest line: 1,048,576 characters.</summary>
    public const int DefaultMaxLineLength = 1 << 20;

    /// <summary>UTF-8 that throws on invalid bytes.</summary>
    public static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// <see cref="MemoryExtensions.Trim(ReadOnlySpan{char})"/>, returning at once when the field starts and ends
    /// with a printable ASCII character (never white space), as nearly every field does; the call per character
    /// of the general trim was about 4 % of a 10,000,000-row read.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ReadOnlySpan<char> TrimField(ReadOnlySpan<char> field) =>
        field.Length > 0 && (uint)(field[0] - 0x21) <= 0x7E - 0x21 && (uint)(field[^1] - 0x21) <= 0x7E - 0x21 ? field : field.Trim();

    /// <summary>True when the field is empty or only white space (<see cref="MemoryExtensions.IsWhiteSpace"/>, with the same shortcut as <see cref="TrimField"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsBlank(ReadOnlySpan<char> field) =>
        field.Length == 0 || ((uint)(field[0] - 0x21) > 0x7E - 0x21 && field.IsWhiteSpace());

    /// <summary>
    /// <see cref="MemoryExtensions.SequenceEqual{T}(ReadOnlySpan{T}, ReadOnlySpan{T})"/> for the short fields of a row (a date, a
    /// currency code): two overlapping loads from each side instead of a call, which was about 3 % of a 10,000,000-row read.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool SameText(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length != b.Length)
        {
            return false;
        }

        var x = MemoryMarshal.AsBytes(a);
        var y = MemoryMarshal.AsBytes(b);
        return a.Length switch
        {
            >= 2 and <= 4 => ((MemoryMarshal.Read<uint>(x) ^ MemoryMarshal.Read<uint>(y)) | (MemoryMarshal.Read<uint>(x[^4..]) ^ MemoryMarshal.Read<uint>(y[^4..]))) == 0,
            >= 4 and <= 8 => ((MemoryMarshal.Read<ulong>(x) ^ MemoryMarshal.Read<ulong>(y)) | (MemoryMarshal.Read<ulong>(x[^8..]) ^ MemoryMarshal.Read<ulong>(y[^8..]))) == 0,
            >= 8 and <= 16 => ((MemoryMarshal.Read<UInt128>(x) ^ MemoryMarshal.Read<UInt128>(y)) | (MemoryMarshal.Read<UInt128>(x[^16..]) ^ MemoryMarshal.Read<UInt128>(y[^16..]))) == UInt128.Zero,
            _ => a.SequenceEqual(b),
        };
    }

    public static StreamReader Open(Stream stream, Encoding? encoding) =>
        new(stream, encoding ?? StrictUtf8, detectEncodingFromByteOrderMarks: encoding is null, bufferSize: 1 << 16, leaveOpen: true);

    /// <summary>
    /// Runs a read; invalid UTF-8 becomes a <see cref="LogFormatException"/> naming the line and byte, found by
    /// scanning the stream again from its start when it can seek (the decoder works a buffer ahead of the rows).
    /// </summary>
    public static T Guard<T>(Stream stream, string fileName, Encoding? encoding, Func<StreamReader, T> read)
    {
        var start = stream.CanSeek ? stream.Position : -1;
        try
        {
            using var reader = Open(stream, encoding);
            return read(reader);
        }
        catch (Exception e) when (encoding is null && FindDecoderError(e) is { } decoderError)
        {
            throw InvalidUtf8(stream, start, fileName, decoderError);
        }
    }

    private static DecoderFallbackException? FindDecoderError(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is DecoderFallbackException d)
            {
                return d;
            }
        }

        return null;
    }

    private static LogFormatException InvalidUtf8(Stream stream, long start, string fileName, DecoderFallbackException e)
    {
        const string Advice = "the file is not valid UTF-8; save it as UTF-8 or give its encoding (CsvLogOptions.Encoding, ltv --encoding latin1)";
        if (start < 0)
        {
            return new LogFormatException(fileName, 0, string.Empty, $"{fileName}: {Advice}.", e);
        }

        stream.Position = start;
        var bytes = ArrayPool<byte>.Shared.Rent(1 << 16);
        var chars = ArrayPool<char>.Shared.Rent(1 << 16);
        try
        {
            var line = 1;
            var column = 1;
            var carry = 0;
            int read;
            while ((read = stream.Read(bytes, carry, (1 << 16) - carry)) > 0 || carry > 0)
            {
                var count = carry + read;
                var final = read == 0;
                var status = Utf8.ToUtf16(bytes.AsSpan(0, count), chars, out var consumed, out var written, replaceInvalidSequences: false, isFinalBlock: final);
                foreach (var ch in chars.AsSpan(0, written))
                {
                    (line, column) = ch == '\n' ? (line + 1, 1) : (line, column + 1);
                }

                if (status == OperationStatus.InvalidData)
                {
                    var shown = Convert.ToHexString(bytes, consumed, Math.Min(4, count - consumed));
                    return new LogFormatException(fileName, line, shown, string.Create(CultureInfo.InvariantCulture, $"{fileName}, line {line}, column {column}: {Advice} (byte 0x{bytes[consumed]:X2}, in bytes {shown})."), e);
                }

                carry = count - consumed;
                Array.Copy(bytes, consumed, bytes, 0, carry);
                if (final)
                {
                    break;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
            ArrayPool<char>.Shared.Return(chars);
        }

        return new LogFormatException(fileName, 0, string.Empty, $"{fileName}: {Advice}.", e);
    }
}
