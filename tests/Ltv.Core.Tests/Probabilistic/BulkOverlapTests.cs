using Ltv.Core.Domain;
using Ltv.Core.Probabilistic.Clv;
using Ltv.Core.Probabilistic.Models;

namespace Ltv.Core.Tests.Probabilistic;

/// <summary>Issue 13 item 14: a bulk output span that is also an input span is refused, in every probabilistic bulk kernel.</summary>
public class BulkOverlapTests
{
    public static TheoryData<string> Models => ["BG/NBD", "MBG/NBD", "Pareto/NBD"];

    private static ICountModel Model(string name) => name switch
    {
        "BG/NBD" => CdnowFits.BgNbd.Model,
        "MBG/NBD" => CdnowFits.MbgNbd.Model,
        _ => CdnowFits.ParetoNbd.Model,
    };

    /// <summary>Columns x | t_x | T | out laid out in one array, so that slices can overlap.</summary>
    private static double[] Block() => [2, 4, 0, 1, 30.43, 20, 0, 5, 38.86, 38, 30, 10, 0, 0, 0, 0];

    [Theory]
    [MemberData(nameof(Models))]
    public void ProbabilityAlive_refuses_a_destination_that_is_an_input(string name)
    {
        var model = Model(name);
        var block = Block();
        var error = Assert.Throws<ArgumentException>(() => model.ProbabilityAlive(block.AsSpan(0, 4), block.AsSpan(4, 4), block.AsSpan(8, 4), block.AsSpan(8, 4)));
        Assert.Equal("destination", error.ParamName);
        Assert.Contains("destination must not share memory with age", error.Message, StringComparison.Ordinal);

        // Partly overlapping (one element) is refused too.
        Assert.Throws<ArgumentException>(() => model.ProbabilityAlive(block.AsSpan(0, 4), block.AsSpan(4, 4), block.AsSpan(8, 4), block.AsSpan(3, 4)));
        Assert.Throws<ArgumentException>(() => model.ProbabilityAlive(block.AsSpan(0, 4), block.AsSpan(4, 4), block.AsSpan(8, 4), block.AsSpan(0, 4)));
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void ConditionalExpectedPurchases_refuses_a_destination_that_is_an_input(string name)
    {
        var model = Model(name);
        var block = Block();
        var error = Assert.Throws<ArgumentException>(() => model.ConditionalExpectedPurchases(39, block.AsSpan(0, 4), block.AsSpan(4, 4), block.AsSpan(8, 4), block.AsSpan(4, 4)));
        Assert.Contains("destination must not share memory with recency", error.Message, StringComparison.Ordinal);
        Assert.Equal(Block(), block);

        // Adjacent but separate slices of the same array are fine and equal the one-customer method.
        model.ConditionalExpectedPurchases(39, block.AsSpan(0, 4), block.AsSpan(4, 4), block.AsSpan(8, 4), block.AsSpan(12, 4));
        Assert.Equal(model.ConditionalExpectedPurchases(39, 2, 30.43, 38.86), block[12], 1e-12);
    }

    [Fact]
    public void Clv_values_refuse_a_destination_that_is_an_input()
    {
        var calculator = new ClvCalculator(CdnowFits.BgNbd.Model, CdnowFits.GammaGamma.Model, ClvOptions.Monthly(TimeUnit.Week, months: 12, monthlyDiscountRate: 0.01));
        double[] x = [2, 1], tx = [30.43, 20], t = [38.86, 38], spend = [35, 20];
        var error = Assert.Throws<ArgumentException>(() => calculator.Values(x, tx, t, spend, spend));
        Assert.Contains("destination must not share memory with averageSpend", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => calculator.Values(x, tx, t, spend, x));
        var separate = new double[2];
        calculator.Values(x, tx, t, spend, separate);
        Assert.Equal(calculator.Value(2, 30.43, 38.86, 35), separate[0], 1e-9);
    }
}
