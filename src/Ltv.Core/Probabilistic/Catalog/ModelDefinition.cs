using Ltv.Core.Domain;
using Ltv.Core.History;
using Ltv.Core.Probabilistic.Fitting;

namespace Ltv.Core.Probabilistic.Catalog;

/// <summary>
/// A model kind declared once: its names, parameters, the summary columns it reads, how it is fitted, built from
/// parameters, written to and read from JSON, and what it predicts. The <c>ltv</c> commands, their help and
/// <see cref="ModelCatalog.Load(string)"/> work from these declarations only.
/// </summary>
/// <remarks>
/// Derive from <see cref="ModelDefinition{TModel}"/> (or <see cref="CountModelDefinition{TModel}"/> for a
/// purchase-count model) and add the instance to a <see cref="ModelCatalog"/>; see docs/probabilistic.md,
/// "Adding a model". Implementations are immutable and thread safe.
/// </remarks>
public abstract class ModelDefinition
{
    private readonly string? _key;
    private readonly string? _name;
    private readonly string? _description;
    private readonly IReadOnlyList<string>? _parameterNames;
    private readonly IReadOnlyList<string>? _inputColumns;
    private readonly IReadOnlyList<string>? _predictionColumns;
    private readonly bool? _predictionNeedsHorizon;
    private readonly bool? _hasTimeUnit;

    /// <summary>For a declaration that overrides every descriptive member itself.</summary>
    protected ModelDefinition()
    {
    }

    /// <summary>For a declaration that states its descriptive members once, here.</summary>
    /// <param name="key">The <see cref="Key"/>.</param>
    /// <param name="name">The <see cref="Name"/>.</param>
    /// <param name="description">The <see cref="Description"/>.</param>
    /// <param name="parameterNames">The <see cref="ParameterNames"/>.</param>
    /// <param name="inputColumns">The <see cref="InputColumns"/>.</param>
    /// <param name="predictionColumns">The <see cref="PredictionColumns"/>.</param>
    /// <param name="predictionNeedsHorizon">The <see cref="PredictionNeedsHorizon"/>.</param>
    /// <param name="hasTimeUnit">The <see cref="HasTimeUnit"/>.</param>
    /// <exception cref="ArgumentException">A text or a list is empty.</exception>
    protected ModelDefinition(string key, string name, string description, IReadOnlyList<string> parameterNames, IReadOnlyList<string> inputColumns, IReadOnlyList<string> predictionColumns, bool predictionNeedsHorizon, bool hasTimeUnit)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(description);
        _key = key;
        _name = name;
        _description = description;
        _parameterNames = NotEmpty(parameterNames, nameof(parameterNames));
        _inputColumns = NotEmpty(inputColumns, nameof(inputColumns));
        _predictionColumns = NotEmpty(predictionColumns, nameof(predictionColumns));
        _predictionNeedsHorizon = predictionNeedsHorizon;
        _hasTimeUnit = hasTimeUnit;
    }

    /// <summary>The command-line name (lower case, no spaces), e.g. <c>bgnbd</c>.</summary>
    public virtual string Key => _key ?? throw Undeclared(nameof(Key));

    /// <summary>The model's name as written in the JSON's <c>ModelName</c>, e.g. <c>BG/NBD</c>.</summary>
    public virtual string Name => _name ?? throw Undeclared(nameof(Name));

    /// <summary>One line for help texts.</summary>
    public virtual string Description => _description ?? throw Undeclared(nameof(Description));

    /// <summary>The parameters in the model's order, named as in the literature (and as <c>--param</c> takes them).</summary>
    public virtual IReadOnlyList<string> ParameterNames => _parameterNames ?? throw Undeclared(nameof(ParameterNames));

    /// <summary>The numeric summary columns the model fits on and predicts from (besides <c>customer_id</c>).</summary>
    public virtual IReadOnlyList<string> InputColumns => _inputColumns ?? throw Undeclared(nameof(InputColumns));

    /// <summary>The columns <see cref="FittedModel.Predict"/> returns, in order.</summary>
    public virtual IReadOnlyList<string> PredictionColumns => _predictionColumns ?? throw Undeclared(nameof(PredictionColumns));

    /// <summary>Whether predictions need a horizon (in the model's time unit).</summary>
    public virtual bool PredictionNeedsHorizon => _predictionNeedsHorizon ?? throw Undeclared(nameof(PredictionNeedsHorizon));

    /// <summary>Whether the model's parameters are in a time unit (a spend model's are not).</summary>
    public virtual bool HasTimeUnit => _hasTimeUnit ?? throw Undeclared(nameof(HasTimeUnit));

    /// <summary>Fits the model to a summary.</summary>
    /// <param name="summary">The customers, with <see cref="InputColumns"/>.</param>
    /// <param name="unit">The time unit of the summary's time columns (must agree with <see cref="CustomerSummaries.Unit"/> when that is known).</param>
    /// <param name="options">Fit settings, or <see langword="null"/> for <see cref="FitOptions.Default"/>.</param>
    /// <param name="progress">Receives progress, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the fit.</param>
    /// <returns>The fit, with its verdict; it may not have converged.</returns>
    /// <exception cref="InvalidDataException">The summary lacks a column or holds values the model cannot use; the message names the row.</exception>
    /// <exception cref="UnitMismatchException">The summary is in another unit than <paramref name="unit"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public abstract FittedModel Fit(CustomerSummaries summary, TimeUnit unit, FitOptions? options = null, IProgress<FitProgress>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>Builds the model from parameter values in <see cref="ParameterNames"/> order.</summary>
    /// <param name="parameters">The values.</param>
    /// <param name="unit">The time unit (ignored when <see cref="HasTimeUnit"/> is false).</param>
    /// <returns>The model, not fitted.</returns>
    /// <exception cref="ArgumentException">The number of values is wrong.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value is outside the computable range; the message and <see cref="ArgumentException.ParamName"/> name the parameter.</exception>
    public abstract FittedModel Create(IReadOnlyList<double> parameters, TimeUnit unit);

    /// <summary>Reads a fit written by <see cref="FittedModel.ToJson"/>.</summary>
    /// <param name="json">The JSON.</param>
    /// <returns>The fit.</returns>
    /// <exception cref="System.Text.Json.JsonException">The JSON is malformed, a member is missing, or its two copies of a parameter disagree.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is outside the computable range; the message names the JSON field.</exception>
    public abstract FittedModel Deserialize(string json);

    /// <summary>The <see cref="Key"/>.</summary>
    /// <returns>The key.</returns>
    public override string ToString() => Key;

    /// <summary>The error of a declaration that neither passed a member to the constructor nor overrode it.</summary>
    /// <param name="member">The member.</param>
    /// <returns>The exception to throw.</returns>
    private protected InvalidOperationException Undeclared(string member) =>
        new($"{GetType().Name} must pass {member} to the ModelDefinition constructor or override it.");

    private static IReadOnlyList<string> NotEmpty(IReadOnlyList<string> values, string name)
    {
        ArgumentNullException.ThrowIfNull(values, name);
        return values.Count > 0 ? [.. values] : throw new ArgumentException($"{name} must name at least one entry (was empty).", name);
    }
}
