// The implementation before issue 14 (commit f7489d4), kept verbatim (renamed) as the baseline of
// IO/CsvIngestionBenchmarks. Not used by the library.
using Ltv.Core.Domain;
using Ltv.Core.History;
using Ltv.Core.IO;
using Ltv.Core.Validation;

namespace Ltv.Core.Benchmarks.IO.Previous;

/// <summary>
/// Appends purchase rows to growing columns and maps customer id strings to dense indices (an id is
/// allocated as a string once, the first time it is seen; later rows look it up from a span without
/// allocating). The streaming path of the readers: no object is kept per row.
/// </summary>
/// <remarks>Not thread safe. <see cref="Build"/> may be called once; the builder is spent afterwards.</remarks>
internal sealed class PreviousPurchaseLogBuilder
{
    private readonly PreviousCustomerIdMap _ids = new();
    private int[] _customer;
    private int[] _day;
    private long[] _amount;
    private int _count;
    private bool _built;

    /// <summary>Creates a builder.</summary>
    /// <param name="currency">The currency of every amount.</param>
    /// <param name="capacity">Expected rows, to size the columns; zero or more.</param>
    /// <exception cref="ArgumentOutOfRangeException">Negative capacity.</exception>
    public PreviousPurchaseLogBuilder(Currency currency, int capacity = 0)
    {
        if (capacity < 0)
        {
            throw Guard.OutOfRange(nameof(capacity), "zero or more", capacity.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        Currency = currency;
        MinorUnitScale = MinorUnits.Scale(currency);
        var initial = Math.Max(capacity, 16);
        _customer = new int[initial];
        _day = new int[initial];
        _amount = new long[initial];
    }

    /// <summary>The currency of the log.</summary>
    public Currency Currency { get; }

    /// <summary>Minor units per major unit of <see cref="Currency"/>.</summary>
    public long MinorUnitScale { get; }

    /// <summary>Rows added so far.</summary>
    public int Count => _count;

    /// <summary>Appends a row with an amount in minor units.</summary>
    /// <param name="customerId">The customer id (not blank); copied only when new.</param>
    /// <param name="date">The purchase date.</param>
    /// <param name="amountMinor">The amount in whole minor units, zero or more.</param>
    /// <returns>The customer's dense index.</returns>
    /// <exception cref="ArgumentException">Blank id.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Negative amount.</exception>
    public int Add(ReadOnlySpan<char> customerId, DateOnly date, long amountMinor)
    {
        if (amountMinor < 0)
        {
            throw Guard.OutOfRange(nameof(amountMinor), "zero or more", amountMinor.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var c = IndexOf(customerId);
        Append(c, date.DayNumber, amountMinor);
        return c;
    }

    /// <summary>Appends a row with a decimal amount.</summary>
    /// <param name="customerId">The customer id (not blank).</param>
    /// <param name="date">The purchase date.</param>
    /// <param name="amount">The amount, zero or more, at most the currency's minor-unit precision.</param>
    /// <returns>The customer's dense index.</returns>
    /// <exception cref="ArgumentException">Blank id.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Negative or too precise amount.</exception>
    public int Add(ReadOnlySpan<char> customerId, DateOnly date, decimal amount)
    {
        if (amount < 0m || !MinorUnits.TryToMinor(amount, MinorUnitScale, out var minor))
        {
            throw Guard.OutOfRange(nameof(amount), $"zero or more with at most {Currency.MinorUnitDigits} decimals for {Currency.Code}", Guard.Show(amount));
        }

        return Add(customerId, date, minor);
    }

    /// <summary>Ends building and returns the log.</summary>
    /// <returns>The columnar log.</returns>
    /// <exception cref="InvalidOperationException">Called twice.</exception>
    public PurchaseLog Build()
    {
        if (_built)
        {
            throw new InvalidOperationException("Build was already called on this PreviousPurchaseLogBuilder.");
        }

        _built = true;
        return new PurchaseLog(_ids.ToArray(), _customer, _day, _amount, _count, Currency);
    }

    private int IndexOf(ReadOnlySpan<char> customerId)
    {
        var c = _ids.IndexOf(customerId);
        if (c >= 0)
        {
            return c;
        }

        if (customerId.IsWhiteSpace())
        {
            throw new ArgumentException($"customerId must not be empty or blank (was '{customerId.ToString()}').", nameof(customerId));
        }

        return _ids.Add(customerId);
    }

    private void Append(int customer, int day, long amount)
    {
        if (_built)
        {
            throw new InvalidOperationException("Build was already called on this PreviousPurchaseLogBuilder.");
        }

        if (_count == _customer.Length)
        {
            var size = (int)Math.Min(Array.MaxLength, (long)_count * 2);
            Array.Resize(ref _customer, size);
            Array.Resize(ref _day, size);
            Array.Resize(ref _amount, size);
        }

        _customer[_count] = customer;
        _day[_count] = day;
        _amount[_count] = amount;
        _count++;
    }
}
