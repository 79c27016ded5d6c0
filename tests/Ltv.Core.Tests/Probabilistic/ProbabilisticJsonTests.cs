using System.Text.Json;

using Ltv.Core.Probabilistic.Serialization;

namespace Ltv.Core.Tests.Probabilistic;

public class ProbabilisticJsonTests
{
    [Fact]
    public void Bg_nbd_fit_round_trips()
    {
        var fit = CdnowFits.BgNbd;
        var back = ProbabilisticJson.DeserializeBgNbd(ProbabilisticJson.Serialize(fit));
        Assert.Equal(fit.Model, back.Model);
        Assert.Equal(fit.Parameters, back.Parameters);
        Assert.Equal(fit.LogLikelihood, back.LogLikelihood);
        Assert.Equal(fit.ExitReason, back.ExitReason);
        Assert.Equal(fit.Covariance!.SelectMany(r => r), back.Covariance!.SelectMany(r => r));
        Assert.Equal(fit.Summary(), back.Summary());
    }

    [Fact]
    public void Other_fits_round_trip()
    {
        Assert.Equal(CdnowFits.MbgNbd.Model, ProbabilisticJson.DeserializeMbgNbd(ProbabilisticJson.Serialize(CdnowFits.MbgNbd)).Model);
        Assert.Equal(CdnowFits.ParetoNbd.Model, ProbabilisticJson.DeserializeParetoNbd(ProbabilisticJson.Serialize(CdnowFits.ParetoNbd)).Model);
        var gg = ProbabilisticJson.DeserializeGammaGamma(ProbabilisticJson.Serialize(CdnowFits.GammaGamma));
        Assert.Equal(CdnowFits.GammaGamma.Model, gg.Model);
        Assert.Equal(CdnowFits.GammaGamma.Summary(), gg.Summary());
    }

    [Fact]
    public void Json_is_readable_with_named_enums()
    {
        var json = ProbabilisticJson.Serialize(CdnowFits.BgNbd);
        Assert.Contains("\"ExitReason\": \"Converged\"", json, StringComparison.Ordinal);
        Assert.Contains("\"Unit\": \"Week\"", json, StringComparison.Ordinal);
        Assert.Contains("\"ModelName\": \"BG/NBD\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Broken_json_throws_typed_errors()
    {
        Assert.Throws<JsonException>(() => ProbabilisticJson.DeserializeBgNbd("{}"));
        Assert.Throws<JsonException>(() => ProbabilisticJson.DeserializeBgNbd("null"));
        var json = ProbabilisticJson.Serialize(CdnowFits.BgNbd).Replace("\"Alpha\": 4.", "\"Alpha\": -4.", StringComparison.Ordinal);
        Assert.Equal("Model.Alpha", Assert.Throws<ArgumentOutOfRangeException>(() => ProbabilisticJson.DeserializeBgNbd(json)).ParamName);
    }
}
