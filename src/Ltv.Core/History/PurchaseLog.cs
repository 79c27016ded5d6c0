using Ltv.Core.Domain;
using Ltv.Core.Validation;

namespace Ltv.Core.History;

/// <summary>
/// A purchase log held as columns (structure of arrays): per row a dense customer index, a day number
/// (<see cref="DateOnly.DayNumber"/>) and an amount in whole minor units (cents) of one currency; and
/// the customer id strings, one per dense index. About 16 bytes a row, no object per row.
/// </summary>
/// <remarks>
/// <para>Money is exact: amounts are kept as <see cref="long"/> minor units of <see cref="Currency"/> (100 a
/// dollar, 1 a yen), so totals are exact to the cent; an amount with finer precision than the currency's
/// minor unit is refused rather than rounded. Amounts are zero or more (refunds are not purchases).</para>
/// <para>Build one with <see cref="PurchaseLogBuilder"/> (streaming, ids interned without allocating per row),
/// from <see cref="Purchase"/> objects, from columns, or with the readers of <c>Ltv.Core.IO</c>.
/// Immutable once built and thread safe for reading.</para>
/// </remarks>
public sealed class PurchaseLog
{
    private readonly string[] _ids;
    private readonly System.Collections.ObjectModel.ReadOnlyCollection<string> _idsView;
    private readonly int[] _customer;
    private readonly int[] _day;
    private readonly long[] _amount;

    internal PurchaseLog(string[] ids, int[] customer, int[] day, long[] amountMinor, int count, Currency currency)
    {
        _ids = ids;
        _idsView = Array.AsReadOnly(ids);
        _customer = customer;
        _day = day;
        _amount = amountMinor;
        Count = count;
        Currency = currency;
        MinorUnitScale = MinorUnits.Scale(currency);
    }

    /// <summary>The currency of every amount.</summary>
    public Currency Currency { get; }

    /// <summary>Minor units per major unit of <see cref="Currency"/> (100 for USD).</summary>
    public long MinorUnitScale { get; }

    /// <summary>The number of rows.</summary>
    public int Count { get; }

    /// <summary>The number of distinct customers.</summary>
    public int CustomerCount => _ids.Length;

    /// <summary>The customer id of each dense customer index (a read-only view: casting it does not give a writable array).</summary>
    public IReadOnlyList<string> CustomerIds => _idsView;

    /// <summary>The id array itself, for loops inside the library; never handed out.</summary>
    internal string[] CustomerIdArray => _ids;

    /// <summary>The dense customer index of each row, into <see cref="CustomerIds"/>.</summary>
    public ReadOnlySpan<int> CustomerIndex => _customer.AsSpan(0, Count);

    /// <summary>The date of each row as <see cref="DateOnly.DayNumber"/>.</summary>
    public ReadOnlySpan<int> DayNumber => _day.AsSpan(0, Count);

    /// <summary>The amount of each row in whole minor units of <see cref="Currency"/>.</summary>
    public ReadOnlySpan<long> AmountMinor => _amount.AsSpan(0, Count);

    /// <summary>The sum of all amounts, exact; never overflows (a sum beyond <see cref="long.MaxValue"/> minor units is summed in <see cref="decimal"/>).</summary>
    public Money Total
    {
        get
        {
            var amounts = AmountMinor;
            long sum = 0;
            for (var i = 0; i < amounts.Length; i++)
            {
                // Amounts are zero or more, so a sum past long.MaxValue wraps to a negative number.
                var next = unchecked(sum + amounts[i]);
                if (next < 0)
                {
                    return new Money(DecimalTotal(sum, amounts[i..]) / MinorUnitScale, Currency);
                }

                sum = next;
            }

            return new Money(MinorUnits.ToDecimal(sum, MinorUnitScale), Currency);
        }
    }

    /// <summary>The customer id of a row.</summary>
    /// <param name="row">The row, 0-based.</param>
    /// <returns>The id.</returns>
    public string CustomerIdAt(int row) => _ids[_customer[CheckRow(row)]];

    /// <summary>The date of a row.</summary>
    /// <param name="row">The row, 0-based.</param>
    /// <returns>The date.</returns>
    public DateOnly DateAt(int row) => DateOnly.FromDayNumber(_day[CheckRow(row)]);

    /// <summary>The amount of a row.</summary>
    /// <param name="row">The row, 0-based.</param>
    /// <returns>The exact amount.</returns>
    public Money AmountAt(int row) => new(MinorUnits.ToDecimal(_amount[CheckRow(row)], MinorUnitScale), Currency);

    /// <summary>The rows as <see cref="Purchase"/> objects (dated at midnight), in log order.</summary>
    /// <returns>A lazy sequence.</returns>
    public IEnumerable<Purchase> ToPurchases()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return new Purchase(_ids[_customer[i]], DateOnly.FromDayNumber(_day[i]).ToDateTime(TimeOnly.MinValue), AmountAt(i));
        }
    }

    /// <summary>Summarises the log per customer; see <see cref="CustomerSummarizer"/>.</summary>
    /// <param name="options">The observation window, unit and grouping.</param>
    /// <returns>One row per customer (customers first seen after the calibration end are excluded and counted).</returns>
    public CustomerSummaries Summarize(SummaryOptions options) =>
        CustomerSummarizer.Summarize(_ids, CustomerIndex, DayNumber, AmountMinor, Currency, options);

    /// <summary>Builds a log from purchase objects; the date of each timestamp is used.</summary>
    /// <param name="purchases">The purchases, all in one currency.</param>
    /// <param name="currency">The currency; when <see langword="null"/>, that of the first purchase (an empty log then needs one).</param>
    /// <returns>The columnar log.</returns>
    /// <exception cref="CurrencyMismatchException">A purchase is in another currency.</exception>
    /// <exception cref="ArgumentException">An amount has finer precision than the currency's minor unit, or an empty sequence without a currency.</exception>
    public static PurchaseLog FromPurchases(IEnumerable<Purchase> purchases, Currency? currency = null)
    {
        ArgumentNullException.ThrowIfNull(purchases);
        PurchaseLogBuilder? builder = currency is { } c ? new PurchaseLogBuilder(c) : null;
        foreach (var p in purchases)
        {
            ArgumentNullException.ThrowIfNull(p, nameof(purchases));
            builder ??= new PurchaseLogBuilder(p.Amount.Currency);
            CurrencyMismatchException.ThrowIfDifferent(builder.Currency, p.Amount.Currency, "a purchase log");
            builder.Add(p.CustomerId, DateOnly.FromDateTime(p.Timestamp), p.Amount.Amount);
        }

        return builder?.Build() ?? throw new ArgumentException("currency must be given for an empty purchase sequence (was null).", nameof(currency));
    }

    /// <summary>Builds a log from columns of dates and decimal amounts.</summary>
    /// <param name="customerIds">The id of each dense customer index.</param>
    /// <param name="customerIndex">Per row, an index into <paramref name="customerIds"/>.</param>
    /// <param name="dates">Per row, the purchase date.</param>
    /// <param name="amounts">Per row, the amount, zero or more, at most the currency's minor-unit precision.</param>
    /// <param name="currency">The currency of the amounts.</param>
    /// <returns>The columnar log (the columns are copied).</returns>
    /// <exception cref="ArgumentException">Columns differ in length, or a blank or duplicate id.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An index out of range, or a negative or too precise amount; the message names the row.</exception>
    public static PurchaseLog FromColumns(IReadOnlyList<string> customerIds, ReadOnlySpan<int> customerIndex, ReadOnlySpan<DateOnly> dates, ReadOnlySpan<decimal> amounts, Currency currency)
    {
        CheckLength(customerIndex.Length, dates.Length, amounts.Length);
        var scale = MinorUnits.Scale(currency);
        var days = new int[dates.Length];
        var minor = new long[dates.Length];
        for (var i = 0; i < dates.Length; i++)
        {
            days[i] = dates[i].DayNumber;
            if (amounts[i] < 0m || !MinorUnits.TryToMinor(amounts[i], scale, out minor[i]))
            {
                throw Guard.OutOfRange($"amounts[{i}]", $"zero or more with at most {currency.MinorUnitDigits} decimals for {currency.Code}", Guard.Show(amounts[i]));
            }
        }

        return Create(customerIds, customerIndex, days, minor, currency);
    }

    /// <summary>Builds a log from columns of day numbers and minor-unit amounts.</summary>
    /// <param name="customerIds">The id of each dense customer index.</param>
    /// <param name="customerIndex">Per row, an index into <paramref name="customerIds"/>.</param>
    /// <param name="dayNumbers">Per row, the date as <see cref="DateOnly.DayNumber"/>.</param>
    /// <param name="amountMinor">Per row, the amount in whole minor units, zero or more.</param>
    /// <param name="currency">The currency of the amounts.</param>
    /// <returns>The columnar log (the columns are copied).</returns>
    /// <exception cref="ArgumentException">Columns differ in length, or a blank or duplicate id.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An index or day number out of range, or a negative amount; the message names the row.</exception>
    public static PurchaseLog FromColumns(IReadOnlyList<string> customerIds, ReadOnlySpan<int> customerIndex, ReadOnlySpan<int> dayNumbers, ReadOnlySpan<long> amountMinor, Currency currency)
    {
        CheckLength(customerIndex.Length, dayNumbers.Length, amountMinor.Length);
        var maxDay = DateOnly.MaxValue.DayNumber;
        for (var i = 0; i < dayNumbers.Length; i++)
        {
            if ((uint)dayNumbers[i] > (uint)maxDay)
            {
                throw Guard.OutOfRange($"dayNumbers[{i}]", $"a DateOnly day number in [0, {maxDay}]", dayNumbers[i].ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            if (amountMinor[i] < 0)
            {
                throw Guard.OutOfRange($"amountMinor[{i}]", "zero or more", amountMinor[i].ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return Create(customerIds, customerIndex, dayNumbers.ToArray(), amountMinor.ToArray(), currency);
    }

    private static PurchaseLog Create(IReadOnlyList<string> customerIds, ReadOnlySpan<int> customerIndex, int[] days, long[] minor, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(customerIds);
        var ids = new string[customerIds.Count];
        var seen = new HashSet<string>(customerIds.Count, StringComparer.Ordinal);
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = Guard.NotBlank(customerIds[i], $"customerIds[{i}]");
            if (!seen.Add(ids[i]))
            {
                throw new ArgumentException($"customerIds must be distinct (was '{ids[i]}' twice).", nameof(customerIds));
            }
        }

        for (var i = 0; i < customerIndex.Length; i++)
        {
            if ((uint)customerIndex[i] >= (uint)ids.Length)
            {
                throw Guard.OutOfRange($"customerIndex[{i}]", $"in [0, {ids.Length})", customerIndex[i].ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return new PurchaseLog(ids, customerIndex.ToArray(), days, minor, days.Length, currency);
    }

    /// <summary>Continues a sum in decimal: at most int.MaxValue rows of at most long.MaxValue each stay below decimal.MaxValue.</summary>
    private static decimal DecimalTotal(long sum, ReadOnlySpan<long> rest)
    {
        decimal total = sum;
        foreach (var a in rest)
        {
            total += a;
        }

        return total;
    }

    private static void CheckLength(int customers, int dates, int amounts)
    {
        if (customers != dates || customers != amounts)
        {
            throw new ArgumentException($"customerIndex, dates and amounts must have the same length (were {customers}, {dates}, {amounts}).", nameof(customers));
        }
    }

    private int CheckRow(int row) =>
        (uint)row < (uint)Count ? row : throw Guard.OutOfRange(nameof(row), $"in [0, {Count})", row.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
