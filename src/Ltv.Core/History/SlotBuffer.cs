namespace Ltv.Core.History;

/// <summary>
/// A zeroed, fixed-length buffer of unmanaged values for a large hash table. From 4 MiB on Linux it is memory mapped from the
/// kernel, aligned to 2 MiB and advised for transparent huge pages (<see cref="HugePages"/>), so that random reads across it do
/// not each miss the TLB; otherwise (smaller, another system, or where a call is refused) a managed array.
/// </summary>
/// <remarks>
/// Measured on the 2-core KVM machine of docs/benchmarks.md (transparent huge pages in <c>madvise</c> mode, as on Debian and
/// Ubuntu): the 32 MiB id table of 1,000,000 customers read by 10,000,000 lookups, a one-thread 10,000,000-row CSV read took
/// 6-9 % less wall time, old and new alternating in one process. The mapped memory is unmapped by <see cref="Free"/> (which
/// the owner calls when it replaces or is done with the buffer) or, failing that, by the finalizer; a freed buffer reads as
/// empty. A caller that reads <see cref="Span"/> in a method whose object may be unreachable meanwhile keeps the buffer alive
/// (<see cref="GC.KeepAlive(object)"/>) until its last read. Not thread safe.
/// </remarks>
/// <typeparam name="T">The element type.</typeparam>
internal sealed unsafe class SlotBuffer<T>
    where T : unmanaged
{
    private const nuint NativeFrom = 4u << 20;

    private T[]? _managed;
    private void* _native;

    /// <summary>Allocates a zeroed buffer.</summary>
    /// <param name="length">Elements, one or more.</param>
    public SlotBuffer(int length)
    {
        Length = length;
        var bytes = (nuint)length * (nuint)sizeof(T);
        var native = bytes >= NativeFrom ? HugePages.TryMap(bytes) : null;
        if (native is not null)
        {
            GC.AddMemoryPressure((long)bytes);
            _native = native;
            return;
        }

        _managed = new T[length];
    }

    /// <summary>Frees the native memory not freed by <see cref="Free"/>.</summary>
    ~SlotBuffer() => Free();

    /// <summary>The number of elements.</summary>
    public int Length { get; private set; }

    /// <summary>The elements (empty after <see cref="Free"/>).</summary>
    public Span<T> Span => _managed is not null ? _managed : _native is null ? [] : new Span<T>(_native, Length);

    /// <summary>Frees the native memory now (a managed array is left to the garbage collector); the buffer is empty afterwards.</summary>
    public void Free()
    {
        if (_managed is not null)
        {
            _managed = null;
            Length = 0;
        }

        if (_native is not null)
        {
            HugePages.Unmap(_native, (nuint)Length * (nuint)sizeof(T));
            _native = null;
            GC.RemoveMemoryPressure((long)((nuint)Length * (nuint)sizeof(T)));
            Length = 0;
        }
    }
}
