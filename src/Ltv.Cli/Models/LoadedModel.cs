using Ltv.Core.Probabilistic.Models;

namespace Ltv.Cli.Models;

/// <summary>A model read from a JSON file or built from <c>--param</c> values: a count model or a spend model.</summary>
/// <param name="Kind">Which model.</param>
/// <param name="Source">Where it came from (the file name, or "--param"), for messages.</param>
/// <param name="Count">The count model, when <paramref name="Kind"/> is a count model.</param>
/// <param name="Spend">The Gamma-Gamma model, when <paramref name="Kind"/> is <see cref="ModelKind.GammaGamma"/>.</param>
internal sealed record LoadedModel(ModelKind Kind, string Source, ICountModel? Count, GammaGammaModel? Spend);
