using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ltv.Cli.Input;
using Ltv.Core.Probabilistic.Serialization;

namespace Ltv.Cli.Models;

/// <summary>
/// Reads a model JSON written by <c>ltv fit</c> (the library's <see cref="ProbabilisticJson"/> format): the kind
/// comes from its <c>ModelName</c>. Bad files are data errors naming the file (and one 1-based line and column for
/// JSON syntax, or the JSON field of a bad parameter). <c>-</c> reads the model from standard input.
/// </summary>
internal static partial class ModelFile
{
    public static LoadedModel Load(string path) => Load(path, "MODEL");

    /// <summary>Loads a model from a file or, for <c>-</c>, from standard input claimed for <paramref name="input"/>.</summary>
    public static LoadedModel Load(string path, string input)
    {
        var json = InputFile.ReadAllText(path, input);
        path = InputFile.DisplayName(path);
        ModelKind? read = null;
        try
        {
            var kind = Kind(path, json);
            read = kind;
            return kind switch
            {
                ModelKind.BgNbd => new LoadedModel(kind, path, ProbabilisticJson.DeserializeBgNbd(json).Model, null),
                ModelKind.MbgNbd => new LoadedModel(kind, path, ProbabilisticJson.DeserializeMbgNbd(json).Model, null),
                ModelKind.ParetoNbd => new LoadedModel(kind, path, ProbabilisticJson.DeserializeParetoNbd(json).Model, null),
                _ => new LoadedModel(kind, path, null, ProbabilisticJson.DeserializeGammaGamma(json).Model),
            };
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line
                ? string.Create(CultureInfo.InvariantCulture, $", line {line + 1}, column {(ex.BytePositionInLine ?? 0) + 1}")
                : string.Empty;
            throw new InvalidDataException($"{path}{where}: not a model JSON written by 'ltv fit' ({JsonPosition().Replace(DataErrors.OneLine(ex.Message), string.Empty).TrimEnd('.', ' ')}).", ex);
        }
        catch (ArgumentException ex)
        {
            var field = read is { } k && ex.ParamName is { Length: > 0 } name && k.ParameterNames().Contains(name)
                ? "Model." + char.ToUpperInvariant(name[0]) + name[1..]
                : null;
            throw new InvalidDataException(field is null
                ? $"{path}: not a valid model ({DataErrors.Reason(ex)})."
                : $"{path}: field {field} {DataErrors.Reason(ex)}.", ex);
        }
    }

    /// <summary>The position System.Text.Json appends to its messages (0-based); the message names the 1-based one instead.</summary>
    [GeneratedRegex(@" ?(Path: \S* \| )?LineNumber: \d+ \| BytePositionInLine: \d+\.?")]
    private static partial Regex JsonPosition();

    /// <summary>Loads a model and checks that it is of one of the wanted kinds.</summary>
    public static LoadedModel Load(string path, string option, string wanted, Func<ModelKind, bool> accepts)
    {
        var model = Load(path, option);
        return accepts(model.Kind)
            ? model
            : throw new InvalidDataException($"{model.Source}: holds a {model.Kind.LibraryName()} model, but {option} needs {wanted} (column ModelName, was '{model.Kind.LibraryName()}').");
    }

    private static ModelKind Kind(string path, string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        string? name = null;
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("ModelName", out var element) && element.ValueKind == JsonValueKind.String)
        {
            name = element.GetString();
        }

        return ModelKinds.TryParseLibraryName(name, out var kind)
            ? kind
            : throw new InvalidDataException($"{path}: 'ModelName' must be BG/NBD, MBG/NBD, Pareto/NBD or Gamma-Gamma (was '{name ?? "missing"}').");
    }
}
