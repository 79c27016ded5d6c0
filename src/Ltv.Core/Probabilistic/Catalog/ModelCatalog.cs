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

        return Load(File.ReadAllText(path), path);
    }

    /// <summary>Reads a model JSON text read from <paramref name="source"/> (standard input, say); failures are as for <see cref="Load(string)"/>.</summary>
    /// <param name="json">The JSON.</param>
    /// <param name="source">How messages name where the JSON came from.</param>
    /// <returns>The fit.</returns>
    /// <exception cref="InvalidDataException">The text is not a valid model JSON; the message names the source and the field, or one 1-based line and column.</exception>
    public FittedModel Load(string json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(source);
        try
        {
            return Deserialize(json);
        }
        catch (JsonException ex) when (ex.LineNumber is null && ex.InnerException is null)
        {
            throw new InvalidDataException($"{source}: {ex.Message}", ex);
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line
                ? string.Create(CultureInfo.InvariantCulture, $", line {line + 1}, column {(ex.BytePositionInLine ?? 0) + 1}")
                : string.Empty;
            throw new InvalidDataException($"{source}{where}: not a model JSON written by 'ltv fit' ({WithoutPosition(ex.Message)})", ex);
        }
        catch (ArgumentException ex) when (FieldMessage(ex) is { } field)
        {
            throw new InvalidDataException($"{source}: {field}", ex);
        }
        catch (ArgumentException ex)
        {
            throw new InvalidDataException($"{source}: not a valid model ({OneMessage(ex)})", ex);
        }
    }

    /// <summary>"field Model.R must be ... (was '-0.5')." for a parameter refused under its JSON field, else null.</summary>
    private static string? FieldMessage(ArgumentException ex)
    {
        if (ex.ParamName is not { } field || !field.StartsWith("Model.", StringComparison.Ordinal))
        {
            return null;
        }

        var text = OneMessage(ex);
        text = text.StartsWith(field + ": ", StringComparison.Ordinal) ? text[(field.Length + 2)..] : text;
        var parameter = field["Model.".Length..];
        if (text.StartsWith(parameter + " ", StringComparison.OrdinalIgnoreCase))
        {
            text = text[(parameter.Length + 1)..];
        }

        return $"field {field} {text.TrimEnd('.')}.";
    }

    /// <summary>System.Text.Json appends its own 0-based position; the message gives the 1-based one once, before.</summary>
    private static string WithoutPosition(string message)
    {
        var at = message.IndexOf(" Path: ", StringComparison.Ordinal);
        at = at >= 0 ? at : message.IndexOf(" LineNumber: ", StringComparison.Ordinal);
        return (at >= 0 ? message[..at] : message).TrimEnd('.', ' ');
    }

    private static string Or(string[] names) => names.Length <= 1 ? string.Join(string.Empty, names) : $"{string.Join(", ", names[..^1])} or {names[^1]}";

    private static string OneMessage(ArgumentException ex) =>
        ex.ParamName is { Length: > 0 } name ? ex.Message.Replace($" (Parameter '{name}')", string.Empty, StringComparison.Ordinal) : ex.Message;
}
