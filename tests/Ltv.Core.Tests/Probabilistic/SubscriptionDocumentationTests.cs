using Ltv.Core.Domain;
using Ltv.Core.Economics;
using Ltv.Core.History;
using Ltv.Core.Probabilistic.Contractual;
using Ltv.Core.Probabilistic.Models;
using Ltv.Core.Strategies;

namespace Ltv.Core.Tests.Probabilistic;

/// <summary>The numbers printed in docs/probabilistic.md sections 6 (sBG) and 7 (BG/BB), computed as the text does.</summary>
public class SubscriptionDocumentationTests
{
    [Fact]
    public void Sbg_section_numbers()
    {
        var fit = SbgModel.FitSurvivors([1000, 631, 468, 382, 326, 289, 262, 241], TimeUnit.Year).EnsureConverged();
        Assert.Equal(-1680.2652, fit.LogLikelihood, 0.00005);
        Assert.Equal(0.066, Math.Round(fit.Parameters[0].StandardError!.Value, 3));
        Assert.Equal(0.152, Math.Round(fit.Parameters[1].StandardError!.Value, 3));
        var curve = fit.Model;
        Assert.Equal(170.0, Math.Round(1000 * curve.Survival(12), 1));
        Assert.Equal(new[] { 220.1, 204.4, 191.2, 179.9, 170.0 }, Enumerable.Range(8, 5).Select(t => Math.Round(1000 * curve.Survival(t), 1)));
        Assert.Equal(3.6949, Math.Round(curve.DiscountedExpectedLifetime(0.10), 4));
        Assert.Equal(new[] { 2.9644, 4.1031, 4.8698, 5.4421, 5.8941 }, Enumerable.Range(0, 5).Select(n => Math.Round(curve.DiscountedExpectedResidualLifetime(0.10, n), 4)));
        Assert.Equal(double.PositiveInfinity, curve.ExpectedLifetime());

        var high = SbgModel.FitSurvivors([1000, 869, 743, 653, 593, 551, 517, 491], TimeUnit.Year).EnsureConverged().Model;
        Assert.Equal(new[] { 460.4, 435.8, 414.2, 395.1, 378.0 }, Enumerable.Range(8, 5).Select(t => Math.Round(1000 * high.Survival(t), 1)));
    }

    [Fact]
    public void Gym_example_numbers()
    {
        var gym = new ValueDrivers { AveragePurchaseValue = Money.Of(400m, Currency.NOK), PurchaseFrequency = PurchaseRate.PerMonth(1), GrossMargin = GrossMargin.Full };
        var before = SbgModel.FitSurvivors(Ltv.Core.Tests.Strategies.ContractualLtvModelTests.Cohort(2, 9), TimeUnit.Month).EnsureConverged().Model;
        var after = SbgModel.FitSurvivors(Ltv.Core.Tests.Strategies.ContractualLtvModelTests.Cohort(2, 15), TimeUnit.Month).EnsureConverged().Model;
        Assert.Equal(Money.Of(4000m, Currency.NOK), new ContractualLtvModel(before).Estimate(gym).Value.Round());
        Assert.Equal(Money.Of(6400m, Currency.NOK), new ContractualLtvModel(after).Estimate(gym).Value.Round());
        var payback = CacPayback.OnRetentionCurve(Money.Of(1500m, Currency.NOK), new MoneyRate(Money.Of(400m, Currency.NOK), TimeUnit.Month), before);
        Assert.Equal(5.42m, decimal.Round(payback.Periods!.Value, 2));
    }

    [Fact]
    public void Bgbb_section_numbers()
    {
        var m = BgBbModel.Fit(Ltv.Core.Datasets.Donations.Load()).EnsureConverged().Model;
        Assert.Equal(0.5897, Math.Round(m.ProbabilityAlive(2, 4, 6), 4));
        Assert.Equal(3.7525, Math.Round(m.ConditionalExpectedTransactions(5, 6, 6, 6), 4));
        Assert.Equal(5.9099, Math.Round(m.DiscountedExpectedResidualTransactions(0.10, 6, 6, 6), 4));
        Assert.Equal(2.2202, Math.Round(m.ExpectedTransactions(6), 4));
        Assert.Equal(3454.9, Math.Round(11_104 * m.ProbabilityOfTransactions(0, 6), 1));
    }

    [Fact]
    public void Discrete_summaries_count_one_transaction_per_calendar_period()
    {
        var nok = Currency.NOK;
        var log = PurchaseLog.FromPurchases(
        [
            new Purchase("a", new DateTime(1995, 3, 1), Money.Of(10m, nok)),
            new Purchase("a", new DateTime(1996, 5, 1), Money.Of(10m, nok)),
            new Purchase("a", new DateTime(1996, 9, 1), Money.Of(10m, nok)),
            new Purchase("a", new DateTime(1999, 1, 1), Money.Of(10m, nok)),
            new Purchase("a", new DateTime(2002, 1, 1), Money.Of(10m, nok)),
            new Purchase("b", new DateTime(1995, 12, 31), Money.Of(10m, nok)),
            new Purchase("c", new DateTime(2001, 6, 1), Money.Of(10m, nok)),
        ]);
        var summaries = DiscreteSummarizer.Summarize(log, TimeUnit.Year, new DateOnly(2001, 12, 31));
        Assert.Equal(TimeUnit.Year, summaries.Unit);
        Assert.Equal(["a", "b", "c"], summaries.CustomerIds);
        Assert.Equal([2, 0, 0], summaries.Frequency.ToArray());
        Assert.Equal([4d, 0d, 0d], summaries.Recency.ToArray());
        Assert.Equal([6d, 6d, 0d], summaries.Age.ToArray());
        Assert.Equal([15d, 0d, 0d], summaries.Monetary.ToArray());   // a's repeat opportunities: 1996 (two purchases, 20 NOK) and 1999 (10 NOK)
        Assert.Equal(1, summaries.ZeroAgeCount);   // c: first seen in 2001, the end's own year
        var patterns = summaries.ToPatterns();
        Assert.Equal(TimeUnit.Year, patterns.Unit);
        Assert.Equal(2, patterns.Count);
        Assert.Equal(2, patterns.CustomerCount);
        Assert.Equal(new[] { 2.0, 0.0 }, patterns.Frequency.ToArray());
        Assert.Equal(new[] { 4.0, 0.0 }, patterns.Recency.ToArray());
        Assert.Equal(new[] { 6.0, 6.0 }, patterns.Age.ToArray());
        var early = DiscreteSummarizer.Summarize(log, TimeUnit.Year, new DateOnly(1995, 12, 31));
        Assert.Equal(["a", "b"], early.CustomerIds);
        Assert.Equal(2, early.ZeroAgeCount);
        Assert.Throws<InvalidDataException>(() => early.ToPatterns());
    }
}
