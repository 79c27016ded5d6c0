using FsCheck;
using FsCheck.Fluent;

using Ltv.Core.Domain;
using Ltv.Core.Probabilistic.Clv;
using Ltv.Core.Probabilistic.Models;

namespace Ltv.Core.Tests.Probabilistic;

public class SpendAndClvPropertyTests
{
    private static readonly Config Config = Config.QuickThrowOnFailure.WithMaxTest(1000);

    private static Gen<double> LogUniform(double low, double high) =>
        Gen.Choose(0, 1_000_000).Select(v => Math.Exp(Math.Log(low) + ((Math.Log(high) - Math.Log(low)) * v / 1e6)));

    [Fact]
    public void Conditional_spend_lies_between_the_population_mean_and_the_customer_mean()
    {
        var gen = from p in LogUniform(0.01, 100)
                  from q in LogUniform(1.001, 100)
                  from g in LogUniform(0.01, 1e4)
                  from x in Gen.Choose(1, 100_000)
                  from m in LogUniform(0.01, 1e5)
                  select (p, q, g, (double)x, m);
        Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var (p, q, g, x, m) = c;
            var model = new GammaGammaModel(p, q, g);
            var spend = model.ConditionalExpectedSpend(x, m);
            var low = Math.Min(model.MeanSpend, m) * (1 - 1e-12);
            var high = Math.Max(model.MeanSpend, m) * (1 + 1e-12);
            return spend >= low && spend <= high ? true : throw new InvalidOperationException($"{spend} outside [{low}, {high}]");
        }).Check(Config);
    }

    [Fact]
    public void Clv_is_finite_non_negative_and_grows_with_the_horizon()
    {
        var spend = new GammaGammaModel(6.25, 3.74, 15.44);
        var gen = from r in LogUniform(0.05, 5)
                  from alpha in LogUniform(0.5, 50)
                  from a in LogUniform(0.05, 5)
                  from b in LogUniform(0.05, 5)
                  from x in Gen.Choose(0, 50)
                  from share in Gen.Choose(1, 100)
                  from t in Gen.Choose(1, 100)
                  from months in Gen.Choose(1, 60)
                  from d in Gen.Choose(0, 50)
                  select (new BgNbdModel(r, alpha, a, b, TimeUnit.Week), (double)x, x == 0 ? 0 : t * share / 100.0, (double)t, months, d / 1000.0);
        Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var (model, x, tx, t, months, d) = c;
            var shorter = new ClvCalculator(model, spend, ClvOptions.Monthly(TimeUnit.Week, months, d)).Value(x, tx, t, 30);
            var longer = new ClvCalculator(model, spend, ClvOptions.Monthly(TimeUnit.Week, months + 1, d)).Value(x, tx, t, 30);
            return double.IsFinite(shorter) && shorter >= 0 && longer >= shorter ? true : throw new InvalidOperationException($"{shorter} {longer}");
        }).Check(Config);
    }
}
