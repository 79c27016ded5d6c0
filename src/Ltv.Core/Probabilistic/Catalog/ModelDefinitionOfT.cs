using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

using Ltv.Core.Domain;
using Ltv.Core.History;
using Ltv.Core.Probabilistic.Fitting;
using Ltv.Core.Validation;

namespace Ltv.Core.Probabilistic.Catalog;

/// <summary>
/// The base of a model declaration for a model type: implement the typed members (build, parameter values, fit,
/// predict, JSON metadata) and JSON round-trip, parameter checks and the <see cref="FittedModel"/> view come from here.
/// </summary>
/// <typeparam name="TModel">The model type, an immutable record whose constructor takes the parameters (as named in <see cref="ModelDefinition.ParameterNames"/>).</typeparam>
/// <remarks>
/// A model JSON holds each parameter twice: in <c>Model</c> (the object the constructor reads, e.g. <c>Model.R</c>)
/// and in the <c>Parameters</c> list with its standard error. <see cref="Read"/> refuses a file whose two copies
/// disagree (an edit of one copy would otherwise be ignored), naming both fields and values.
/// </remarks>
public abstract class ModelDefinition<TModel> : ModelDefinition
    where TModel : class
{
    private readonly JsonTypeInfo<FitResult<TModel>>? _jsonTypeInfo;
    private readonly Func<TModel, IReadOnlyList<double>>? _values;
    private readonly Func<IReadOnlyList<double>, TimeUnit, TModel>? _build;

    /// <summary>For a declaration that overrides every member itself.</summary>
    protected ModelDefinition()
    {
    }

    /// <summary>For a declaration that states its names, columns, JSON metadata and parameter mapping once, here.</summary>
    /// <param name="key">The <see cref="ModelDefinition.Key"/>.</param>
    /// <param name="name">The <see cref="ModelDefinition.Name"/>.</param>
    /// <param name="description">The <see cref="ModelDefinition.Description"/>.</param>
    /// <param name="parameterNames">The <see cref="ModelDefinition.ParameterNames"/>.</param>
    /// <param name="inputColumns">The <see cref="ModelDefinition.InputColumns"/>.</param>
    /// <param name="predictionColumns">The <see cref="ModelDefinition.PredictionColumns"/>.</param>
    /// <param name="predictionNeedsHorizon">The <see cref="ModelDefinition.PredictionNeedsHorizon"/>.</param>
    /// <param name="hasTimeUnit">The <see cref="ModelDefinition.HasTimeUnit"/>.</param>
    /// <param name="jsonTypeInfo">The <see cref="JsonTypeInfo"/>.</param>
    /// <param name="values">What <see cref="Values"/> returns for a (non-null) model.</param>
    /// <param name="build">What <see cref="Build"/> does (the count of values is already checked).</param>
    /// <exception cref="ArgumentException">A text or a list is empty.</exception>
    protected ModelDefinition(
        string key,
        string name,
        string description,
        IReadOnlyList<string> parameterNames,
        IReadOnlyList<string> inputColumns,
        IReadOnlyList<string> predictionColumns,
        bool predictionNeedsHorizon,
        bool hasTimeUnit,
        JsonTypeInfo<FitResult<TModel>> jsonTypeInfo,
        Func<TModel, IReadOnlyList<double>> values,
        Func<IReadOnlyList<double>, TimeUnit, TModel> build)
        : base(key, name, description, parameterNames, inputColumns, predictionColumns, predictionNeedsHorizon, hasTimeUnit)
    {
        ArgumentNullException.ThrowIfNull(jsonTypeInfo);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(build);
        _jsonTypeInfo = jsonTypeInfo;
        _values = values;
        _build = build;
    }

    /// <summary>The source-generated JSON metadata of <see cref="FitResult{TModel}"/> (AOT safe).</summary>
    protected virtual JsonTypeInfo<FitResult<TModel>> JsonTypeInfo => _jsonTypeInfo ?? throw Undeclared(nameof(JsonTypeInfo));

    /// <summary>The parameter values of a model, in <see cref="ModelDefinition.ParameterNames"/> order.</summary>
    /// <param name="model">The model.</param>
    /// <returns>The values.</returns>
    public virtual IReadOnlyList<double> Values(TModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return (_values ?? throw Undeclared(nameof(Values)))(model);
    }

    /// <summary>The time unit of a model, or <see langword="null"/> when the model has none.</summary>
    /// <param name="model">The model.</param>
    /// <returns>The unit.</returns>
    public abstract TimeUnit? UnitOf(TModel model);

    /// <summary>Fits the model to a summary; <paramref name="notes"/> collects sentences about the data (rows left out).</summary>
    /// <param name="summary">The customers.</param>
    /// <param name="unit">The time unit of the summary.</param>
    /// <param name="options">Fit settings.</param>
    /// <param name="progress">Progress, or <see langword="null"/>.</param>
    /// <param name="notes">Receives notes.</param>
    /// <param name="cancellationToken">Cancels the fit.</param>
    /// <returns>The fit.</returns>
    public abstract FitResult<TModel> FitTyped(CustomerSummaries summary, TimeUnit unit, FitOptions? options, IProgress<FitProgress>? progress, ICollection<string> notes, CancellationToken cancellationToken);

    /// <summary>Builds the model from values in <see cref="ModelDefinition.ParameterNames"/> order (count already checked).</summary>
    /// <param name="parameters">The values.</param>
    /// <param name="unit">The time unit.</param>
    /// <returns>The model; its constructor throws <see cref="ArgumentOutOfRangeException"/> naming a bad parameter.</returns>
    protected virtual TModel Build(IReadOnlyList<double> parameters, TimeUnit unit)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return (_build ?? throw Undeclared(nameof(Build)))(parameters, unit);
    }

    /// <summary>Fills <paramref name="destination"/> (one array per <see cref="ModelDefinition.PredictionColumns"/>) for every customer.</summary>
    /// <param name="model">The model.</param>
    /// <param name="summary">The customers.</param>
    /// <param name="horizon">The horizon, or <see langword="null"/>.</param>
    /// <param name="destination">One array of <see cref="CustomerSummaries.Count"/> values per prediction column.</param>
    protected abstract void Predict(TModel model, CustomerSummaries summary, double? horizon, double[][] destination);

    /// <inheritdoc />
    public sealed override FittedModel Fit(CustomerSummaries summary, TimeUnit unit, FitOptions? options = null, IProgress<FitProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(summary);
        if (HasTimeUnit && summary.Unit is { } own && own != unit)
        {
            throw new UnitMismatchException(own, unit, $"the {Name} fit of {summary.Source}");
        }

        var notes = new List<string>();
        var fit = FitTyped(summary, unit, options, progress, notes, cancellationToken);
        return new Fitted(this, fit.Model, fit, notes);
    }

    /// <inheritdoc />
    public sealed override FittedModel Create(IReadOnlyList<double> parameters, TimeUnit unit)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.Count != ParameterNames.Count)
        {
            throw new ArgumentException($"{Name} takes {ParameterNames.Count} parameters ({string.Join(", ", ParameterNames)}) (was {parameters.Count}).", nameof(parameters));
        }

        return new Fitted(this, Build(parameters, unit), null, []);
    }

    /// <summary>Wraps a fit in the common view.</summary>
    /// <param name="fit">The fit.</param>
    /// <returns>The view.</returns>
    public FittedModel Wrap(FitResult<TModel> fit)
    {
        ArgumentNullException.ThrowIfNull(fit);
        return new Fitted(this, fit.Model, fit, []);
    }

    /// <inheritdoc />
    public sealed override FittedModel Deserialize(string json) => Wrap(Read(json));

    /// <summary>Writes a fit as indented JSON.</summary>
    /// <param name="fit">The fit.</param>
    /// <returns>The JSON.</returns>
    public string Write(FitResult<TModel> fit) => JsonSerializer.Serialize(fit, JsonTypeInfo);

    /// <summary>Reads a fit, refusing a parameter outside the computable range and disagreeing copies of a parameter.</summary>
    /// <param name="json">The JSON.</param>
    /// <returns>The fit.</returns>
    /// <exception cref="JsonException">Malformed JSON, a missing member, another model's JSON, or <c>Parameters</c> disagreeing with <c>Model</c>; the message names the fields.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is outside the computable range; <see cref="ArgumentException.ParamName"/> is its JSON field (e.g. <c>Model.R</c>).</exception>
    public FitResult<TModel> Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        FitResult<TModel> fit;
        try
        {
            fit = JsonSerializer.Deserialize(json, JsonTypeInfo) ?? throw new JsonException("The JSON holds null instead of a fitted model.");
        }
        catch (ArgumentOutOfRangeException ex) when (ex.ParamName is { Length: > 0 } name && ParameterNames.Contains(name))
        {
            var field = Field(name);
            throw new ArgumentOutOfRangeException(field, $"{field}: {ex.Message.Replace($" (Parameter '{name}')", string.Empty, StringComparison.Ordinal)}");
        }

        if (fit.ModelName != Name)
        {
            throw new JsonException($"ModelName must be '{Name}' for this model (was '{fit.ModelName}').");
        }

        var values = Values(fit.Model);
        if (fit.Parameters.Count != values.Count)
        {
            throw new JsonException($"Parameters must list the {values.Count} parameters {string.Join(", ", ParameterNames)} (has {fit.Parameters.Count}).");
        }

        for (var i = 0; i < values.Count; i++)
        {
            var listed = fit.Parameters[i];
            if (listed.Name != ParameterNames[i])
            {
                throw new JsonException($"Parameters[{i}].Name must be '{ParameterNames[i]}' (was '{listed.Name}').");
            }

            if (listed.Value != values[i])
            {
                throw new JsonException(string.Create(CultureInfo.InvariantCulture, $"Parameters[{i}].Value ({listed.Name}) is {Guard.Show(listed.Value)} but {Field(ParameterNames[i])} is {Guard.Show(values[i])}: the two copies of a parameter must agree (edit both, or refit)."));
            }
        }

        return fit;
    }

    /// <summary>The JSON field of a parameter in <c>Model</c>: its name with a capital first letter.</summary>
    /// <param name="parameter">The parameter name.</param>
    /// <returns>For example <c>Model.Alpha</c>.</returns>
    protected static string Field(string parameter) =>
        string.IsNullOrEmpty(parameter) ? "Model" : $"Model.{char.ToUpperInvariant(parameter[0])}{parameter[1..]}";

    private sealed class Fitted(ModelDefinition<TModel> definition, TModel model, FitResult<TModel>? fit, IReadOnlyList<string> notes) : FittedModel
    {
        public override ModelDefinition Definition => definition;

        public override object Model => model;

        public override TimeUnit? Unit => definition.UnitOf(model);

        public override IReadOnlyList<double> ParameterValues => definition.Values(model);

        public override bool IsFitted => fit is not null;

        public override FitExitReason? ExitReason => fit?.ExitReason;

        public override string? Reason => fit?.Reason;

        public override IReadOnlyList<string> Notes => notes;

        public override string Summary() => fit?.Summary() ?? string.Empty;

        public override string ToJson() => fit is null
            ? throw new InvalidOperationException($"The {definition.Name} model was built from parameters, not fitted; only fits are written as JSON.")
            : definition.Write(fit);

        public override PredictionTable Predict(CustomerSummaries summary, double? horizon)
        {
            ArgumentNullException.ThrowIfNull(summary);
            if (definition.PredictionNeedsHorizon && horizon is null)
            {
                throw new ArgumentException($"The {definition.Name} model needs the horizon of the prediction.", nameof(horizon));
            }

            if (!definition.PredictionNeedsHorizon && horizon is not null)
            {
                throw new ArgumentException($"The {definition.Name} model takes no horizon.", nameof(horizon));
            }

            if (Unit is { } unit && summary.Unit is { } own && own != unit)
            {
                throw new UnitMismatchException(own, unit, $"the {definition.Name} predictions for {summary.Source}");
            }

            var destination = definition.PredictionColumns.Select(_ => new double[summary.Count]).ToArray();
            definition.Predict(model, summary, horizon, destination);
            return new PredictionTable(definition.PredictionColumns, destination);
        }
    }
}
