using Ltv.Core.Bulk;

namespace Ltv.Core.Tests.Bulk;

public class ExactDecimalSumTests
{
    private static decimal Sum(params decimal[] values)
    {
        var buckets = new Int128[ExactDecimalSum.Buckets];
        var bits = new int[4];
        foreach (var value in values)
        {
            ExactDecimalSum.Add(buckets, 0, value, bits);
        }

        return ExactDecimalSum.ToDecimal(buckets);
    }

    [Fact]
    public void Sums_of_mixed_scales_and_signs_are_exact()
    {
        Assert.Equal(0m, Sum());
        Assert.Equal(3.75m, Sum(1m, 2.5m, 0.25m));
        Assert.Equal(-1.2345678901234567890123456789m, Sum(-1.2345678901234567890123456789m));
        Assert.Equal(0.0000000000000000000000000001m, Sum(5_000m, 0.0000000000000000000000000001m, -5_000m));
    }

    [Fact]
    public void The_final_rounding_is_half_to_even_and_happens_once()
    {
        Assert.Equal(10_000_000_000_000_000_000_000_000_000m, Sum(10_000_000_000_000_000_000_000_000_000m, 0.5m));
        Assert.Equal(10_000_000_000_000_000_000_000_000_002m, Sum(10_000_000_000_000_000_000_000_000_001m, 0.5m));
        Assert.Equal(10_000_000_000_000_000_000_000_000_001m, Sum(10_000_000_000_000_000_000_000_000_000m, 0.25m, 0.25m, 0.25m, 0.25m, 0.0000000001m));
    }

    [Fact]
    public void Totals_beyond_128_bits_take_the_big_integer_path_and_overflow_is_reported()
    {
        Assert.Equal(decimal.MaxValue, Sum(decimal.MaxValue));
        Assert.Equal(decimal.MinValue, Sum(decimal.MinValue));
        Assert.Throws<OverflowException>(() => Sum(decimal.MaxValue, decimal.MaxValue));
    }
}
