using System.Numerics;
using System.Runtime.CompilerServices;

namespace Ltv.Core.Bulk;

/// <summary>
/// Exact, order-independent summation of <see cref="decimal"/> values. A decimal is an integer mantissa
/// (96 bits and a sign) times 10^-scale with a scale of 0 to 28, so a sum is kept as one 128-bit integer
/// per scale: adding a value adds its mantissa to the bucket of its scale, which is exact and costs a
/// 128-bit addition instead of a decimal addition (which must align scales and round). The buckets are
/// turned into one decimal at the end, rounding once (half to even) to decimal's precision.
/// </summary>
/// <remarks>
/// Hand-written because it was measured faster: on 1,000,000 full-precision values (28 significant
/// digits, as 1/churn or months/12 produce) decimal addition cost about 40 ns a value on the benchmark
/// machine, the bucket addition a few nanoseconds. Being exact, the sum does not depend on the order of
/// the additions, so parallel partial sums combine to the sequential result digit for digit.
/// A bucket overflows (checked: <see cref="OverflowException"/>) only after about 2 x 10^9 additions of
/// mantissas near decimal's maximum.
/// </remarks>
internal static class ExactDecimalSum
{
    /// <summary>Buckets per sum: one per decimal scale 0..28.</summary>
    public const int Buckets = 29;

    private static readonly UInt128 MaxMantissa = (UInt128.One << 96) - 1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add(Span<Int128> buckets, int offset, decimal value, Span<int> bits)
    {
        decimal.GetBits(value, bits);
        var flags = bits[3];
        var mantissa = new Int128((uint)bits[2], ((ulong)(uint)bits[1] << 32) | (uint)bits[0]);
        ref var bucket = ref buckets[offset + ((flags >> 16) & 0xFF)];
        bucket = checked(bucket + (flags < 0 ? -mantissa : mantissa));
    }

    public static void AddInto(Span<Int128> target, ReadOnlySpan<Int128> source)
    {
        for (var i = 0; i < target.Length; i++)
        {
            target[i] = checked(target[i] + source[i]);
        }
    }

    /// <summary>The exact sum of the buckets, rounded once (half to even) to a decimal.</summary>
    /// <exception cref="OverflowException">The sum is outside decimal's range.</exception>
    public static decimal ToDecimal(ReadOnlySpan<Int128> buckets)
    {
        // Fast path without allocation: the sum x 10^28 fits in 128 bits for any realistic total.
        try
        {
            var numerator = Int128.Zero;
            for (var scale = 0; scale < Buckets; scale++)
            {
                if (buckets[scale] != Int128.Zero)
                {
                    numerator = checked(numerator + checked(buckets[scale] * (Int128)Pow10[Buckets - 1 - scale]));
                }
            }

            if (numerator == Int128.MinValue)
            {
                throw new OverflowException();
            }

            var negative = numerator < Int128.Zero;
            var magnitude = (UInt128)(negative ? -numerator : numerator);
            var dropped = 0;
            while (magnitude / Pow10[dropped] > MaxMantissa)
            {
                dropped++;
            }

            var mantissa = RoundHalfEven(magnitude, dropped);
            if (mantissa > MaxMantissa)
            {
                dropped++;
                mantissa = RoundHalfEven(magnitude, dropped);
            }

            return Build(mantissa, negative, Buckets - 1 - dropped);
        }
        catch (OverflowException)
        {
            return ToDecimalBig(buckets);
        }
    }

    private static readonly UInt128[] Pow10 = CreatePowers();

    private static UInt128[] CreatePowers()
    {
        var powers = new UInt128[39];
        powers[0] = UInt128.One;
        for (var i = 1; i < powers.Length; i++)
        {
            powers[i] = powers[i - 1] * 10;
        }

        return powers;
    }

    private static UInt128 RoundHalfEven(UInt128 magnitude, int digits)
    {
        if (digits == 0)
        {
            return magnitude;
        }

        var divisor = Pow10[digits];
        var quotient = magnitude / divisor;
        var remainder = magnitude - (quotient * divisor);
        var half = divisor / 2;
        if (remainder > half || (remainder == half && (quotient & UInt128.One) == UInt128.One))
        {
            quotient += UInt128.One;
        }

        return quotient;
    }

    private static decimal Build(UInt128 mantissa, bool negative, int scale)
    {
        if (scale < 0)
        {
            throw new OverflowException("The total is outside decimal's range.");
        }

        return new decimal((int)(uint)mantissa, (int)(uint)(mantissa >> 32), (int)(uint)(mantissa >> 64), negative, (byte)scale);
    }

    private static decimal ToDecimalBig(ReadOnlySpan<Int128> buckets)
    {
        var numerator = BigInteger.Zero;
        for (var scale = 0; scale < Buckets; scale++)
        {
            numerator += (BigInteger)buckets[scale] * BigInteger.Pow(10, Buckets - 1 - scale);
        }

        var negative = numerator.Sign < 0;
        var magnitude = BigInteger.Abs(numerator);
        var max = (BigInteger)MaxMantissa;
        var dropped = 0;
        while (BigInteger.Divide(magnitude, BigInteger.Pow(10, dropped)) > max)
        {
            dropped++;
        }

        var mantissa = RoundHalfEven(magnitude, dropped);
        if (mantissa > max)
        {
            dropped++;
            mantissa = RoundHalfEven(magnitude, dropped);
        }

        return Build((UInt128)mantissa, negative, Buckets - 1 - dropped);
    }

    private static BigInteger RoundHalfEven(BigInteger magnitude, int digits)
    {
        if (digits == 0)
        {
            return magnitude;
        }

        var divisor = BigInteger.Pow(10, digits);
        var quotient = BigInteger.DivRem(magnitude, divisor, out var remainder);
        var twice = remainder * 2;
        if (twice > divisor || (twice == divisor && !quotient.IsEven))
        {
            quotient += 1;
        }

        return quotient;
    }
}
