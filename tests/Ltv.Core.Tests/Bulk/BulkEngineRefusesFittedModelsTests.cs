using Ltv.Core.Bulk;
using Ltv.Core.Domain;
using Ltv.Core.Probabilistic.Clv;
using Ltv.Core.Probabilistic.Models;

namespace Ltv.Core.Tests.Bulk;

/// <summary>The bulk engine refuses the probabilistic adapter and says where bulk valuation with a fitted model is (issue 13, item 15).</summary>
public class BulkEngineRefusesFittedModelsTests
{
    [Fact]
    public void The_probabilistic_adapter_is_refused_with_a_pointer_to_ClvCalculator_Values()
    {
        var calculator = new ClvCalculator(new BgNbdModel(0.24, 4.41, 0.79, 2.43, TimeUnit.Week), new GammaGammaModel(6.25, 3.74, 15.44), ClvOptions.Monthly(TimeUnit.Week, 12, 0.01));
        var adapter = new ProbabilisticLtvModel(calculator, Currency.USD);

        var e = Assert.Throws<ArgumentException>(() => _ = new BulkLtvEngine(adapter, new BulkUnits { Currency = Currency.USD }));

        Assert.Equal("model", e.ParamName);
        Assert.Contains("ClvCalculator.Values", e.Message, StringComparison.Ordinal);
        Assert.Contains(adapter.Name, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_adapter_values_a_segment_and_ClvCalculator_Values_values_many_customers()
    {
        var calculator = new ClvCalculator(new BgNbdModel(0.24, 4.41, 0.79, 2.43, TimeUnit.Week), new GammaGammaModel(6.25, 3.74, 15.44), ClvOptions.Monthly(TimeUnit.Week, 12, 0.01));
        var values = new double[2];

        calculator.Values([0, 2], [0, 30], [38, 38], [0, 20], values);

        Assert.True(new ProbabilisticLtvModel(calculator, Currency.USD).Estimate(new ValueDrivers()).Value.Amount > 0m);
        Assert.True(values[1] > values[0]);
    }
}
