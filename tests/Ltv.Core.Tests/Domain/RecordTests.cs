using Ltv.Core.Domain;
using Ltv.Core.Tests.TestSupport;

namespace Ltv.Core.Tests.Domain;

/// <summary>Customer, Purchase, Segment and ValueDrivers: validation at construction and in <c>with</c>, value equality.</summary>
public class RecordTests
{
    private static readonly DateOnly Day = new(2024, 1, 15);

    [Fact]
    public void Customer_has_value_equality_and_validates_in_with_expressions()
    {
        var a = new Customer("c1", Day, Money.Of(50m, Currency.EUR), "18-25");
        var b = new Customer("c1", Day, Money.Of(50m, Currency.EUR), "18-25");

        Assert.Equal(a, b);
        Assert.NotEqual(a, b with { SegmentKey = "26-45" });
        ErrorAssert.Throws<ArgumentException>(() => _ = a with { Id = " " }, "id", "' '");
        ErrorAssert.Throws<ArgumentOutOfRangeException>(() => _ = a with { AcquisitionCost = Money.Of(-1m, Currency.EUR) }, "acquisitionCost", "-1");
        ErrorAssert.Throws<ArgumentException>(() => _ = new Customer("c", Day, segmentKey: ""), "segmentKey", "''");
        Assert.Throws<ArgumentNullException>(() => _ = new Customer(null!, Day));
    }

    [Fact]
    public void Purchase_validates_amount_cost_and_currency()
    {
        var p = new Purchase("c1", new DateTime(2024, 1, 15), Money.Of(100m, Currency.EUR), Money.Of(60m, Currency.EUR));

        Assert.Equal(Money.Of(40m, Currency.EUR), p.Margin);
        Assert.Equal(p, p with { });
        Assert.Null((p with { Cost = null }).Margin);
        ErrorAssert.Throws<ArgumentOutOfRangeException>(() => _ = p with { Amount = Money.Of(-5m, Currency.EUR) }, "amount", "-5");
        ErrorAssert.Throws<ArgumentOutOfRangeException>(() => _ = p with { Cost = Money.Of(-5m, Currency.EUR) }, "cost", "-5");
        Assert.Throws<CurrencyMismatchException>(() => _ = p with { Cost = Money.Of(5m, Currency.USD) });
        Assert.Throws<CurrencyMismatchException>(() => _ = p with { Amount = Money.Of(5m, Currency.USD) });
        ErrorAssert.Throws<ArgumentException>(() => _ = p with { CustomerId = "" }, "customerId", "''");
    }

    [Fact]
    public void Value_drivers_validate_amounts_and_one_currency()
    {
        var drivers = new ValueDrivers { AveragePurchaseValue = Money.Of(10m, Currency.EUR) };

        Assert.Equal(Currency.EUR, drivers.Currency);
        Assert.Equal(drivers, new ValueDrivers { AveragePurchaseValue = Money.Of(10m, Currency.EUR) });
        ErrorAssert.Throws<ArgumentOutOfRangeException>(() => _ = drivers with { AveragePurchaseValue = Money.Of(-1m, Currency.EUR) }, "averagePurchaseValue", "-1");
        ErrorAssert.Throws<ArgumentOutOfRangeException>(() => _ = drivers with { CostToServe = new MoneyRate(Money.Of(-2m, Currency.EUR), TimeUnit.Month) }, "costToServe", "-2");
        Assert.Throws<CurrencyMismatchException>(() => _ = drivers with { CostToServe = new MoneyRate(Money.Of(2m, Currency.USD), TimeUnit.Month) });
        Assert.Null(new ValueDrivers().Currency);
    }

    [Fact]
    public void Segment_validates_key_count_cost_and_currency()
    {
        var drivers = new ValueDrivers { AveragePurchaseValue = Money.Of(500m, Currency.DKK) };
        var segment = new Segment("18-25", drivers, 1200, Money.Of(300m, Currency.DKK));

        Assert.Equal(segment, new Segment("18-25", new ValueDrivers { AveragePurchaseValue = Money.Of(500m, Currency.DKK) }, 1200, Money.Of(300m, Currency.DKK)));
        ErrorAssert.Throws<ArgumentOutOfRangeException>(() => _ = segment with { CustomerCount = -3 }, "customerCount", "-3");
        ErrorAssert.Throws<ArgumentException>(() => _ = segment with { Key = "" }, "key", "''");
        ErrorAssert.Throws<ArgumentOutOfRangeException>(() => _ = segment with { AcquisitionCost = Money.Of(-1m, Currency.DKK) }, "acquisitionCost", "-1");
        Assert.Throws<CurrencyMismatchException>(() => _ = segment with { AcquisitionCost = Money.Of(1m, Currency.EUR) });
        Assert.Throws<ArgumentNullException>(() => _ = segment with { Drivers = null! });
    }

    [Fact]
    public void Segment_drivers_in_another_currency_than_its_acquisition_cost_are_rejected_in_with()
    {
        var segment = new Segment("k", new ValueDrivers { AveragePurchaseValue = Money.Of(1m, Currency.DKK) }, 10, Money.Of(5m, Currency.DKK));

        Assert.Throws<CurrencyMismatchException>(() => _ = segment with { Drivers = new ValueDrivers { AveragePurchaseValue = Money.Of(1m, Currency.EUR) } });
        Assert.Equal(Currency.DKK, (segment with { Drivers = new ValueDrivers() }).AcquisitionCost!.Value.Currency);
    }
}
