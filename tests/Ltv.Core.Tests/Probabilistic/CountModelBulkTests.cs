using Ltv.Core.Probabilistic.Models;

namespace Ltv.Core.Tests.Probabilistic;

public class CountModelBulkTests
{
    public static TheoryData<string> Models => ["BG/NBD", "MBG/NBD", "Pareto/NBD"];

    private static ICountModel Model(string name) => name switch
    {
        "BG/NBD" => CdnowFits.BgNbd.Model,
        "MBG/NBD" => CdnowFits.MbgNbd.Model,
        _ => CdnowFits.ParetoNbd.Model,
    };

    [Theory]
    [MemberData(nameof(Models))]
    public void Bulk_predictions_equal_the_one_customer_methods(string name)
    {
        var model = Model(name);
        var sample = CdnowSampleFixture.Sample;
        var alive = new double[sample.Count];
        var expected = new double[sample.Count];
        model.ProbabilityAlive(sample.X, sample.Tx, sample.T, alive);
        model.ConditionalExpectedPurchases(39, sample.X, sample.Tx, sample.T, expected);
        for (var i = 0; i < sample.Count; i += 7)
        {
            Assert.Equal(model.ProbabilityAlive(sample.X[i], sample.Tx[i], sample.T[i]), alive[i], 1e-14);
            Assert.Equal(model.ConditionalExpectedPurchases(39, sample.X[i], sample.Tx[i], sample.T[i]), expected[i], 1e-12);
        }
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Bulk_checks_lengths_and_rows(string name)
    {
        var model = Model(name);
        Assert.Throws<ArgumentException>(() => model.ProbabilityAlive([1.0], [1.0], [2.0], new double[2]));
        Assert.Throws<ArgumentOutOfRangeException>(() => model.ConditionalExpectedPurchases(1, [1.0], [3.0], [2.0], new double[1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => model.ConditionalExpectedPurchases(-1, [1.0], [1.0], [2.0], new double[1]));
    }
}
