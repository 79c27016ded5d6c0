using System.Globalization;
using System.Text.Json;

using Ltv.Core.Probabilistic.Models;

namespace Ltv.Core.Probabilistic.Catalog;

/// <summary>
/// The model kinds a program knows, by <see cref="ModelDefinition.Key"/> and <see cref="ModelDefinition.Name"/>:
/// the one place a model is registered (explicitly, no reflection: AOT safe). <see cref="BuiltIn"/> holds the
/// library's models; <see cref="With"/> adds another.
/// </summary>
public sealed class ModelCatalog
{
    private readonly ModelDefinition[] _definitions;

    /// <summary>Creates a catalog.</summary>
    /// <param name="definitions">The model kinds; keys and names must be unique.</param>
    /// <exception cref="ArgumentException">A key or a name is repeated, or a key is not lower-case letters, digits and dashes.</exception>
    public ModelCatalog(IEnumerable<ModelDefinition> definitions)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        _definitions = [.. definitions];
        foreach (var d in _definitions)
        {
            ArgumentNullException.ThrowIfNull(d, nameof(definitions));
            if (d.Key.Length == 0 || !d.Key.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
            {
                throw new ArgumentException($"definitions: the key of {d.Name} must be lower-case letters, digits and dashes (was '{d.Key}').", nameof(definitions));
            }

            if (_definitions.Count(o => o.Key == d.Key) > 1 || _definitions.Count(o => o.Name == d.Name) > 1)
            {
                throw new ArgumentException($"definitions: the key '{d.Key}' or the name '{d.Name}' is registered twice.", nameof(definitions));
            }
        }
    }

    /// <summary>The library's models: BG/NBD, MBG/NBD, Pareto/NBD, Gamma-Gamma, BG/BB and sBG.</summary>
    public static ModelCatalog BuiltIn { get; } = new(
    [
        BgNbdDefinition.Instance,
        MbgNbdDefinition.Instance,
        ParetoNbdDefinition.Instance,
        GammaGammaDefinition.Instance,
        BgBbDefinition.Instance,
        Contractual.SbgDefinition.Instance,
    ]);

    /// <summary>The model kinds, in registration order.</summary>
    public IReadOnlyList<ModelDefinition> Definitions => _definitions;

    /// <summary>The keys, in registration order (the command-line names).</summary>
    public IReadOnlyList<string> Keys => [.. _definitions.Select(d => d.Key)];

    /// <summary>This catalog and one more model kind.</summary>
    /// <param name="definition">The new kind.</param>
    /// <returns>A new catalog.</returns>
    /// <exception cref="ArgumentException">Its key or name is taken.</exception>
    public ModelCatalog With(ModelDefinition definition) => new([.. _definitions, definition]);

    /// <summary>Finds a kind by its key.</summary>
    /// <param name="key">The key, e.g. <c>bgnbd</c>.</param>
    /// <param name="definition">The kind, when found.</param>
    /// <returns>Whether it was found.</returns>
    public bool TryFind(string? key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ModelDefinition? definition)
    {
        definition = _definitions.FirstOrDefault(d => d.Key == key);
        return definition is not null;
    }

    /// <summary>Finds a kind by the name a model JSON writes in <c>ModelName</c>.</summary>
    /// <param name="name">The name, e.g. <c>BG/NBD</c>.</param>
    /// <param name="definition">The kind, when found.</param>
    /// <returns>Whether it was found.</returns>
    public bool TryFindByName(string? name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ModelDefinition? definition)
    {
        definition = _definitions.FirstOrDefault(d => d.Name == name);
        return definition is not null;
    }

    /// <summary>Reads a model JSON of any registered kind, chosen by its <c>ModelName</c>.</summary>
    /// <param name="json">The JSON.</param>
    /// <returns>The fit.</returns>
    /// <exception cref="JsonException">Malformed JSON, an unknown <c>ModelName</c>, or disagreeing copies of a parameter.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is outside the computable range; the message names the JSON field.</exception>
    public FittedModel Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        string? name = null;
        using (var document = JsonDocument.Parse(json))
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("ModelName", out var element) && element.ValueKind == JsonValueKind.String)
            {
                name = element.GetString();
            }
        }

        return TryFindByName(name, out var definition)
            ? definition.Deserialize(json)
            : throw new JsonException($"'ModelName' must be {Or(_definitions.Select(d => d.Name).ToArray())} (was '{name ?? "missing"}').");
    }

    /// <summary>Reads a model JSON file; every failure is an <see cref="InvalidDataException"/> naming the file (and line and column for JSON syntax) or a <see cref="FileNotFoundException"/>.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The fit.</returns>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="InvalidDataException">The file is not a valid model JSON; the message names the file and the field.</exception>
    public FittedModel Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: no such file.", path);
        }

        var json = File.ReadAllText(path);
        try
        {
            return Deserialize(json);
        }
        catch (JsonException ex) when (ex.LineNumber is null && ex.InnerException is null)
        {
            throw new InvalidDataException($"{path}: {ex.Message}", ex);
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
            throw new InvalidDataException($"{path}: not a valid model ({OneMessage(ex)})", ex);
        }
    }

    private static string Or(string[] names) => names.Length <= 1 ? string.Join(string.Empty, names) : $"{string.Join(", ", names[..^1])} or {names[^1]}";

    private static string OneMessage(ArgumentException ex) =>
        ex.ParamName is { Length: > 0 } name ? ex.Message.Replace($" (Parameter '{name}')", string.Empty, StringComparison.Ordinal) : ex.Message;
}
