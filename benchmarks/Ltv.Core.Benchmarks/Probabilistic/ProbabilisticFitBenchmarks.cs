using BenchmarkDotNet.Attributes;

using Ltv.Core.Domain;
using Ltv.Core.History;
using Ltv.Core.Probabilistic.Fitting;
using Ltv.Core.Probabilistic.Models;

namespace Ltv.Core.Benchmarks.Probabilistic;

/// <summary>BG/NBD fit on CDNOW master (23,570 customers, calibration to 1997-09-30, weeks).</summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 2, iterationCount: 5)]
public class BgNbdFitBenchmarks
{
    private CdnowMasterSummary _data = null!;
    private RfmPatterns _tenfold = null!;

    /// <summary>Loads and summarises the data.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _data = CdnowMasterSummary.Load();
        _tenfold = _data.Scaled(10);
    }

    /// <summary>Per-customer likelihood, numerical gradients.</summary>
    [Benchmark]
    public double[] NaivePerCustomer() => NaiveMaximumLikelihood.Fit(p => NaiveLikelihoods.BgNbd(p, _data.X, _data.Tx, _data.T), [1, 10, 1, 1], _data.Count);

    /// <summary>Ltv.Core: distinct rows, analytic gradient, SEs included.</summary>
    [Benchmark]
    public BgNbdModel Compressed() => BgNbdModel.Fit(_data.Patterns).Model;

    /// <summary>
    /// The fit as it was before issue 14 (same engine, same start, the previous scalar likelihood over every distinct row), to read
    /// the issue-14 speed-up of <see cref="Compressed"/> from the same run.
    /// </summary>
    [Benchmark(Baseline = true)]
    public BgNbdModel PreviousCompressed()
    {
        var data = new PatternData(_data.Patterns);
        return MaximumLikelihood.Fit(
            new PreviousBetaGeometricLikelihood(data, modified: false),
            [1, data.Age.Average(), 1, 1],
            data.CustomerCount,
            data.Count,
            "BG/NBD",
            ["r", "alpha", "a", "b"],
            p => new BgNbdModel(p[0], p[1], p[2], p[3], TimeUnit.Week),
            null,
            null,
            CancellationToken.None,
            CountModelIdentifiability.Reason(data)).Model;
    }

    /// <summary>Ten times the customers with the same distinct rows.</summary>
    [Benchmark]
    public BgNbdModel CompressedTenfoldCustomers() => BgNbdModel.Fit(_tenfold).Model;
}

/// <summary>Pareto/NBD fit on CDNOW master.</summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 1, iterationCount: 3)]
public class ParetoNbdFitBenchmarks
{
    private CdnowMasterSummary _data = null!;
    private RfmPatterns _tenfold = null!;

    /// <summary>Loads and summarises the data.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _data = CdnowMasterSummary.Load();
        _tenfold = _data.Scaled(10);
    }

    /// <summary>Per-customer likelihood (two ₂F₁ per customer), numerical gradients.</summary>
    [Benchmark(Baseline = true)]
    public double[] NaivePerCustomer() => NaiveMaximumLikelihood.Fit(p => NaiveLikelihoods.ParetoNbd(p, _data.X, _data.Tx, _data.T), [1, 10, 1, 10], _data.Count);

    /// <summary>Ltv.Core: distinct rows, ₂F₁ once per distinct (x, y), analytic gradient near the optimum, SEs included.</summary>
    [Benchmark]
    public ParetoNbdModel Compressed() => ParetoNbdModel.Fit(_data.Patterns).Model;

    /// <summary>Ten times the customers with the same distinct rows.</summary>
    [Benchmark]
    public ParetoNbdModel CompressedTenfoldCustomers() => ParetoNbdModel.Fit(_tenfold).Model;
}

/// <summary>Gamma-Gamma fit on the CDNOW master repeaters (9,451; the one whose repeat purchases are all $0.00 is left out: the model needs positive spend).</summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 2, iterationCount: 5)]
public class GammaGammaFitBenchmarks
{
    private CdnowMasterSummary _data = null!;
    private double[] _x = null!;
    private double[] _m = null!;

    /// <summary>Loads and summarises the data.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _data = CdnowMasterSummary.Load();
        var keep = Enumerable.Range(0, _data.Count).Where(i => _data.X[i] > 0 && _data.Zbar[i] > 0).ToArray();
        _x = keep.Select(i => _data.X[i]).ToArray();
        _m = keep.Select(i => _data.Zbar[i]).ToArray();
    }

    /// <summary>Per-customer likelihood, numerical gradients.</summary>
    [Benchmark(Baseline = true)]
    public double[] NaivePerCustomer() => NaiveMaximumLikelihood.Fit(p => NaiveLikelihoods.GammaGamma(p, _x, _m), [1, 2, 30], _x.Length);

    /// <summary>Ltv.Core: analytic gradient, per-distinct-x gamma terms, SEs included.</summary>
    [Benchmark]
    public GammaGammaModel Fitted() => GammaGammaModel.Fit(_x, _m).Model;
}
