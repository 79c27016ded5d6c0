using Ltv.Core.Probabilistic.Fitting;
using Ltv.Core.Probabilistic.Models;

namespace Ltv.Core.Tests.Probabilistic;

/// <summary>Fits on the CDNOW sample fixture, made once per test run.</summary>
internal static class CdnowFits
{
    private static readonly Lazy<FitResult<BgNbdModel>> BgNbdFit = new(() => BgNbdModel.Fit(CdnowSampleFixture.Sample.Patterns));
    private static readonly Lazy<FitResult<MbgNbdModel>> MbgNbdFit = new(() => MbgNbdModel.Fit(CdnowSampleFixture.Sample.Patterns));
    private static readonly Lazy<FitResult<ParetoNbdModel>> ParetoNbdFit = new(() => ParetoNbdModel.Fit(CdnowSampleFixture.Sample.Patterns));
    private static readonly Lazy<FitResult<GammaGammaModel>> GammaGammaFit = new(() => GammaGammaModel.Fit(CdnowSampleFixture.Sample.X, CdnowSampleFixture.Sample.Zbar));

    public static FitResult<BgNbdModel> BgNbd => BgNbdFit.Value;

    public static FitResult<MbgNbdModel> MbgNbd => MbgNbdFit.Value;

    public static FitResult<ParetoNbdModel> ParetoNbd => ParetoNbdFit.Value;

    public static FitResult<GammaGammaModel> GammaGamma => GammaGammaFit.Value;
}
