using Ltv.Core.Domain;
using Ltv.Core.Strategies;
using Ltv.Core.Tests.TestSupport;

namespace Ltv.Core.Tests.Strategies;

/// <summary>Each strategy fails with a clear, typed error when an input it needs is missing or its units disagree.</summary>
public class StrategyInputErrorTests
{
    private static readonly ValueDrivers Complete = new()
    {
        AveragePurchaseValue = Money.Of(400m, Currency.NOK),
        PurchaseFrequency = PurchaseRate.PerMonth(1),
        Lifespan = Duration.Months(10),
        GrossMargin = GrossMargin.Full,
        Churn = ChurnRate.PerMonth(0.1m),
    };

    public static TheoryData<string, string> MissingInputs => new()
    {
        { "simple", nameof(ValueDrivers.AveragePurchaseValue) },
        { "simple", nameof(ValueDrivers.PurchaseFrequency) },
        { "churn", nameof(ValueDrivers.AveragePurchaseValue) },
        { "churn", nameof(ValueDrivers.PurchaseFrequency) },
        { "churn", nameof(ValueDrivers.GrossMargin) },
        { "churn", nameof(ValueDrivers.Churn) },
        { "discounted", nameof(ValueDrivers.Churn) },
        { "discounted", nameof(ValueDrivers.GrossMargin) },
        { "margin", nameof(ValueDrivers.GrossMargin) },
        { "margin", nameof(ValueDrivers.PurchaseFrequency) },
    };

    private static ILtvModel Model(string name) => name switch
    {
        "simple" => SimpleLtvModel.Instance,
        "churn" => ChurnLtvModel.Instance,
        "margin" => MarginLtvModel.Instance,
        _ => new DiscountedLtvModel(new() { DiscountRate = DiscountRate.PerMonth(0.01m) }),
    };

    private static ValueDrivers Without(string input) => input switch
    {
        nameof(ValueDrivers.AveragePurchaseValue) => Complete with { AveragePurchaseValue = null },
        nameof(ValueDrivers.PurchaseFrequency) => Complete with { PurchaseFrequency = null },
        nameof(ValueDrivers.GrossMargin) => Complete with { GrossMargin = null },
        nameof(ValueDrivers.Churn) => Complete with { Churn = null },
        _ => throw new ArgumentOutOfRangeException(nameof(input)),
    };

    [Theory]
    [MemberData(nameof(MissingInputs))]
    public void A_missing_input_is_named_with_the_model(string model, string input)
    {
        var ex = Assert.Throws<MissingInputException>(() => Model(model).Estimate(Without(input)));

        Assert.Equal(input, ex.Input);
        Assert.Equal(model, ex.Model);
        Assert.Equal(input, ex.ParamName);
        Assert.Contains(input, ex.Message, StringComparison.Ordinal);
        Assert.Contains("'null'", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("simple")]
    [InlineData("margin")]
    public void Without_lifespan_or_churn_the_lifespan_is_reported_missing(string model)
    {
        var drivers = Complete with { Lifespan = null, Churn = null };

        var ex = Assert.Throws<MissingInputException>(() => Model(model).Estimate(drivers));
        Assert.Equal(nameof(ValueDrivers.Lifespan), ex.Input);
    }

    [Fact]
    public void Without_a_lifespan_the_simple_model_uses_1_over_churn_and_says_so()
    {
        var estimate = SimpleLtvModel.Instance.Estimate(Complete with { Lifespan = null });

        Assert.Equal(Money.Of(4000m, Currency.NOK), estimate.Value);
        Assert.Contains("1 / churn", estimate.Input("Lifespan"), StringComparison.Ordinal);
    }

    [Fact]
    public void Frequency_per_year_and_lifespan_in_days_is_a_unit_mismatch_not_a_number()
    {
        var drivers = Complete with { PurchaseFrequency = PurchaseRate.PerYear(6), Lifespan = Duration.Days(90), Churn = null };

        var ex = Assert.Throws<UnitMismatchException>(() => SimpleLtvModel.Instance.Estimate(drivers));
        Assert.Equal(TimeUnit.Day, ex.From);
        Assert.Equal(TimeUnit.Year, ex.To);
    }

    [Fact]
    public void Frequency_per_week_and_churn_per_month_is_a_unit_mismatch_in_the_churn_model()
    {
        var drivers = Complete with { PurchaseFrequency = PurchaseRate.PerWeek(1) };

        Assert.Throws<UnitMismatchException>(() => ChurnLtvModel.Instance.Estimate(drivers));
    }

    [Fact]
    public void Frequency_per_year_with_churn_per_month_converts_exactly()
    {
        var drivers = Complete with { PurchaseFrequency = PurchaseRate.PerYear(12) };

        Assert.Equal(Money.Of(4000m, Currency.NOK), ChurnLtvModel.Instance.Estimate(drivers).Value);
    }

    [Fact]
    public void Null_drivers_are_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => SimpleLtvModel.Instance.Estimate(null!));
        Assert.Throws<ArgumentNullException>(() => ChurnLtvModel.Instance.Estimate(null!));
        Assert.Throws<ArgumentNullException>(() => MarginLtvModel.Instance.Estimate(null!));
        Assert.Throws<ArgumentNullException>(() => _ = new DiscountedLtvModel(null!));
    }

    [Fact]
    public void Margin_model_subtracts_cost_to_serve_over_the_lifespan_and_may_go_negative()
    {
        var drivers = Complete with
        {
            GrossMargin = new GrossMargin(0.25m),
            CostToServe = new MoneyRate(Money.Of(150m, Currency.NOK), TimeUnit.Month),
        };

        var estimate = MarginLtvModel.Instance.Estimate(drivers);

        Assert.Equal(Money.Of(400m * 10m * 0.25m - 1500m, Currency.NOK), estimate.Value);
        Assert.True(estimate.Value.IsNegative);
        Assert.NotNull(estimate.Input("CostToServe"));
    }

    [Fact]
    public void Estimates_show_model_formula_and_inputs_as_text()
    {
        var text = SimpleLtvModel.Instance.Estimate(Complete).ToString();

        Assert.Contains("4,000.00 NOK", text, StringComparison.Ordinal);
        Assert.Contains("simple", text, StringComparison.Ordinal);
        Assert.Contains("APV x PF x CL", text, StringComparison.Ordinal);
        Assert.Contains("10 months", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Estimates_have_value_equality()
    {
        Assert.Equal(SimpleLtvModel.Instance.Estimate(Complete), SimpleLtvModel.Instance.Estimate(Complete));
        Assert.NotEqual(SimpleLtvModel.Instance.Estimate(Complete), MarginLtvModel.Instance.Estimate(Complete));
        Assert.Equal(SimpleLtvModel.Instance.Estimate(Complete).GetHashCode(), SimpleLtvModel.Instance.Estimate(Complete).GetHashCode());
    }

    [Fact]
    public void An_estimate_keeps_its_inputs_when_the_caller_changes_its_list()
    {
        var inputs = new List<LtvInput> { new("A", "1") };
        var estimate = new LtvEstimate(Money.Of(1m, Currency.EUR), "m", "f", inputs);
        var hash = estimate.GetHashCode();

        inputs.Clear();

        Assert.Single(estimate.Inputs);
        Assert.Equal(hash, estimate.GetHashCode());
    }
}
