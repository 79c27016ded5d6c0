using System.Text.Json.Serialization;

using Ltv.Core.Probabilistic.Contractual;
using Ltv.Core.Probabilistic.Fitting;
using Ltv.Core.Probabilistic.Models;

namespace Ltv.Core.Probabilistic.Serialization;

/// <summary>The System.Text.Json source-generated metadata for fitted probabilistic models (no reflection; AOT safe).</summary>
[JsonSourceGenerationOptions(WriteIndented = true, UseStringEnumConverter = true)]
[JsonSerializable(typeof(FitResult<BgNbdModel>))]
[JsonSerializable(typeof(FitResult<MbgNbdModel>))]
[JsonSerializable(typeof(FitResult<ParetoNbdModel>))]
[JsonSerializable(typeof(FitResult<GammaGammaModel>))]
[JsonSerializable(typeof(FitResult<BgBbModel>))]
[JsonSerializable(typeof(FitResult<SbgModel>))]
public sealed partial class ProbabilisticJsonContext : JsonSerializerContext;
