using Ltv.Core.Domain;

namespace Ltv.Core.History;

/// <summary>Exact conversion between decimal amounts and whole minor units (cents) of a currency.</summary>
internal static class MinorUnits
{
    private static readonly long[] Powers = [1, 10, 100, 1_000, 10_000];

    /// <summary>Minor units per major unit: 100 for USD, 1 for JPY, 1,000 for KWD.</summary>
    public static long Scale(Currency currency) => Powers[currency.MinorUnitDigits];

    /// <summary>Converts an amount to whole minor units; false when it has finer precision than the minor unit or overflows.</summary>
    public static bool TryToMinor(decimal amount, long scale, out long minor)
    {
        minor = 0;
        decimal scaled;
        try
        {
            scaled = amount * scale;
        }
        catch (OverflowException)
        {
            return false;
        }

        if (scaled != decimal.Truncate(scaled) || scaled > long.MaxValue || scaled < long.MinValue)
        {
            return false;
        }

        minor = (long)scaled;
        return true;
    }

    /// <summary>Converts whole minor units back to an exact decimal amount.</summary>
    public static decimal ToDecimal(long minor, long scale) => (decimal)minor / scale;
}
