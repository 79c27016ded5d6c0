using FsCheck;
using FsCheck.Fluent;

using Ltv.Core.Domain;
using Ltv.Core.History;
using Ltv.Core.Probabilistic.Models;

namespace Ltv.Core.Tests.Probabilistic;

/// <summary>No NaN, probabilities in [0, 1], expectations non-negative and monotone in t, finite log-likelihoods, over wide ranges.</summary>
public class CountModelPropertyTests
{
    private static readonly Config Config = Config.QuickThrowOnFailure.WithMaxTest(1000);

    private static Gen<double> LogUniform(double low, double high) =>
        Gen.Choose(0, 1_000_000).Select(v => Math.Exp(Math.Log(low) + ((Math.Log(high) - Math.Log(low)) * v / 1e6)));

    private static readonly Gen<(double X, double Tx, double T)> Histories =
        from t in Gen.Choose(0, 20_000).Select(v => v / 100.0)
        from kind in Gen.Choose(0, 9)
        from x in kind < 3 ? Gen.Constant(0.0) : kind < 9 ? Gen.Choose(1, 60).Select(v => (double)v) : Gen.Elements(300.0, 1e4, 1e6)
        from share in Gen.Choose(1, 1000).Select(v => v / 1000.0)
        select x == 0 || t == 0 ? (0.0, 0.0, t) : (x, t * share, t);

    private static readonly Gen<(double T1, double T2)> Horizons =
        from a in Gen.Choose(0, 100_000).Select(v => v / 100.0)
        from b in Gen.Choose(0, 100_000).Select(v => v / 100.0)
        select (Math.Min(a, b), Math.Max(a, b));

    private static readonly Gen<ICountModel> Models =
        from kind in Gen.Choose(0, 2)
        from p1 in LogUniform(0.01, 20)
        from p2 in LogUniform(0.01, 500)
        from p3 in LogUniform(0.01, 20)
        from p4 in kind == 2 ? LogUniform(0.01, 500) : LogUniform(0.01, 20)
        select kind switch
        {
            0 => (ICountModel)new BgNbdModel(p1, p2, p3, p4, TimeUnit.Week),
            1 => new MbgNbdModel(p1, p2, p3, p4, TimeUnit.Week),
            _ => new ParetoNbdModel(p1, p2, p3, p4, TimeUnit.Week),
        };

    private static bool Check(bool condition, string what) => condition ? true : throw new InvalidOperationException(what);

    [Fact]
    public void Predictions_are_probabilities_and_monotone_non_negative_expectations()
    {
        var gen = from model in Models from history in Histories from horizon in Horizons select (model, history, horizon);
        Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var (model, (x, tx, t), (t1, t2)) = c;
            var label = $"{model} x={x} tx={tx} T={t} t1={t1} t2={t2}";
            var alive = model.ProbabilityAlive(x, tx, t);
            var e1 = model.ConditionalExpectedPurchases(t1, x, tx, t);
            var e2 = model.ConditionalExpectedPurchases(t2, x, tx, t);
            var n1 = model.ExpectedPurchases(t1);
            var n2 = model.ExpectedPurchases(t2);
            return Check(alive is >= 0 and <= 1, "P(alive) " + alive + " " + label)
                && Check(double.IsFinite(e1) && e1 >= 0 && double.IsFinite(e2), "E " + e1 + " " + e2 + " " + label)
                && Check(e1 <= (e2 * (1 + 1e-9)) + 1e-12, "monotone E " + e1 + " > " + e2 + " " + label)
                && Check(double.IsFinite(n1) && n1 >= 0 && n1 <= (n2 * (1 + 1e-9)) + 1e-12, "monotone E[X] " + n1 + " " + n2 + " " + label);
        }).Check(Config);
    }

    [Fact]
    public void Log_likelihoods_are_finite()
    {
        var gen = from model in Models from history in Histories.Where(h => h.T > 0) select (model, history);
        Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var (model, (x, tx, t)) = c;
            var ll = model.LogLikelihood(RfmPatterns.Compress([x], [tx], [t], TimeUnit.Week));
            // t_x is continuous, so L is partly a density and may exceed 1: finiteness is the promise.
            return Check(double.IsFinite(ll), $"LL {ll} {model} x={x} tx={tx} T={t}");
        }).Check(Config);
    }

    [Fact]
    public void Count_probabilities_are_probabilities()
    {
        var gen = from model in Models from n in Gen.Choose(0, 40) from t in Gen.Choose(0, 50_000).Select(v => v / 100.0) select (model, n, t);
        Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var (model, n, t) = c;
            var p = model.ProbabilityOfPurchases(n, t);
            return Check(p is >= 0 and <= 1, $"P(X={n}) = {p} {model} t={t}");
        }).Check(Config);
    }
}
