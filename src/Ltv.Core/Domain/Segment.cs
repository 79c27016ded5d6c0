using Ltv.Core.Validation;

namespace Ltv.Core.Domain;

/// <summary>
/// A group of customers valued together (age band, region, channel, cohort...): a key, the drivers
/// the strategies read, how many customers it holds and, optionally, what acquiring one costs.
/// </summary>
/// <remarks>
/// A segment carries aggregated inputs, not the customers themselves, so it stays small and cheap to
/// value; build one from a purchase log with the history ingestion API or from your own aggregates.
/// Immutable; validated at construction and in <c>with</c> expressions; value equality.
/// </remarks>
public sealed record Segment
{
    /// <summary>Creates a segment.</summary>
    /// <param name="key">A non-blank key such as "18-25".</param>
    /// <param name="drivers">The value drivers of a typical customer of the segment.</param>
    /// <param name="customerCount">How many customers the segment holds, zero or more.</param>
    /// <param name="acquisitionCost">The cost of acquiring one customer of the segment (CAC), zero or more; optional.</param>
    /// <exception cref="ArgumentException">Blank key.</exception>
    /// <exception cref="ArgumentNullException">Null drivers.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Negative count or acquisition cost.</exception>
    /// <exception cref="CurrencyMismatchException">The acquisition cost is in another currency than the drivers.</exception>
    public Segment(string key, ValueDrivers drivers, long customerCount = 1, Money? acquisitionCost = null)
    {
        Key = key;
        Drivers = drivers;
        CustomerCount = customerCount;
        AcquisitionCost = acquisitionCost;
    }

    /// <summary>The segment key.</summary>
    public string Key
    {
        get;
        init => field = Guard.NotBlank(value, "key");
    }

    /// <summary>The value drivers.</summary>
    public ValueDrivers Drivers
    {
        get;
        init
        {
            Guard.NotNull(value, "drivers");
            if (AcquisitionCost is { } cac && value.Currency is { } currency)
            {
                CurrencyMismatchException.ThrowIfDifferent(currency, cac.Currency, "a segment's drivers and acquisition cost");
            }

            field = value;
        }
    }

    /// <summary>The number of customers, zero or more.</summary>
    public long CustomerCount
    {
        get;
        init => field = value >= 0 ? value : throw Guard.OutOfRange("customerCount", "zero or more", value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The acquisition cost per customer (CAC); <see langword="null"/> when unknown.</summary>
    public Money? AcquisitionCost
    {
        get;
        init
        {
            if (value is { } cac)
            {
                Guard.NonNegative(cac.Amount, "acquisitionCost");
                if (Drivers?.Currency is { } currency)
                {
                    CurrencyMismatchException.ThrowIfDifferent(currency, cac.Currency, "a segment's drivers and acquisition cost");
                }
            }

            field = value;
        }
    }
}
