using BenchmarkDotNet.Attributes;

using Ltv.Core.Domain;
using Ltv.Core.Probabilistic.Models;

namespace Ltv.Core.Benchmarks.Probabilistic;

/// <summary>
/// Issue 14 items 2 and 3 on CDNOW master (23,570 customers, weeks, the published CDNOW-sample Pareto/NBD estimates):
/// E[X(39 weeks) | x, t_x, T], P(alive) and DERT (15% a year, continuous) for every customer.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class ParetoPredictAllBenchmarks
{
    private static readonly double Delta = Math.Log(1.15) / 52;
    private readonly ParetoNbdModel _model = new(0.553, 10.578, 0.606, 11.669, TimeUnit.Week);
    private CdnowMasterSummary _data = null!;
    private double[] _alive = null!;
    private double[] _expected = null!;
    private double[] _dert = null!;

    /// <summary>Loads and summarises the data.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _data = CdnowMasterSummary.Load();
        _alive = new double[_data.Count];
        _expected = new double[_data.Count];
        _dert = new double[_data.Count];
    }

    /// <summary>The previous implementation: the bulk P(alive) and E[Y(t)] paths, then DERT per customer by adaptive quadrature.</summary>
    [Benchmark(Baseline = true)]
    public double PreviousQuadraturePerCustomer()
    {
        PreviousParetoBulk.Alive(_model, _data.X, _data.Tx, _data.T, _alive);
        PreviousParetoBulk.Conditional(_model, 39, _data.X, _data.Tx, _data.T, _expected);
        for (var i = 0; i < _data.Count; i++)
        {
            double x = _data.X[i], age = _data.T[i];
            _dert[i] = _alive[i] * (_model.R + x) / (_model.Alpha + age) * ParetoNbdDert.ResidualIntegralByQuadrature(_model.S, _model.Beta + age, Delta);
        }

        return _dert[^1];
    }

    /// <summary>Ltv.Core: one pass over distinct patterns, DERT in closed form.</summary>
    [Benchmark]
    public double PredictAll()
    {
        _model.PredictAll(39, Delta, _data.X, _data.Tx, _data.T, _expected, _alive, _dert);
        return _dert[^1];
    }
}

/// <summary>
/// Issue 14 item 3: Pareto/NBD E[X(39 weeks) | x, t_x, T] for every customer (CDNOW master, and the 2,357 customers of the
/// sample, which the issue compared with lifetimes), previous per-customer bulk path against the per-pattern one.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class ParetoConditionalBulkBenchmarks
{
    private readonly ParetoNbdModel _model = new(0.553, 10.578, 0.606, 11.669, TimeUnit.Week);
    private CdnowMasterSummary _data = null!;
    private double[] _expected = null!;

    /// <summary>The cohort: CDNOW master (23,570 customers) or the sample (2,357).</summary>
    [Params("master", "sample")]
    public string Cohort { get; set; } = "master";

    /// <summary>Loads and summarises the data.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _data = Cohort == "sample" ? CdnowMasterSummary.LoadSample() : CdnowMasterSummary.Load();
        _expected = new double[_data.Count];
    }

    /// <summary>The previous bulk path: per customer, ln G cached per (x, y).</summary>
    [Benchmark(Baseline = true)]
    public double PreviousPerCustomer()
    {
        PreviousParetoBulk.Conditional(_model, 39, _data.X, _data.Tx, _data.T, _expected);
        return _expected[^1];
    }

    /// <summary>Ltv.Core: once per distinct (x, t_x, T) pattern, scattered.</summary>
    [Benchmark]
    public double PerPattern()
    {
        _model.ConditionalExpectedPurchases(39, _data.X, _data.Tx, _data.T, _expected);
        return _expected[^1];
    }
}

/// <summary>The Pareto/NBD bulk path as it was before issue 14 (per customer, ln G cached per (x, y)), kept as the benchmarks' baseline.</summary>
internal static class PreviousParetoBulk
{
    public static void Alive(ParetoNbdModel m, ReadOnlySpan<double> frequency, ReadOnlySpan<double> recency, ReadOnlySpan<double> age, Span<double> destination)
    {
        var cache = new Dictionary<(double X, double Y), double>();
        var logS = Math.Log(m.S);
        double Cached(double x, double y)
        {
            if (!cache.TryGetValue((x, y), out var value))
            {
                value = ParetoNbdLikelihood.LogG(m.R, m.Alpha, m.S, m.Beta, x, y);
                cache.Add((x, y), value);
            }

            return value;
        }

        for (var i = 0; i < frequency.Length; i++)
        {
            double x = frequency[i], tx = recency[i], T = age[i];
            HistoryGuard.Check(x, tx, T);
            var bracket = ParetoNbdLikelihood.LogBracket(m.R, m.Alpha, m.S, m.Beta, logS, x, tx, T, Cached(x, tx), Cached(x, T), out var logAlive);
            destination[i] = Math.Clamp(Math.Exp(logAlive - bracket), 0, 1);
        }
    }

    public static void Conditional(ParetoNbdModel m, double t, ReadOnlySpan<double> frequency, ReadOnlySpan<double> recency, ReadOnlySpan<double> age, Span<double> destination)
    {
        Alive(m, frequency, recency, age, destination);
        for (var i = 0; i < frequency.Length; i++)
        {
            destination[i] *= m.GivenAlive(t, frequency[i], age[i]);
        }
    }
}

/// <summary>Issue 14 item 2: BG/NBD and MBG/NBD DERT (none before) for every CDNOW master customer; baseline the per-customer method, against the per-pattern bulk path.</summary>
[MemoryDiagnoser]
[ShortRunJob]
public class BetaGeometricDertBenchmarks
{
    private static readonly double Delta = Math.Log(1.15) / 52;
    private readonly BgNbdModel _model = new(0.243, 4.414, 0.793, 2.426, TimeUnit.Week);
    private CdnowMasterSummary _data = null!;
    private double[] _alive = null!;
    private double[] _expected = null!;
    private double[] _dert = null!;

    /// <summary>Loads and summarises the data.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _data = CdnowMasterSummary.Load();
        _alive = new double[_data.Count];
        _expected = new double[_data.Count];
        _dert = new double[_data.Count];
    }

    /// <summary>One-customer calls for all three outputs.</summary>
    [Benchmark(Baseline = true)]
    public double PerCustomer()
    {
        for (var i = 0; i < _data.Count; i++)
        {
            double x = _data.X[i], tx = _data.Tx[i], age = _data.T[i];
            _alive[i] = _model.ProbabilityAlive(x, tx, age);
            _expected[i] = _model.ConditionalExpectedPurchases(39, x, tx, age);
            _dert[i] = _model.DiscountedExpectedResidualTransactions(Delta, x, tx, age);
        }

        return _dert[^1];
    }

    /// <summary>Ltv.Core: one pass over distinct patterns, the "given alive" terms once per distinct (x, T).</summary>
    [Benchmark]
    public double PredictAll()
    {
        _model.PredictAll(39, Delta, _data.X, _data.Tx, _data.T, _expected, _alive, _dert);
        return _dert[^1];
    }
}
