using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

using Ltv.Core.History;

namespace Ltv.Core.Tests.History;

public class CustomerIdMapTests
{
    /// <summary>The hand-written map gives the same dense indices as a dictionary, through growth of slots and characters.</summary>
    [Property(MaxTest = 1000)]
    public bool Indices_equal_first_appearance_order(int seed, PositiveInt size)
    {
        var random = new Random(seed);
        var map = new CustomerIdMap();
        var reference = new Dictionary<string, int>(StringComparer.Ordinal);
        var n = size.Get % 3000;
        var distinct = 1 + random.Next(1 + n);
        for (var i = 0; i < n; i++)
        {
            var id = "id" + random.Next(distinct).ToString(System.Globalization.CultureInfo.InvariantCulture) + new string('x', random.Next(3));
            var found = map.IndexOf(id);
            if (!reference.TryGetValue(id, out var expected))
            {
                if (found != -1 || map.Add(id) != reference.Count)
                {
                    return false;
                }

                reference.Add(id, reference.Count);
            }
            else if (found != expected)
            {
                return false;
            }
        }

        return map.Count == reference.Count && map.ToArray().SequenceEqual(reference.OrderBy(p => p.Value).Select(p => p.Key));
    }

    [Fact]
    public void Long_ids_and_prefixes_are_told_apart()
    {
        var map = new CustomerIdMap();
        var longId = new string('a', 20_000);
        Assert.Equal(0, map.Add(longId));
        Assert.Equal(1, map.Add("a"));
        Assert.Equal(-1, map.IndexOf("aa"));
        Assert.Equal(0, map.IndexOf(longId));
        Assert.Equal(1, map.IndexOf("a"));
        Assert.Equal(2, map.Add(string.Empty));
        Assert.Equal(2, map.IndexOf(string.Empty));
    }

    [Fact]
    public void A_map_past_the_huge_page_size_finds_every_id_and_is_empty_once_released()
    {
        // 300,000 ids grow the table past 4 MiB (native memory advised for huge pages on Linux).
        var map = new CustomerIdMap();
        var ids = Enumerable.Range(0, 300_000).Select(i => i % 3 == 0 ? "customer-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) : "C" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        for (var i = 0; i < ids.Length; i++)
        {
            Assert.Equal(i, map.Add(ids[i]));
        }

        for (var i = ids.Length - 1; i >= 0; i--)
        {
            Assert.Equal(i, map.IndexOf(ids[i]));
        }

        Assert.Equal(-1, map.IndexOf("C300000"));
        Assert.Equal(ids, map.ToArray());
        map.Release();
        Assert.Equal(0, map.Count);
        Assert.Equal(-1, map.IndexOf("C1"));
        Assert.Equal(0, map.Add("C1"));
        Assert.Equal(0, map.IndexOf("C1"));
    }
}
