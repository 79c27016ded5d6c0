using System.Globalization;

using Ltv.Core.History;

namespace Ltv.Core.Tests.History;

public sealed class SlotBufferTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(1024)]
    [InlineData(600_000)]
    public void A_buffer_starts_zeroed_keeps_what_is_written_and_is_empty_once_freed(int length)
    {
        var buffer = new SlotBuffer<long>(length);
        Assert.Equal(length, buffer.Length);
        Assert.Equal(length, buffer.Span.Length);
        Assert.DoesNotContain(buffer.Span.ToArray(), v => v != 0);
        for (var i = 0; i < length; i++)
        {
            buffer.Span[i] = i * 3L;
        }

        Assert.Equal((length - 1) * 3L, buffer.Span[length - 1]);
        buffer.Free();
        buffer.Free();
        Assert.Equal(0, buffer.Span.Length);
    }

    [Fact]
    public unsafe void On_linux_a_large_buffer_is_aligned_to_a_huge_page_and_backed_by_huge_pages_where_the_kernel_offers_them()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.False(HugePages.CanAdvise);
            return;
        }

        // 32 MiB: the id table of 1,000,000 customers.
        var buffer = new SlotBuffer<long>(4 << 20);
        fixed (long* start = buffer.Span)
        {
            var address = (ulong)start;
            Assert.Equal(0UL, address % HugePages.Size);
            buffer.Span.Fill(1);
            var mode = File.ReadAllText("/sys/kernel/mm/transparent_hugepage/enabled");
            if (mode.Contains("[madvise]", StringComparison.Ordinal) || mode.Contains("[always]", StringComparison.Ordinal))
            {
                Assert.True(HugePageKilobytes(address) > 0, $"no huge pages at 0x{address:x} (transparent huge pages: {mode.Trim()})");
            }
        }

        buffer.Free();
    }

    /// <summary>The AnonHugePages of the mapping of /proc/self/smaps that holds the address.</summary>
    private static long HugePageKilobytes(ulong address)
    {
        var inside = false;
        foreach (var line in File.ReadLines("/proc/self/smaps"))
        {
            var dash = line.IndexOf('-', StringComparison.Ordinal);
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            if (dash > 0 && space > dash && ulong.TryParse(line.AsSpan(0, dash), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var from)
                && ulong.TryParse(line.AsSpan(dash + 1, space - dash - 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var to))
            {
                inside = address >= from && address < to;
            }
            else if (inside && line.StartsWith("AnonHugePages:", StringComparison.Ordinal))
            {
                return long.Parse(line["AnonHugePages:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }
}
