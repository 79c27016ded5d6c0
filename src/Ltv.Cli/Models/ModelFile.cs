using System.Globalization;
using System.Text.Json;
using Ltv.Core.Probabilistic.Serialization;

namespace Ltv.Cli.Models;

/// <summary>
/// Reads a model JSON written by <c>ltv fit</c> (the library's <see cref="ProbabilisticJson"/> format): the kind
/// comes from its <c>ModelName</c>. Bad files are data errors naming the file (and line and column for JSON syntax).
/// </summary>
internal static class ModelFile
{
    public static LoadedModel Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: no such file.", path);
        }

        var json = File.ReadAllText(path);
        try
        {
            var kind = Kind(path, json);
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
            throw new InvalidDataException($"{path}{where}: not a model JSON written by 'ltv fit' ({ex.Message})", ex);
        }
        catch (ArgumentException ex)
        {
            throw new InvalidDataException($"{path}: not a valid model ({ex.Message})", ex);
        }
    }

    /// <summary>Loads a model and checks that it is of one of the wanted kinds.</summary>
    public static LoadedModel Load(string path, string option, string wanted, Func<ModelKind, bool> accepts)
    {
        var model = Load(path);
        return accepts(model.Kind)
            ? model
            : throw new InvalidDataException($"{path}: holds a {model.Kind.LibraryName()} model, but {option} needs {wanted} (column ModelName, was '{model.Kind.LibraryName()}').");
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
