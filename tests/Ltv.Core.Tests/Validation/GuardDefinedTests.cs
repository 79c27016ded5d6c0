using Ltv.Core.Domain;
using Ltv.Core.Economics;
using Ltv.Core.IO;
using Ltv.Core.Probabilistic.Clv;
using Ltv.Core.Strategies;
using Ltv.Core.Tests.TestSupport;

namespace Ltv.Core.Tests.Validation;

/// <summary>One generic enum check in Validation, used by every type that takes an enum (issue 13, item 17).</summary>
public class GuardDefinedTests
{
    [Fact]
    public void Every_undefined_enum_argument_is_refused_naming_the_argument_its_type_and_the_value()
    {
        var cases = new (Action Act, string Message)[]
        {
            (() => _ = new Duration(1m, (TimeUnit)99), "unit must be a defined TimeUnit (was '99')"),
            (() => _ = new ChurnRate(0.1m, (TimeUnit)99), "per must be a defined TimeUnit (was '99')"),
            (() => _ = new SeasonalWeights([1m], (TimeUnit)99), "per must be a defined TimeUnit (was '99')"),
            (() => _ = new ClvOptions(1, 1, 0, unit: (TimeUnit)99), "unit must be a defined TimeUnit (was '99')"),
            (() => _ = new Core.History.SummaryOptions(new DateOnly(2024, 1, 1), TimeUnit.Week) { Grouping = (Core.History.TransactionGrouping)99 }, "grouping must be a defined TransactionGrouping (was '99')"),
            (() => _ = new DiscountedLtvOptions { DiscountRate = DiscountRate.PerYear(0.1m), Timing = (DiscountTiming)99 }, "timing must be a defined DiscountTiming (was '99')"),
            (() => CsvLogReader.Read(new StringReader("customer_id,date,amount\n"), "x.csv", new CsvLogOptions { Mode = (ReadMode)99 }), "mode must be a defined ReadMode (was '99')"),
        };

        foreach (var (act, message) in cases)
        {
            var e = Assert.Throws<ArgumentOutOfRangeException>(act);
            Assert.StartsWith(message, e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Payback_rounding_is_checked_by_the_same_guard()
    {
        var options = new PaybackOptions { Rounding = (PaybackRounding)99 };

        ErrorAssert.Throws<ArgumentOutOfRangeException>(
            () => CacPayback.Compute(Money.Of(100m, Currency.USD), new ValueDrivers { AveragePurchaseValue = Money.Of(10m, Currency.USD), PurchaseFrequency = PurchaseRate.PerMonth(1m), GrossMargin = GrossMargin.Full }, options),
            "rounding must be a defined PaybackRounding",
            "'99'");
    }
}
