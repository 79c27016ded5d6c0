using Ltv.Core.Domain;
using Ltv.Core.History;

namespace Ltv.Core.Tests.History;

public class PurchaseLogTests
{
    private static readonly DateTime T0 = new(2024, 1, 1, 15, 30, 0);

    [Fact]
    public void From_purchases_keeps_rows_and_round_trips_to_purchases()
    {
        Purchase[] rows = [new("a", T0, Money.Of(1.25m, Currency.DKK)), new("b", T0.AddDays(1), Money.Of(0m, Currency.DKK)), new("a", T0.AddDays(2), Money.Of(3m, Currency.DKK))];
        var log = PurchaseLog.FromPurchases(rows);
        Assert.Equal((3, 2, Currency.DKK, 100L), (log.Count, log.CustomerCount, log.Currency, log.MinorUnitScale));
        Assert.Equal([0, 1, 0], log.CustomerIndex.ToArray());
        var back = log.ToPurchases().ToArray();
        Assert.Equal(rows.Select(r => r with { Timestamp = r.Timestamp.Date }), back);
    }

    [Fact]
    public void Purchases_in_two_currencies_are_refused()
    {
        Purchase[] rows = [new("a", T0, Money.Of(1m, Currency.DKK)), new("b", T0, Money.Of(1m, Currency.SEK))];
        Assert.Throws<CurrencyMismatchException>(() => PurchaseLog.FromPurchases(rows));
    }

    [Fact]
    public void An_empty_sequence_needs_a_currency()
    {
        var e = Assert.Throws<ArgumentException>(() => PurchaseLog.FromPurchases([]));
        Assert.Contains("currency", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, PurchaseLog.FromPurchases([], Currency.JPY).Count);
    }

    [Fact]
    public void Amounts_finer_than_the_minor_unit_are_refused()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => PurchaseLog.FromPurchases([new Purchase("a", T0, Money.Of(1.5m, Currency.JPY))]));
        Assert.Contains("(was '1.5')", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void From_columns_validates_every_column()
    {
        string[] ids = ["a", "b"];
        var log = PurchaseLog.FromColumns(ids, [0, 1], [new DateOnly(2024, 1, 1), new DateOnly(2024, 1, 2)], [1.10m, 2m], Currency.USD);
        Assert.Equal(Money.Of(3.10m, Currency.USD), log.Total);
        Assert.Throws<ArgumentException>(() => PurchaseLog.FromColumns(ids, [0], [new DateOnly(2024, 1, 1), new DateOnly(2024, 1, 1)], [1m], Currency.USD));
        Assert.Contains("amounts[0]", Assert.Throws<ArgumentOutOfRangeException>(() => PurchaseLog.FromColumns(ids, [0], [new DateOnly(2024, 1, 1)], [-1m], Currency.USD)).Message, StringComparison.Ordinal);
        Assert.Contains("customerIndex[0]", Assert.Throws<ArgumentOutOfRangeException>(() => PurchaseLog.FromColumns(ids, [2], [1], [1L], Currency.USD)).Message, StringComparison.Ordinal);
        Assert.Contains("dayNumbers[0]", Assert.Throws<ArgumentOutOfRangeException>(() => PurchaseLog.FromColumns(ids, [0], [-1], [1L], Currency.USD)).Message, StringComparison.Ordinal);
        Assert.Contains("amountMinor[0]", Assert.Throws<ArgumentOutOfRangeException>(() => PurchaseLog.FromColumns(ids, [0], [1], [-1L], Currency.USD)).Message, StringComparison.Ordinal);
        Assert.Contains("twice", Assert.Throws<ArgumentException>(() => PurchaseLog.FromColumns(["a", "a"], [0], [1], [1L], Currency.USD)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => PurchaseLog.FromColumns([" "], [0], [1], [1L], Currency.USD));
    }

    [Fact]
    public void Row_accessors_refuse_rows_out_of_range()
    {
        var log = SyntheticPurchaseLog.Generate(3, 2, seed: 1);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => log.AmountAt(3));
        Assert.Contains("(was '3')", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => log.DateAt(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => log.CustomerIdAt(9));
    }

    [Fact]
    public void Builder_interns_ids_and_refuses_bad_rows()
    {
        var b = new PurchaseLogBuilder(Currency.USD, 1);
        Assert.Equal(0, b.Add("x".AsSpan(), new DateOnly(2024, 1, 1), 100L));
        Assert.Equal(1, b.Add("y", new DateOnly(2024, 1, 1), 1.5m));
        Assert.Equal(0, b.Add("x", new DateOnly(2024, 1, 2), 2m));
        Assert.Throws<ArgumentException>(() => b.Add(" ", new DateOnly(2024, 1, 1), 1L));
        Assert.Throws<ArgumentOutOfRangeException>(() => b.Add("x", new DateOnly(2024, 1, 1), -1L));
        Assert.Throws<ArgumentOutOfRangeException>(() => b.Add("x", new DateOnly(2024, 1, 1), 0.001m));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PurchaseLogBuilder(Currency.USD, -1));
        var log = b.Build();
        Assert.Equal((3, 2), (log.Count, log.CustomerCount));
        Assert.Throws<InvalidOperationException>(() => b.Build());
        Assert.Throws<InvalidOperationException>(() => b.Add("z", new DateOnly(2024, 1, 1), 1L));
    }

    [Fact]
    public void Build_gives_back_the_memory_of_a_large_id_table_and_the_log_keeps_every_id()
    {
        // 300,000 customers: a table of 1,048,576 slots (16 MiB, mapped memory on Linux), which Build releases.
        var b = new PurchaseLogBuilder(Currency.USD);
        for (var i = 0; i < 300_000; i++)
        {
            b.Add("C" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), new DateOnly(2024, 1, 1), i);
        }

        Assert.Equal(1 << 20, b.IdTableSlots);
        var log = b.Build();
        Assert.Equal(1024, b.IdTableSlots);
        Assert.Equal((300_000, 300_000), (log.Count, log.CustomerCount));
        Assert.Equal("C299999", log.CustomerIdAt(299_999));
        Assert.Equal(2_999.99m, log.AmountAt(299_999).Amount);
    }

    [Fact]
    public void Synthetic_logs_are_seeded_date_ordered_and_validated()
    {
        var a = SyntheticPurchaseLog.Generate(5_000, 1_000, seed: 42);
        var b = SyntheticPurchaseLog.Generate(5_000, 1_000, seed: 42);
        var c = SyntheticPurchaseLog.Generate(5_000, 1_000, seed: 43);
        Assert.True(a.AmountMinor.SequenceEqual(b.AmountMinor) && a.CustomerIndex.SequenceEqual(b.CustomerIndex));
        Assert.False(a.AmountMinor.SequenceEqual(c.AmountMinor));
        Assert.Equal(5_000, a.Count);
        Assert.InRange(a.CustomerCount, 900, 1_000);
        for (var i = 1; i < a.Count; i++)
        {
            Assert.True(a.DayNumber[i] >= a.DayNumber[i - 1]);
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => SyntheticPurchaseLog.Generate(0, 1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => SyntheticPurchaseLog.Generate(1, 0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => SyntheticPurchaseLog.Generate(1, 1, 1, days: 0));
    }

    [Fact]
    public void Total_is_exact_past_long_max_minor_units()
    {
        var log = PurchaseLog.FromColumns(["a", "b"], [0, 1, 0], [1, 2, 3], [long.MaxValue, long.MaxValue, 1], Currency.USD);
        Assert.Equal(Money.Of((((decimal)long.MaxValue * 2) + 1) / 100m, Currency.USD), log.Total);
        var small = PurchaseLog.FromColumns(["a"], [0, 0], [1, 2], [long.MaxValue - 1, 1], Currency.USD);
        Assert.Equal(Money.Of(long.MaxValue / 100m, Currency.USD), small.Total);
    }

    [Fact]
    public void Customer_ids_cannot_be_changed_through_a_cast()
    {
        var log = PurchaseLog.FromColumns(["a", "b"], [0, 1], [1, 2], [1L, 2L], Currency.USD);
        Assert.IsNotType<string[]>(log.CustomerIds);
        Assert.Throws<NotSupportedException>(() => ((IList<string>)log.CustomerIds)[0] = "x");
        Assert.Same(log.CustomerIds, log.CustomerIds);
        Assert.Equal("a", log.CustomerIdAt(0));
    }
}
