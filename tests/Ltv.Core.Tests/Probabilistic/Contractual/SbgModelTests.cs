using Ltv.Core.Domain;
using Ltv.Core.Probabilistic.Contractual;

namespace Ltv.Core.Tests.Probabilistic.Contractual;

public class SbgModelTests
{
    // Fader and Hardie (2007), survivors per 1,000 at years 0..7 (year 7 right-censored).
    internal static readonly double[] Regular = [1000, 631, 468, 382, 326, 289, 262, 241];
    internal static readonly double[] HighEnd = [1000, 869, 743, 653, 593, 551, 517, 491];

    [Theory]
    [InlineData("regular", 0.704, 1.182)]
    [InlineData("high end", 0.668, 3.806)]
    public void Fit_reproduces_the_published_estimates_to_the_printed_digits(string segment, double alpha, double beta)
    {
        var fit = SbgModel.FitSurvivors(segment == "regular" ? Regular : HighEnd, TimeUnit.Year).EnsureConverged();
        Assert.Equal("sBG", fit.ModelName);
        Assert.Equal(alpha, Math.Round(fit.Model.Alpha, 3));
        Assert.Equal(beta, Math.Round(fit.Model.Beta, 3));
        Assert.All(fit.Parameters, p => Assert.True(p.StandardError > 0));
        Assert.Equal(1000, fit.CustomerCount);
    }

    // Reference projections for years 8..12: 1,000 S(t) with the published estimates (alpha, beta rounded to 3 digits
    // as printed), S(t) = prod over i = 1..t of (beta + i - 1) / (alpha + beta + i - 1), computed outside this library
    // (Python, plain floating point). The High End values agree with an independent sBG implementation's projection
    // 0.460, 0.436, 0.414, 0.395, 0.378.
    [Theory]
    [InlineData("regular", new[] { 220.11, 204.44, 191.22, 179.89, 170.06 })]
    [InlineData("high end", new[] { 460.48, 435.82, 414.21, 395.10, 378.04 })]
    public void Projections_for_years_8_to_12_match_the_published_fit_to_a_tenth_of_a_survivor(string segment, double[] expected)
    {
        var model = SbgModel.FitSurvivors(segment == "regular" ? Regular : HighEnd, TimeUnit.Year).EnsureConverged().Model;
        for (var year = 8; year <= 12; year++)
        {
            Assert.InRange(1000 * model.Survival(year), expected[year - 8] - 0.1, expected[year - 8] + 0.1);
        }
    }

    [Fact]
    public void Survival_retention_and_churn_pmf_are_consistent()
    {
        var model = new SbgModel(0.704, 1.182, TimeUnit.Year);
        Assert.Equal(1, model.Survival(0));
        Assert.Equal(0.704 / (0.704 + 1.182), model.ChurnProbability(1), 14);
        Assert.Equal(model.MeanChurn, model.ChurnProbability(1), 14);
        for (var t = 1; t < 40; t++)
        {
            Assert.Equal(model.Survival(t - 1) - model.Survival(t), model.ChurnProbability(t), 11);
            Assert.Equal(model.Survival(t) / model.Survival(t - 1), model.Retention(t), 11);
            Assert.True(model.Retention(t + 1) > model.Retention(t));
        }
    }

    [Fact]
    public void Del_and_derl_match_direct_summation_of_the_series()
    {
        var model = new SbgModel(0.668, 3.806, TimeUnit.Year);
        foreach (var d in new[] { 0.05, 0.1, 0.25 })
        {
            var z = 1 / (1 + d);
            double del = 0, zt = 1;
            for (var t = 0; t < 2000; t++)
            {
                del += model.Survival(t) * zt;
                zt *= z;
            }

            Assert.Equal(del, model.DiscountedExpectedLifetime(d), 9);
            foreach (var n in new[] { 0, 1, 4, 20 })
            {
                double derl = 0, zk = 1;
                for (var t = n + 1; t < n + 2000; t++)
                {
                    derl += model.Survival(t) / model.Survival(n) * zk;
                    zk *= z;
                }

                Assert.Equal(derl, model.DiscountedExpectedResidualLifetime(d, n), 9);
                Assert.Equal(derl, model.DiscountedExpectedResidualLifetime(d, n, 5000), 9);
            }

            Assert.Equal(del, model.DiscountedExpectedLifetime(d, 5000), 9);
            Assert.Equal(1 + (z * model.DiscountedExpectedResidualLifetime(d, 0)), model.DiscountedExpectedLifetime(d), 12);
        }
    }

    [Fact]
    public void Undiscounted_lifetimes_are_the_closed_form_means_and_infinite_when_alpha_is_at_most_one()
    {
        var model = new SbgModel(2, 9, TimeUnit.Month);
        Assert.Equal(10, model.ExpectedLifetime(), 12);
        Assert.Equal(10, model.DiscountedExpectedLifetime(0), 12);
        Assert.Equal(10, model.ExpectedLifetime(1_000_000), 3);
        Assert.Equal(9 + 3, model.DiscountedExpectedResidualLifetime(0, 3), 12);
        Assert.Equal(model.DiscountedExpectedResidualLifetime(0, 3), model.DiscountedExpectedResidualLifetime(0, 3, 10_000_000), 4);
        Assert.Equal(10, model.DiscountedExpectedLifetime(1e-9), 5);

        var heavy = new SbgModel(0.704, 1.182, TimeUnit.Year);
        Assert.Equal(double.PositiveInfinity, heavy.ExpectedLifetime());
        Assert.Equal(double.PositiveInfinity, heavy.DiscountedExpectedResidualLifetime(0, 2));
        Assert.True(double.IsFinite(heavy.ExpectedLifetime(100)));
    }

    [Fact]
    public void Per_customer_durations_give_the_same_fit_as_the_survivor_counts()
    {
        var periods = new List<int>();
        var churned = new List<bool>();
        for (var t = 1; t < Regular.Length; t++)
        {
            for (var k = 0; k < Regular[t - 1] - Regular[t]; k++)
            {
                periods.Add(t);
                churned.Add(true);
            }
        }

        for (var k = 0; k < Regular[^1]; k++)
        {
            periods.Add(Regular.Length);
            churned.Add(false);
        }

        var data = ContractDurations.FromCustomers([.. periods], [.. churned], TimeUnit.Year);
        Assert.Equal(Regular.Length, data.Count);
        var fromCustomers = SbgModel.Fit(data).EnsureConverged();
        var fromCounts = SbgModel.FitSurvivors(Regular, TimeUnit.Year).EnsureConverged();
        Assert.Equal(fromCounts.LogLikelihood, fromCustomers.LogLikelihood, 8);
        Assert.Equal(fromCounts.Model.Alpha, fromCustomers.Model.Alpha, 5);
        Assert.Equal(fromCounts.Model.LogLikelihood(data), fromCounts.LogLikelihood, 8);
    }

    [Fact]
    public void Bad_input_names_the_field_and_value()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ContractDurations.FromSurvivors([1000, 600, 700], TimeUnit.Year));
        Assert.Contains("survivors[2]", e.Message, StringComparison.Ordinal);
        Assert.Contains("700", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<ArgumentOutOfRangeException>(() => ContractDurations.FromCustomers([3, 0], [true, false], TimeUnit.Month));
        Assert.Contains("periods at row 1", e.Message, StringComparison.Ordinal);
        var model = new SbgModel(1, 1, TimeUnit.Month);
        e = Assert.Throws<ArgumentOutOfRangeException>(() => model.DiscountedExpectedLifetime(-0.1));
        Assert.Contains("discountRate", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => model.Retention(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SbgModel(double.NaN, 1, TimeUnit.Month));
        Assert.Throws<UnitMismatchException>(() => model.LogLikelihood(ContractDurations.FromSurvivors(Regular, TimeUnit.Year)));
    }

    [Fact]
    public void Fit_round_trips_through_json()
    {
        var fit = SbgModel.FitSurvivors(HighEnd, TimeUnit.Year);
        var back = Ltv.Core.Probabilistic.Serialization.ProbabilisticJson.DeserializeSbg(Ltv.Core.Probabilistic.Serialization.ProbabilisticJson.Serialize(fit));
        Assert.Equal(fit.Model, back.Model);
        Assert.Equal(fit.Parameters, back.Parameters);
        Assert.Equal(fit.Summary(), back.Summary());
    }
}
