using Ltv.Core.Domain;
using Ltv.Core.Validation;

namespace Ltv.Core.History;

/// <summary>
/// A seeded generator of synthetic purchase logs for tests and benchmarks (for example 10,000,000 rows of
/// 1,000,000 customers). Same arguments, same log, on every machine.
/// </summary>
/// <remarks>
/// Rows are in date order (as a chronological export is), spread evenly over <c>days</c> days from
/// <c>start</c>; each row's customer is drawn uniformly, so customers interleave and some buy several times
/// a day. Amounts are whole cents between 1.00 and 200.00. Ids are "C" and the customer number.
/// Not real data: use <c>Ltv.Core.Datasets</c> for that.
/// </remarks>
public static class SyntheticPurchaseLog
{
    /// <summary>Generates a log.</summary>
    /// <param name="rows">Rows, one or more.</param>
    /// <param name="customers">Customers to draw from, one or more (not all need to appear).</param>
    /// <param name="seed">The random seed.</param>
    /// <param name="start">The first day; 2020-01-01 when <see langword="null"/>.</param>
    /// <param name="days">The number of days covered, one or more.</param>
    /// <param name="currency">The currency; US dollars when <see langword="null"/>.</param>
    /// <returns>The log; its customer count is the number of distinct customers drawn.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count below one.</exception>
    public static PurchaseLog Generate(int rows, int customers, int seed, DateOnly? start = null, int days = 730, Currency? currency = null)
    {
        if (rows < 1)
        {
            throw Guard.OutOfRange(nameof(rows), "one or more", rows.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (customers < 1)
        {
            throw Guard.OutOfRange(nameof(customers), "one or more", customers.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (days < 1)
        {
            throw Guard.OutOfRange(nameof(days), "one or more", days.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var cur = currency ?? Currency.USD;
        var scale = MinorUnits.Scale(cur);
        var first = (start ?? new DateOnly(2020, 1, 1)).DayNumber;
        var random = new Random(seed);
        var drawn = new int[customers];
        Array.Fill(drawn, -1);
        var ids = new List<string>(Math.Min(customers, rows));
        var customer = new int[rows];
        var day = new int[rows];
        var amount = new long[rows];
        for (var i = 0; i < rows; i++)
        {
            var c = random.Next(customers);
            if (drawn[c] < 0)
            {
                drawn[c] = ids.Count;
                ids.Add("C" + c.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            customer[i] = drawn[c];
            day[i] = first + (int)((long)i * days / rows);
            amount[i] = random.Next(100, 20_001) * scale / 100;
        }

        return new PurchaseLog([.. ids], customer, day, amount, rows, cur);
    }
}
