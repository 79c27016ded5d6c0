using System.Globalization;

using Ltv.Core.Datasets;
using Ltv.Core.Domain;
using Ltv.Core.History;
using Ltv.Core.Probabilistic.Clv;
using Ltv.Core.Probabilistic.Models;

namespace Ltv.Core.Tests.Probabilistic;

/// <summary>The numbers printed in docs/probabilistic.md, reproduced from the published summary file as the walk-through does.</summary>
public class DocumentationExamplesTests
{
    private static readonly Lazy<Walkthrough> Data = new(() => new Walkthrough());

    [Fact]
    public void Patterns_and_fits_match_the_walkthrough()
    {
        var d = Data.Value;
        Assert.Equal(1016, d.Patterns.Count);
        Assert.Equal(-9582.4256, d.Bg.LogLikelihood, 0.00005);
        Assert.Equal(-9594.9739, d.Pareto.LogLikelihood, 0.00005);
        Assert.Equal(-4055.9232, d.Spend.LogLikelihood, 0.00005);
        Assert.Equal(0.012557, d.Bg.Parameters[0].StandardError!.Value, 0.0000005);
        Assert.Equal(6.21, d.Pareto.Parameters[3].StandardError!.Value, 0.005);
    }

    [Theory]
    [InlineData(0, 0.7266, 1.2259, 0.8691, 1.4551, 24.66)]
    [InlineData(1, 0.2122, 0.2033, 0.1679, 0.1710, 18.91)]
    [InlineData(17, 0.3109, 0.2978, 0.2513, 0.2559, 17.67)]
    [InlineData(1515, 0.9689, 20.7506, 0.9979, 20.1159, 39.89)]
    public void Prediction_table_matches(int row, double bgAlive, double bgExpected, double paretoAlive, double paretoExpected, double spend)
    {
        var d = Data.Value;
        double x = d.X[row], tx = d.Tx[row], t = d.T[row];
        Assert.Equal(bgAlive, d.Bg.Model.ProbabilityAlive(x, tx, t), 0.00005);
        Assert.Equal(bgExpected, d.Bg.Model.ConditionalExpectedPurchases(39, x, tx, t), 0.00005);
        Assert.Equal(paretoAlive, d.Pareto.Model.ProbabilityAlive(x, tx, t), 0.00005);
        Assert.Equal(paretoExpected, d.Pareto.Model.ConditionalExpectedPurchases(39, x, tx, t), 0.00005);
        Assert.Equal(spend, d.Spend.Model.ConditionalExpectedSpend(x, d.Zbar[row]), 0.005);
    }

    [Fact]
    public void Other_printed_numbers_match()
    {
        var d = Data.Value;
        Assert.Equal(1.1950, d.Bg.Model.ExpectedPurchases(39), 0.00005);
        Assert.Equal(0.5743, d.Bg.Model.ProbabilityOfPurchases(0, 39), 0.00005);
        Assert.Equal(6.5002, d.Pareto.Model.DiscountedExpectedResidualTransactions(Math.Log(1.15) / 52, 2, 30.43, 38.86), 0.00005);
        var histogram = d.Bg.Model.ExpectedCalibrationHistogram(d.Patterns, 7);
        Assert.Equal([1407.7, 460.3, 192.5, 101.2, 59.8, 38.1, 25.5, 71.9], histogram.Select(h => Math.Round(h, 1)));
        Assert.Equal([1411.0, 439, 214, 100, 62, 38, 29, 64], CountModelExtensions.ActualCalibrationHistogram(d.Patterns, 7));

        var calculator = new ClvCalculator(d.Bg.Model, d.Spend.Model, ClvOptions.Monthly(TimeUnit.Week, months: 12, monthlyDiscountRate: 0.01));
        Assert.Equal(Money.Of(36.28m, Currency.USD), calculator.Value(2, 30.43, 38.86, 22.35, Currency.USD).Round());
        var clv = new double[d.X.Length];
        calculator.Values(d.X, d.Tx, d.T, d.Zbar, clv);
        var oneTime = Enumerable.Range(0, clv.Length).Where(i => d.X[i] == 0).ToArray();
        var light = Enumerable.Range(0, clv.Length).Where(i => d.X[i] is >= 1 and <= 2).ToArray();
        var heavy = Enumerable.Range(0, clv.Length).Where(i => d.X[i] >= 3).ToArray();
        Assert.Equal((1411, 9.61, 13557), (oneTime.Length, Math.Round(oneTime.Average(i => clv[i]), 2), Math.Round(oneTime.Sum(i => clv[i]))));
        Assert.Equal((653, 29.35, 19165), (light.Length, Math.Round(light.Average(i => clv[i]), 2), Math.Round(light.Sum(i => clv[i]))));
        Assert.Equal((293, 132.38, 38788), (heavy.Length, Math.Round(heavy.Average(i => clv[i]), 2), Math.Round(heavy.Sum(i => clv[i]))));
        Assert.Equal(30.34, Math.Round(clv.Average(), 2));
        Assert.Equal(71510, Math.Round(clv.Sum()));

        var adapter = new ProbabilisticLtvModel(calculator, Currency.USD);
        Assert.Equal(Money.Of(48.21m, Currency.USD), adapter.Estimate(new ValueDrivers()).Value.Round());
        Assert.Equal(35.17, Math.Round(d.Spend.Model.MeanSpend, 2));
        Assert.Equal(1.4465, Math.Round(d.Bg.Model.ExpectedPurchases(12 * 4.345), 4));
        Assert.Equal(Money.Of(14.39m, Currency.USD), adapter.Estimate(new ValueDrivers { AveragePurchaseValue = Money.Of(35m, Currency.USD), GrossMargin = new GrossMargin(0.3m) }).Value.Round());
    }

    private sealed class Walkthrough
    {
        public Walkthrough()
        {
            var published = CdnowDatasets.LoadPublishedSampleSummary();
            X = [.. published.Frequency.Select(v => (double)v)];
            Tx = published.Recency;
            T = published.Age;
            Zbar = [.. published.MeanRepeatSpend.Select(v => (double)v)];
            Patterns = RfmPatterns.Compress(X, Tx, T, TimeUnit.Week);
            Bg = BgNbdModel.Fit(Patterns).EnsureConverged();
            Pareto = ParetoNbdModel.Fit(Patterns).EnsureConverged();
            Spend = GammaGammaModel.Fit(X, Zbar).EnsureConverged();
        }

        public double[] X { get; }

        public double[] Tx { get; }

        public double[] T { get; }

        public double[] Zbar { get; }

        public RfmPatterns Patterns { get; }

        public Ltv.Core.Probabilistic.Fitting.FitResult<BgNbdModel> Bg { get; }

        public Ltv.Core.Probabilistic.Fitting.FitResult<ParetoNbdModel> Pareto { get; }

        public Ltv.Core.Probabilistic.Fitting.FitResult<GammaGammaModel> Spend { get; }
    }
}
