using System.Runtime.InteropServices;

namespace Ltv.Core.History;

/// <summary>Linux transparent huge pages: asks the kernel to back a range of memory with 2 MiB pages (see <see cref="SlotBuffer{T}"/>).</summary>
internal static unsafe partial class HugePages
{
    /// <summary>The huge page size of x64 and most arm64 Linux systems, and the alignment of the ranges advised.</summary>
    public const nuint Size = 2u << 20;

    private const int MadviseHugePage = 14;

    /// <summary>False off Linux, and once the call was refused (no libc or no <c>madvise</c>).</summary>
    public static bool CanAdvise { get; private set; } = OperatingSystem.IsLinux();

    /// <summary>Advises an untouched range for huge pages (<c>madvise(MADV_HUGEPAGE)</c>); false when the system refuses.</summary>
    /// <param name="address">The start of the range, aligned to <see cref="Size"/>.</param>
    /// <param name="bytes">The length of the range.</param>
    /// <returns>True when the kernel took the advice.</returns>
    public static bool TryAdvise(void* address, nuint bytes)
    {
        if (!CanAdvise)
        {
            return false;
        }

        try
        {
            return Madvise(address, bytes, MadviseHugePage) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            CanAdvise = false;
            return false;
        }
    }

    [LibraryImport("libc", EntryPoint = "madvise")]
    private static partial int Madvise(void* address, nuint length, int advice);
}
