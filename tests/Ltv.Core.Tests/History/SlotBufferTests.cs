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
    public unsafe void On_linux_a_large_buffer_is_aligned_to_a_huge_page_advised_for_huge_pages_and_backed_by_them_where_the_kernel_offers_them()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.False(HugePages.CanMap);
            return;
        }

        // 32 MiB: the id table of 1,000,000 customers.
        var buffer = new SlotBuffer<long>(4 << 20);
        fixed (long* start = buffer.Span)
        {
            var address = (ulong)start;
            Assert.Equal(0UL, address % HugePages.Size);
            buffer.Span.Fill(1);
            var (_, _, flags, hugeKilobytes) = Mapping(address);

            // "hg": the mapping carries MADV_HUGEPAGE (and "nh", MADV_NOHUGEPAGE, would refuse them).
            Assert.Contains("hg", flags.Split(' '));
            var mode = File.ReadAllText("/sys/kernel/mm/transparent_hugepage/enabled");
            if (mode.Contains("[madvise]", StringComparison.Ordinal) || mode.Contains("[always]", StringComparison.Ordinal))
            {
                Assert.True(hugeKilobytes > 0, $"no huge pages at 0x{address:x} (transparent huge pages: {mode.Trim()}; flags: {flags})");
            }
        }

        buffer.Free();
    }

    [Fact]
    public unsafe void A_freed_buffer_is_unmapped()
    {
        if (!HugePages.CanMap)
        {
            return;
        }

        // 5.6 MB, mapped as 6 MiB: a size no other test class maps (the id tables are powers of two), and the tests of a class run
        // one at a time, so a mapping of this range and size after Free could only be this one still there.
        var buffer = new SlotBuffer<long>(700_001);
        ulong address;
        fixed (long* start = buffer.Span)
        {
            address = (ulong)start;
        }

        var end = address + (6UL << 20);
        var before = Mapping(address);
        Assert.Equal((address, end), (before.From, before.To));
        buffer.Free();
        var after = Mapping(address);
        Assert.False(after.From == address && after.To == end && after.Flags.Split(' ').Contains("hg"), $"0x{address:x}-0x{end:x} is still mapped");
    }

    /// <summary>The range, VmFlags and AnonHugePages (kB) of the mapping of /proc/self/smaps that holds the address; empty flags when none does.</summary>
    private static (ulong From, ulong To, string Flags, long HugeKilobytes) Mapping(ulong address)
    {
        var inside = false;
        long huge = 0;
        ulong start = 0, stop = 0;
        foreach (var line in File.ReadLines("/proc/self/smaps"))
        {
            var dash = line.IndexOf('-', StringComparison.Ordinal);
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            if (dash > 0 && space > dash && ulong.TryParse(line.AsSpan(0, dash), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var from)
                && ulong.TryParse(line.AsSpan(dash + 1, space - dash - 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var to))
            {
                inside = address >= from && address < to;
                (start, stop) = (from, to);
            }
            else if (inside && line.StartsWith("AnonHugePages:", StringComparison.Ordinal))
            {
                huge = long.Parse(line["AnonHugePages:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            }
            else if (inside && line.StartsWith("VmFlags:", StringComparison.Ordinal))
            {
                return (start, stop, line["VmFlags:".Length..].Trim(), huge);
            }
        }

        return (0, 0, string.Empty, 0);
    }
}
