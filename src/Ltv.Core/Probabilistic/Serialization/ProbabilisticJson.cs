using System.Text.Json;

using Ltv.Core.Probabilistic.Contractual;
using Ltv.Core.Probabilistic.Fitting;
using Ltv.Core.Probabilistic.Models;

namespace Ltv.Core.Probabilistic.Serialization;

/// <summary>
/// Saves and loads fitted models as JSON with the source-generated <see cref="ProbabilisticJsonContext"/>:
/// the parameters, standard errors, covariance, log-likelihood, n and the convergence state round-trip exactly
/// (doubles are written in round-trip form). Enums are written as names.
/// </summary>
public static class ProbabilisticJson
{
    /// <summary>Writes a BG/NBD fit.</summary>
    /// <param name="fit">The fit.</param>
    /// <returns>Indented JSON.</returns>
    public static string Serialize(FitResult<BgNbdModel> fit) => JsonSerializer.Serialize(fit, ProbabilisticJsonContext.Default.FitResultBgNbdModel);

    /// <summary>Writes an MBG/NBD fit.</summary>
    /// <param name="fit">The fit.</param>
    /// <returns>Indented JSON.</returns>
    public static string Serialize(FitResult<MbgNbdModel> fit) => JsonSerializer.Serialize(fit, ProbabilisticJsonContext.Default.FitResultMbgNbdModel);

    /// <summary>Writes a Pareto/NBD fit.</summary>
    /// <param name="fit">The fit.</param>
    /// <returns>Indented JSON.</returns>
    public static string Serialize(FitResult<ParetoNbdModel> fit) => JsonSerializer.Serialize(fit, ProbabilisticJsonContext.Default.FitResultParetoNbdModel);

    /// <summary>Writes a Gamma-Gamma fit.</summary>
    /// <param name="fit">The fit.</param>
    /// <returns>Indented JSON.</returns>
    public static string Serialize(FitResult<GammaGammaModel> fit) => JsonSerializer.Serialize(fit, ProbabilisticJsonContext.Default.FitResultGammaGammaModel);

    /// <summary>Reads a BG/NBD fit.</summary>
    /// <param name="json">JSON written by <see cref="Serialize(FitResult{BgNbdModel})"/>.</param>
    /// <returns>The fit.</returns>
    /// <exception cref="JsonException">The JSON is malformed, a required member is missing, or the <c>Parameters</c> list disagrees with <c>Model</c> (one source of truth: an edited copy is never silently ignored).</exception>
    /// <exception cref="ArgumentOutOfRangeException">A model parameter is outside the computable range; the parameter name is the JSON field (e.g. <c>Model.R</c>).</exception>
    public static FitResult<BgNbdModel> DeserializeBgNbd(string json) => BgNbdDefinition.Instance.Read(json);

    /// <summary>Reads an MBG/NBD fit.</summary>
    /// <param name="json">JSON written by <see cref="Serialize(FitResult{MbgNbdModel})"/>.</param>
    /// <returns>The fit.</returns>
    /// <exception cref="JsonException">The JSON is malformed, a required member is missing, or the <c>Parameters</c> list disagrees with <c>Model</c> (one source of truth: an edited copy is never silently ignored).</exception>
    /// <exception cref="ArgumentOutOfRangeException">A model parameter is outside the computable range; the parameter name is the JSON field (e.g. <c>Model.R</c>).</exception>
    public static FitResult<MbgNbdModel> DeserializeMbgNbd(string json) => MbgNbdDefinition.Instance.Read(json);

    /// <summary>Reads a Pareto/NBD fit.</summary>
    /// <param name="json">JSON written by <see cref="Serialize(FitResult{ParetoNbdModel})"/>.</param>
    /// <returns>The fit.</returns>
    /// <exception cref="JsonException">The JSON is malformed, a required member is missing, or the <c>Parameters</c> list disagrees with <c>Model</c> (one source of truth: an edited copy is never silently ignored).</exception>
    /// <exception cref="ArgumentOutOfRangeException">A model parameter is outside the computable range; the parameter name is the JSON field (e.g. <c>Model.R</c>).</exception>
    public static FitResult<ParetoNbdModel> DeserializeParetoNbd(string json) => ParetoNbdDefinition.Instance.Read(json);

    /// <summary>Reads a Gamma-Gamma fit.</summary>
    /// <param name="json">JSON written by <see cref="Serialize(FitResult{GammaGammaModel})"/>.</param>
    /// <returns>The fit.</returns>
    /// <exception cref="JsonException">The JSON is malformed, a required member is missing, or the <c>Parameters</c> list disagrees with <c>Model</c> (one source of truth: an edited copy is never silently ignored).</exception>
    /// <exception cref="ArgumentOutOfRangeException">A model parameter is outside the computable range; the parameter name is the JSON field (e.g. <c>Model.R</c>).</exception>
    public static FitResult<GammaGammaModel> DeserializeGammaGamma(string json) => GammaGammaDefinition.Instance.Read(json);

    /// <summary>Writes a BG/BB fit.</summary>
    /// <param name="fit">The fit.</param>
    /// <returns>Indented JSON.</returns>
    public static string Serialize(FitResult<BgBbModel> fit) => JsonSerializer.Serialize(fit, ProbabilisticJsonContext.Default.FitResultBgBbModel);

    /// <summary>Writes an sBG fit.</summary>
    /// <param name="fit">The fit.</param>
    /// <returns>Indented JSON.</returns>
    public static string Serialize(FitResult<SbgModel> fit) => JsonSerializer.Serialize(fit, ProbabilisticJsonContext.Default.FitResultSbgModel);

    /// <summary>Reads a BG/BB fit.</summary>
    /// <param name="json">JSON written by <see cref="Serialize(FitResult{BgBbModel})"/>.</param>
    /// <returns>The fit.</returns>
    /// <exception cref="JsonException">The JSON is malformed or a required member is missing.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A model parameter is not finite and positive.</exception>
    public static FitResult<BgBbModel> DeserializeBgBb(string json) => Read(json, ProbabilisticJsonContext.Default.FitResultBgBbModel);

    /// <summary>Reads an sBG fit.</summary>
    /// <param name="json">JSON written by <see cref="Serialize(FitResult{SbgModel})"/>.</param>
    /// <returns>The fit.</returns>
    /// <exception cref="JsonException">The JSON is malformed or a required member is missing.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A model parameter is not finite and positive.</exception>
    public static FitResult<SbgModel> DeserializeSbg(string json) => Read(json, ProbabilisticJsonContext.Default.FitResultSbgModel);

    private static T Read<T>(string json, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> info)
    {
        ArgumentNullException.ThrowIfNull(json);
        return JsonSerializer.Deserialize(json, info) ?? throw new JsonException("The JSON holds null instead of a fitted model.");
    }
}
