using System.Runtime.InteropServices;

namespace Ltv.Core.History;

/// <summary>
/// Linux transparent huge pages for <see cref="SlotBuffer{T}"/>: fresh anonymous memory from the kernel (<c>mmap</c>), aligned to
/// 2 MiB and advised for huge pages (<c>madvise(MADV_HUGEPAGE)</c>) before its first touch.
/// </summary>
/// <remarks>
/// The memory is mapped here rather than taken from <c>malloc</c>: an allocator may hand back memory that an earlier
/// allocation of the process has already touched, and pages that already exist in 4 KiB are not turned into huge pages by
/// the advice. With <c>malloc</c>'s memory the huge-page test found none in 2 of 8 full test runs on the machine of
/// docs/benchmarks.md; a fresh mapping is untouched, and reads as zero, so it needs no clearing either.
/// </remarks>
internal static unsafe partial class HugePages
{
    /// <summary>The huge page size of x64 and most arm64 Linux systems, and the alignment of the ranges mapped.</summary>
    public const nuint Size = 2u << 20;

    private const int ProtectRead = 0x1;
    private const int ProtectWrite = 0x2;
    private const int MapPrivate = 0x02;
    private const int MapAnonymous = 0x20;
    private const int MadviseHugePage = 14;

    /// <summary>False off Linux, and once a call was refused (no libc, or no <c>mmap</c>, <c>munmap</c> or <c>madvise</c>).</summary>
    public static bool CanMap { get; private set; } = OperatingSystem.IsLinux();

    /// <summary>
    /// Maps <paramref name="bytes"/> (rounded up to whole huge pages) of zeroed memory aligned to <see cref="Size"/> and advised for
    /// huge pages; null when the system refuses any step (nothing is left mapped then).
    /// </summary>
    /// <param name="bytes">The length, one or more.</param>
    /// <returns>The start of the range, to be given back with <see cref="Unmap"/>; or null.</returns>
    public static void* TryMap(nuint bytes)
    {
        if (!CanMap || bytes == 0)
        {
            return null;
        }

        bytes = Whole(bytes);

        try
        {
            // One huge page more than asked, so that an aligned range fits; the slack before and after it is unmapped.
            var total = bytes + Size;
            var mapped = Mmap(null, total, ProtectRead | ProtectWrite, MapPrivate | MapAnonymous, -1, 0);
            if (mapped == (void*)-1)
            {
                return null;
            }

            var start = ((nuint)mapped + Size - 1) & ~(Size - 1);
            var head = start - (nuint)mapped;
            var tail = total - head - bytes;
            if (head > 0)
            {
                _ = Munmap(mapped, head);
            }

            if (tail > 0)
            {
                _ = Munmap((void*)(start + bytes), tail);
            }

            if (Madvise((void*)start, bytes, MadviseHugePage) != 0)
            {
                _ = Munmap((void*)start, bytes);
                return null;
            }

            return (void*)start;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            CanMap = false;
            return null;
        }
    }

    /// <summary>Gives back a range of <see cref="TryMap"/>.</summary>
    /// <param name="address">What <see cref="TryMap"/> returned.</param>
    /// <param name="bytes">The length it was given.</param>
    public static void Unmap(void* address, nuint bytes) => _ = Munmap(address, Whole(bytes));

    private static nuint Whole(nuint bytes) => (bytes + Size - 1) & ~(Size - 1);

    [LibraryImport("libc", EntryPoint = "mmap")]
    private static partial void* Mmap(void* address, nuint length, int protection, int flags, int fd, nint offset);

    [LibraryImport("libc", EntryPoint = "munmap")]
    private static partial int Munmap(void* address, nuint length);

    [LibraryImport("libc", EntryPoint = "madvise")]
    private static partial int Madvise(void* address, nuint length, int advice);
}
