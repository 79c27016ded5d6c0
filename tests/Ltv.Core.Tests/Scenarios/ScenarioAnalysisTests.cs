using Ltv.Core.Domain;
using Ltv.Core.Economics;
using Ltv.Core.Scenarios;
using Ltv.Core.Strategies;
using Ltv.Core.Tests.TestSupport;

namespace Ltv.Core.Tests.Scenarios;

public class ScenarioAnalysisTests
{
    private static Money Nok(decimal amount) => Money.Of(amount, Currency.NOK);

    private static Money Dkk(decimal amount) => Money.Of(amount, Currency.DKK);

    private static ValueDrivers GymDrivers() => new()
    {
        AveragePurchaseValue = Nok(400m),
        PurchaseFrequency = PurchaseRate.PerMonth(1),
        Lifespan = Duration.Months(10),
    };

    private static ValueDrivers ChurnGym() => new()
    {
        AveragePurchaseValue = Nok(400m),
        PurchaseFrequency = PurchaseRate.PerMonth(1),
        GrossMargin = GrossMargin.Full,
        Churn = ChurnRate.PerMonth(0.10m),
    };

    [Fact]
    public void The_gym_loyalty_programme_10_to_16_months_is_4000_to_6400_NOK_exactly()
    {
        var gym = new ValueCase(GymDrivers(), SimpleLtvModel.Instance);

        var loyalty = ScenarioAnalysis.Compare(gym, DriverChange.Lifespan(Duration.Months(16)));

        Assert.Equal(Nok(4_000m), loyalty.Before.LifetimeValue);
        Assert.Equal(Nok(6_400m), loyalty.After.LifetimeValue);
        Assert.Equal(Nok(2_400m), loyalty.LtvDifference);
        Assert.Equal(0.6m, loyalty.LtvRelativeChange);
        Assert.False(loyalty.UnchangedValue);
        Assert.Null(loyalty.Before.Ratio);
        Assert.Equal(
            """
                            before         after  difference
            Lifespan     10 months     16 months
            LTV       4,000.00 NOK  6,400.00 NOK  +2,400.00 NOK (+60 %)

            """.ReplaceLineEndings(),
            loyalty.ToText());
    }

    [Fact]
    public void Churn_from_10_to_6_percent_a_month_changes_ltv_ratio_and_payback_exactly()
    {
        var gym = new ValueCase(ChurnGym(), ChurnLtvModel.Instance, Nok(1_000m));

        var result = ScenarioAnalysis.Compare(gym, DriverChange.Churn(ChurnRate.PerMonth(0.06m)));

        Assert.Equal(Nok(4_000m), result.Before.LifetimeValue);
        Assert.Equal(Nok(400m / 0.06m), result.After.LifetimeValue);
        Assert.Equal(Nok((400m / 0.06m) - 4_000m), result.LtvDifference);
        Assert.Equal(LtvCacRatio.Finite(4m), result.Before.Ratio);
        Assert.Equal(LtvCacRatio.Finite(400m / 0.06m / 1_000m), result.After.Ratio);

        // Cumulative margin 400, 760, 1,084 (before) and 400, 776, 1,129.44 (after): the CAC is covered in the third month.
        Assert.Equal(2m + (240m / 324m), result.Before.Payback!.Periods);
        Assert.Equal(2m + (224m / 353.44m), result.After.Payback!.Periods);
        Assert.Equal((2m + (224m / 353.44m)) - (2m + (240m / 324m)), result.PaybackDifference);
        var lines = result.ToText().Split(Environment.NewLine);
        Assert.Equal("Churn    10 % per month  6 % per month", lines[1]);
        Assert.Equal("LTV        4,000.00 NOK   6,666.67 NOK  +2,666.67 NOK (+66.7 %)", lines[2]);
        Assert.Equal("LTV:CAC             4:1         6.67:1", lines[3]);
        Assert.Equal("payback   2.7407 months  2.6338 months  -0.107 months", lines[4]);
    }

    [Fact]
    public void The_danish_budget_example_500_000_to_300_000_DKK_with_roi_from_1_5x_to_3x()
    {
        // Before: 1,000 customers won at 500 DKK each, worth 250 DKK a year for 3 years (750 DKK).
        // After LTV-guided targeting: 600 customers at the same CAC who stay 6 years (1,500 DKK).
        var campaign = ValueCase.ForSegment(
            new Segment("campaign", new ValueDrivers { AveragePurchaseValue = Dkk(250m), PurchaseFrequency = PurchaseRate.PerYear(1), Lifespan = Duration.Years(3) }, 1_000, Dkk(500m)),
            SimpleLtvModel.Instance);

        var guided = ScenarioAnalysis.Compare(campaign, DriverChange.CustomerCount(600), DriverChange.Lifespan(Duration.Years(6)));

        Assert.Equal(Dkk(500_000m), guided.Before.AcquisitionSpend);
        Assert.Equal(Dkk(300_000m), guided.After.AcquisitionSpend);
        Assert.Equal(Dkk(750_000m), guided.Before.TotalValue);
        Assert.Equal(Dkk(900_000m), guided.After.TotalValue);
        Assert.Equal(1.5m, guided.Before.Return!.Value.Multiple);
        Assert.Equal(3m, guided.After.Return!.Value.Multiple);
        Assert.Equal(LtvCacRatio.Finite(1.5m), guided.Before.Ratio);
        Assert.Equal(LtvCacRatio.Finite(3m), guided.After.Ratio);
        Assert.Equal(Dkk(-200_000m), guided.AcquisitionSpendDifference);
        Assert.Equal(Dkk(150_000m), guided.TotalValueDifference);
        Assert.Null(guided.Before.Payback); // no gross margin: the payback needs one
        var text = guided.ToText();
        Assert.Contains("acquisition spend    500,000.00 DKK  300,000.00 DKK  -200,000.00 DKK", text, StringComparison.Ordinal);
        Assert.Contains("ROI (value / spend)            1.5x              3x", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tornado_table_sorts_drivers_by_swing()
    {
        var shop = new ValueCase(
            new ValueDrivers { AveragePurchaseValue = Nok(500m), PurchaseFrequency = PurchaseRate.PerMonth(1), GrossMargin = new GrossMargin(0.5m), Churn = ChurnRate.PerMonth(0.05m) },
            ChurnLtvModel.Instance);

        var table = ScenarioAnalysis.Tornado(shop, [
            DriverRange.Relative(ScenarioDriver.GrossMargin, 0.2m),
            DriverRange.Relative(ScenarioDriver.AveragePurchaseValue, 0.2m),
            DriverRange.Relative(ScenarioDriver.Churn, 0.2m),
        ]);

        Assert.Equal(Nok(5_000m), table.Baseline.LifetimeValue);
        Assert.Equal([ScenarioDriver.Churn, ScenarioDriver.AveragePurchaseValue, ScenarioDriver.GrossMargin], table.Rows.Select(r => r.Driver));
        Assert.Equal(Nok(250m / 0.06m), table.Rows[0].High.LifetimeValue); // churn 6 %: lower value at the high setting
        Assert.Equal(Nok(6_250m), table.Rows[0].Low.LifetimeValue);
        Assert.Equal(Nok(6_250m - (250m / 0.06m)), table.Rows[0].Swing);
        Assert.Equal(Nok(2_000m), table.Rows[1].Swing);
        Assert.Equal(Nok(-1_000m), table.Rows[2].LowDifference);
        Assert.Equal(Nok(1_000m), table.Rows[2].HighDifference);
        Assert.Equal("4 % per month", table.Rows[0].LowSetting);
        Assert.Contains("Churn                 4 % per month  6 % per month  6,250.00 NOK  4,166.67 NOK  2,083.33 NOK", table.ToText(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_sweep_over_churn_steps_is_exact()
    {
        var gym = new ValueCase(ChurnGym(), ChurnLtvModel.Instance);

        var steps = ScenarioAnalysis.Steps(0.10m, 0.06m, 5);
        var series = ScenarioAnalysis.Sweep(gym, steps.Select(c => DriverChange.Churn(ChurnRate.PerMonth(c))));

        Assert.Equal([0.10m, 0.09m, 0.08m, 0.07m, 0.06m], steps);
        Assert.Equal([400m / 0.10m, 400m / 0.09m, 400m / 0.08m, 400m / 0.07m, 400m / 0.06m], series.Select(o => o.LifetimeValue.Amount));
    }

    [Fact]
    public void The_discount_rate_of_a_discounted_strategy_and_its_payback_change_together()
    {
        var model = new DiscountedLtvModel(new DiscountedLtvOptions { DiscountRate = DiscountRate.PerMonth(0.01m) });
        var gym = new ValueCase(ChurnGym(), model, Nok(1_000m));

        var result = ScenarioAnalysis.Compare(gym, DriverChange.DiscountRate(DiscountRate.PerMonth(0.005m)));

        Assert.Equal(model.Estimate(ChurnGym()).Value, result.Before.LifetimeValue);
        Assert.Equal(new DiscountedLtvModel(new DiscountedLtvOptions { DiscountRate = DiscountRate.PerMonth(0.005m) }).Estimate(ChurnGym()).Value, result.After.LifetimeValue);
        Assert.Equal(Nok(3_672.73m), result.Before.LifetimeValue.Round()); // 400 x 1.01 / 0.11
        Assert.Equal(Nok(3_828.57m), result.After.LifetimeValue.Round()); // 400 x 1.005 / 0.105
        Assert.Equal(DiscountRate.PerMonth(0.005m), result.After.Case.DiscountRate);
        Assert.Equal(CacPayback.Compute(Nok(1_000m), ChurnGym(), new PaybackOptions { DiscountRate = DiscountRate.PerMonth(0.005m) }), result.After.Payback);
    }

    [Fact]
    public void Scaling_keeps_exact_decimals_and_a_change_the_model_ignores_is_flagged()
    {
        var gym = new ValueCase(GymDrivers(), SimpleLtvModel.Instance);

        var result = ScenarioAnalysis.Compare(gym, DriverChange.Scale(ScenarioDriver.AveragePurchaseValue, 1.1m));
        var ignored = ScenarioAnalysis.Compare(gym, DriverChange.GrossMargin(new GrossMargin(0.4m)));

        Assert.Equal(Nok(4_400m), result.After.LifetimeValue);
        Assert.True(ignored.UnchangedValue);
    }

    [Fact]
    public void Bad_changes_name_the_driver_and_value()
    {
        var gym = new ValueCase(GymDrivers(), SimpleLtvModel.Instance);

        ErrorAssert.Throws<ArgumentException>(() => DriverChange.Scale(ScenarioDriver.Churn, 0.5m).ApplyTo(gym), "Churn", "0.5");
        ErrorAssert.Throws<ArgumentException>(() => DriverChange.DiscountRate(DiscountRate.PerMonth(0.01m)).ApplyTo(gym), "simple", "1 % per month");
        ErrorAssert.Throws<ArgumentException>(() => ScenarioAnalysis.Compare(gym), "changes", "empty");
        ErrorAssert.Throws<ArgumentOutOfRangeException>(() => DriverChange.CustomerCount(-1), "customerCount", "-1");
        ErrorAssert.Throws<ArgumentOutOfRangeException>(() => DriverChange.Scale(ScenarioDriver.CustomerCount, 0.5m).ApplyTo(gym with { CustomerCount = 3 }), "factor", "0.5");
        ErrorAssert.Throws<ArgumentOutOfRangeException>(() => DriverRange.Relative(ScenarioDriver.Churn, 1.5m), "fraction", "1.5");
        ErrorAssert.Throws<ArgumentException>(() => _ = new DriverRange(DriverChange.Scale(ScenarioDriver.Churn, 0.9m), DriverChange.Scale(ScenarioDriver.Lifespan, 1.1m)), "Lifespan", "Churn");
        ErrorAssert.Throws<ArgumentOutOfRangeException>(() => DriverChange.Scale(ScenarioDriver.GrossMargin, 1.5m).ApplyTo(gym with { Drivers = GymDrivers() with { GrossMargin = new GrossMargin(0.8m) } }), "grossMargin", "1.2");
    }
}
