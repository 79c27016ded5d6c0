using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using System.Security.Cryptography;

namespace Ltv.Core.History;

/// <summary>
/// Maps customer id text to dense indices 0, 1, 2... in order of first appearance, looking ids up from
/// spans without allocating. Open addressing with linear probing over 16-byte slots that hold the hash and
/// either the id itself (an ASCII id of up to 8 characters, 7 bits each, packed into 8 bytes) or where its characters sit
/// in one shared buffer; so a hit on a short id reads one slot and nothing else.
/// </summary>
/// <remarks>
/// <para>Hand-written rather than a <c>Dictionary&lt;string, int&gt;</c> alternate lookup, which reads a bucket, an
/// entry and the key string on every row. With 1,000,000 distinct ids every lookup misses the CPU caches (and,
/// in a virtual machine, the TLB): measured with a stopwatch on the shared 2-core machine, 10,000,000 lookups
/// of 1,000,000 ids took about 2.0 s with the ids in the character buffer (two misses a row), about 1.0 s with
/// short ids packed in the slot (one miss), and about 0.5 s when callers also <see cref="Touch"/> the slots of
/// a batch of rows before resolving them, so that the batch's misses overlap instead of following each other.</para>
/// <para>From 4 MiB (262,144 slots) the table is advised for huge pages on Linux (<see cref="SlotBuffer{T}"/>): with 1,000,000 ids it
/// spans 32 MiB, 8,192 small pages, more than the TLB holds.</para>
/// <para>Hashes are keyed per process (<see cref="Hash(ReadOnlySpan{char}, long)"/>), so ids cannot be crafted to
/// collide. Not thread safe.</para>
/// </remarks>
internal sealed class CustomerIdMap
{
    /// <summary>The longest id kept in its slot: 8 ASCII characters of 7 bits (56 bits), plus the length and a flag.</summary>
    private const int MaxInline = 8;

    private SlotBuffer<Slot> _slots = new(1024);
    private char[] _chars = new char[8192];
    private int[] _starts = new int[512];
    private int _charCount;
    private int _touched;

    /// <summary>The number of distinct ids.</summary>
    public int Count { get; private set; }

    /// <summary>The slots of the table (a power of two, at least twice <see cref="Count"/>; 1,024 after <see cref="Release"/>).</summary>
    public int TableSlots => _slots.Length;

    /// <summary>The process-random key of <see cref="Hash(ReadOnlySpan{char}, long)"/> for packed ids (from the system's cryptographic generator).</summary>
    private static readonly ulong Seed = NewSeed();

    /// <summary>The hash an id is stored under.</summary>
    public static int Hash(ReadOnlySpan<char> id) => Hash(id, InlineKey(id));

    /// <summary>
    /// The hash an id with this <see cref="InlineKey(ReadOnlySpan{char})"/> is stored under: for a packed id, its key mixed with a process-random seed
    /// (a 64-bit finaliser, a few multiplications); for any other, <see cref="string.GetHashCode(ReadOnlySpan{char})"/>. Both are
    /// keyed per process, so ids cannot be crafted to collide (the mix is not a cryptographic hash, but without the seed an id's
    /// slot cannot be known outside the process); the mix of the packed key was measured about 6 times faster than the string
    /// hash on 7-character ids, about 10 % of a 10,000,000-row read on one thread.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Hash(ReadOnlySpan<char> id, long key)
    {
        if (key >= 0)
        {
            return string.GetHashCode(id);
        }

        var x = (ulong)key ^ Seed;
        x = (x ^ (x >> 33)) * 0xFF51AFD7ED558CCDUL;
        x = (x ^ (x >> 33)) * 0xC4CEB9FE1A85EC53UL;
        return (int)(x ^ (x >> 33));
    }

    private static ulong NewSeed()
    {
        Span<byte> bytes = stackalloc byte[sizeof(ulong)];
        RandomNumberGenerator.Fill(bytes);
        return BitConverter.ToUInt64(bytes);
    }

    /// <summary>
    /// The id packed into a negative number when it is ASCII and at most 8 characters long (7 bits a character
    /// in the low 56 bits, the length in the 4 bits above them, the sign bit set); 0 when it is not. An id of 5 to 8
    /// characters is read as two overlapping 4-character words (never outside the span): about 5 % of a one-thread
    /// 10,000,000-row read was this function when it went a character at a time.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long InlineKey(ReadOnlySpan<char> id)
    {
        var length = id.Length;
        if ((uint)(length - 5) > MaxInline - 5 || !Bmi2.X64.IsSupported || !Vector128.IsHardwareAccelerated)
        {
            return InlineKeyByCharacter(id);
        }

        var bytes = MemoryMarshal.AsBytes(id);
        var first = MemoryMarshal.Read<ulong>(bytes);

        // The last 4 characters, shifted so that only those after the first 4 remain (a shift of 16 to 48 bits).
        var last = MemoryMarshal.Read<ulong>(bytes[((length - 4) * sizeof(char))..]) >> (16 * (8 - length));
        var v = Vector128.Create(first, last).AsUInt16();
        if ((v & Vector128.Create((ushort)0xFF80)) != Vector128<ushort>.Zero)
        {
            return 0;
        }

        var packed = Vector128.Narrow(v, v).AsUInt64().ToScalar();
        return long.MinValue | ((long)length << 56) | (long)Bmi2.X64.ParallelBitExtract(packed, 0x7F7F7F7F7F7F7F7FUL);
    }

    private static long InlineKeyByCharacter(ReadOnlySpan<char> id)
    {
        if (id.Length > MaxInline)
        {
            return 0;
        }

        long key = 0;
        for (var i = 0; i < id.Length; i++)
        {
            var c = id[i];
            if (c > 0x7F)
            {
                return 0;
            }

            key |= (long)c << (7 * i);
        }

        return long.MinValue | ((long)id.Length << 56) | key;
    }

    /// <summary>The characters of a packed id (an <see cref="InlineKey(ReadOnlySpan{char})"/> below zero) written to <paramref name="destination"/> (8 or more long); returns their count.</summary>
    public static int Unpack(long key, Span<char> destination)
    {
        var length = (int)((key >> 56) & 0xF);
        for (var i = 0; i < length; i++)
        {
            destination[i] = (char)((key >> (7 * i)) & 0x7F);
        }

        return length;
    }

    /// <summary>
    /// The ids in index order, as strings. Strings are made only here: while a log is read the heap holds
    /// a few large arrays instead of an object per customer, which keeps garbage collections cheap.
    /// </summary>
    public string[] ToArray()
    {
        var ids = new string[Count];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = new string(IdAt(i));
        }

        return ids;
    }

    /// <summary>The characters of the id at an index (valid until the next <see cref="Add(ReadOnlySpan{char})"/>).</summary>
    public ReadOnlySpan<char> IdAt(int index)
    {
        var end = index + 1 < Count ? _starts[index + 1] : _charCount;
        return _chars.AsSpan(_starts[index], end - _starts[index]);
    }

    /// <summary>The index of an id, or -1 when it has not been added.</summary>
    public int IndexOf(ReadOnlySpan<char> id)
    {
        var key = InlineKey(id);
        return IndexOf(id, Hash(id, key), key);
    }

    /// <summary>The index of an id whose <see cref="Hash(ReadOnlySpan{char}, long)"/> and <see cref="InlineKey(ReadOnlySpan{char})"/> are given, or -1.</summary>
    public int IndexOf(ReadOnlySpan<char> id, int hash, long key)
    {
        // The table's memory may be native (SlotBuffer): kept reachable until the span is no longer read, so that its
        // finalizer cannot free it under the loop when nothing else holds this map.
        var table = _slots;
        var slots = table.Span;
        var mask = slots.Length - 1;
        int index;
        for (var i = hash & mask; ; i = (i + 1) & mask)
        {
            ref readonly var s = ref slots[i];
            if (s.IndexPlusOne == 0)
            {
                index = -1;
                break;
            }

            if (s.Hash == hash && (key < 0 ? s.Key == key : s.Key >= 0 && (int)s.Key == id.Length && _chars.AsSpan((int)(s.Key >> 32), id.Length).SequenceEqual(id)))
            {
                index = s.IndexPlusOne - 1;
                break;
            }
        }

        GC.KeepAlive(table);
        return index;
    }

    /// <summary>
    /// Reads the first slot of each hash (and, for an id kept in the character buffer, its first character), so
    /// that the cache misses of a batch of lookups overlap; the lookups that follow then hit the cache. A
    /// hint only: it changes nothing.
    /// </summary>
    public void Touch(ReadOnlySpan<int> hashes)
    {
        var slots = _slots.Span;
        var mask = slots.Length - 1;
        var sum = 0;
        foreach (var h in hashes)
        {
            sum += slots[h & mask].IndexPlusOne;
        }

        var chars = _chars;
        foreach (var h in hashes)
        {
            ref readonly var s = ref slots[h & mask];
            if (s.Key > 0 && s.Hash == h)
            {
                sum += chars[(int)(s.Key >> 32)];
            }
        }

        // Kept so that the reads are not optimised away.
        _touched += sum;
    }

    /// <summary>Adds an id that <see cref="IndexOf(ReadOnlySpan{char})"/> did not find; returns its new index.</summary>
    public int Add(ReadOnlySpan<char> id)
    {
        var key = InlineKey(id);
        return Add(id, Hash(id, key), key);
    }

    /// <summary>Adds an id (with its <see cref="Hash(ReadOnlySpan{char}, long)"/> and <see cref="InlineKey(ReadOnlySpan{char})"/>) that was not found; returns its new index.</summary>
    public int Add(ReadOnlySpan<char> id, int hash, long key)
    {
        if ((Count + 1) * 2 > _slots.Length)
        {
            Grow();
        }

        if (_charCount + id.Length > _chars.Length)
        {
            var size = (int)Math.Min(Array.MaxLength, Math.Max((long)_chars.Length * 2, (long)_charCount + id.Length));
            if (size < _charCount + id.Length)
            {
                throw new InvalidOperationException($"The customer ids exceed {Array.MaxLength} characters in total (at id '{id.ToString()}').");
            }

            Array.Resize(ref _chars, size);
        }

        id.CopyTo(_chars.AsSpan(_charCount));
        var index = Count;
        if (index == _starts.Length)
        {
            Array.Resize(ref _starts, index * 2);
        }

        _starts[index] = _charCount;
        Insert(new Slot { Hash = hash, IndexPlusOne = index + 1, Key = key < 0 ? key : ((long)_charCount << 32) | (uint)id.Length });
        _charCount += id.Length;
        Count = index + 1;
        return index;
    }

    /// <summary>Frees the table's memory now rather than at the next garbage collection (see <see cref="SlotBuffer{T}"/>); the map is empty afterwards.</summary>
    public void Release()
    {
        _slots.Free();
        _slots = new SlotBuffer<Slot>(1024);
        _chars = new char[8192];
        _starts = new int[512];
        _charCount = 0;
        Count = 0;
    }

    private void Insert(Slot slot) => Insert(_slots.Span, slot);

    private static void Insert(Span<Slot> slots, Slot slot)
    {
        var mask = slots.Length - 1;
        var i = slot.Hash & mask;
        while (slots[i].IndexPlusOne != 0)
        {
            i = (i + 1) & mask;
        }

        slots[i] = slot;
    }

    private void Grow()
    {
        var old = _slots;
        var grown = new SlotBuffer<Slot>(old.Length * 2);
        var slots = grown.Span;
        foreach (var s in old.Span)
        {
            if (s.IndexPlusOne != 0)
            {
                Insert(slots, s);
            }
        }

        _slots = grown;
        old.Free();
    }

    /// <summary>
    /// One table entry. <see cref="Key"/> is the packed id when negative (see <see cref="InlineKey(ReadOnlySpan{char})"/>), else the
    /// offset of its characters in the buffer (high 32 bits) and their count (low 32 bits).
    /// </summary>
    private struct Slot
    {
        public int Hash;
        public int IndexPlusOne;
        public long Key;
    }
}
