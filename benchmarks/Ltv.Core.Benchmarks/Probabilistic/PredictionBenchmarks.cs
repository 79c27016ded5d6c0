using BenchmarkDotNet.Attributes;

using Ltv.Core.Domain;
using Ltv.Core.Probabilistic.Models;

namespace Ltv.Core.Benchmarks.Probabilistic;

/// <summary>P(alive) and expected purchases in the next 39 weeks for all 23,570 CDNOW master customers (BG/NBD).</summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 2, iterationCount: 5)]
public class PredictionBenchmarks
{
    private readonly BgNbdModel _model = new(0.243, 4.414, 0.793, 2.426, TimeUnit.Week);
    private CdnowMasterSummary _data = null!;
    private double[] _alive = null!;
    private double[] _expected = null!;

    /// <summary>Loads and summarises the data.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _data = CdnowMasterSummary.Load();
        _alive = new double[_data.Count];
        _expected = new double[_data.Count];
    }

    /// <summary>Textbook formulas per customer with a plain (non-log) ₂F₁ series.</summary>
    [Benchmark(Baseline = true)]
    public double Naive()
    {
        double r = _model.R, alpha = _model.Alpha, a = _model.A, b = _model.B, t = 39;
        var sum = 0.0;
        for (var i = 0; i < _data.Count; i++)
        {
            double x = _data.X[i], tx = _data.Tx[i], age = _data.T[i];
            var alive = x == 0 ? 1 : 1 / (1 + (a / (b + x - 1) * Math.Pow((alpha + age) / (alpha + tx), r + x)));
            var z = t / (alpha + age + t);
            var f = PlainHyp2F1(r + x, b + x, a + b + x - 1, z);
            _alive[i] = alive;
            _expected[i] = alive * (a + b + x - 1) / (a - 1) * (1 - (Math.Pow((alpha + age) / (alpha + age + t), r + x) * f));
            sum += _expected[i];
        }

        return sum;
    }

    /// <summary>Ltv.Core bulk predictions.</summary>
    [Benchmark]
    public double LtvCore()
    {
        _model.ProbabilityAlive(_data.X, _data.Tx, _data.T, _alive);
        _model.ConditionalExpectedPurchases(39, _data.X, _data.Tx, _data.T, _expected);
        return _expected[^1];
    }

    private static double PlainHyp2F1(double a, double b, double c, double z)
    {
        double sum = 1, term = 1;
        for (var n = 0; n < 100_000; n++)
        {
            term *= (a + n) * (b + n) / ((c + n) * (n + 1)) * z;
            sum += term;
            if (Math.Abs(term) < 1e-15 * Math.Abs(sum))
            {
                break;
            }
        }

        return sum;
    }
}
