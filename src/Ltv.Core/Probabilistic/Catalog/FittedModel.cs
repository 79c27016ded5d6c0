using Ltv.Core.Domain;
using Ltv.Core.History;
using Ltv.Core.Probabilistic.Fitting;

namespace Ltv.Core.Probabilistic.Catalog;

/// <summary>A model of a <see cref="ModelDefinition"/>, fitted or built from parameters, seen through what every command needs.</summary>
public abstract class FittedModel
{
    /// <summary>The model kind.</summary>
    public abstract ModelDefinition Definition { get; }

    /// <summary>The model object (for example a <see cref="Models.BgNbdModel"/>).</summary>
    public abstract object Model { get; }

    /// <summary>The time unit of the model, or <see langword="null"/> for a model without one (a spend model).</summary>
    public abstract TimeUnit? Unit { get; }

    /// <summary>The parameter values in <see cref="ModelDefinition.ParameterNames"/> order.</summary>
    public abstract IReadOnlyList<double> ParameterValues { get; }

    /// <summary>Whether this model came from a fit (and so has a verdict, a summary and JSON).</summary>
    public abstract bool IsFitted { get; }

    /// <summary>How the fit ended, or <see langword="null"/> for a model built from parameters.</summary>
    public abstract FitExitReason? ExitReason { get; }

    /// <summary>Why the fit did not converge, in one sentence, or <see langword="null"/>.</summary>
    public abstract string? Reason { get; }

    /// <summary>Things said about the data while fitting (for example rows left out), one sentence each.</summary>
    public abstract IReadOnlyList<string> Notes { get; }

    /// <summary>The fit's readable table, or an empty string for a model built from parameters.</summary>
    /// <returns>The text.</returns>
    public abstract string Summary();

    /// <summary>The fit as JSON.</summary>
    /// <returns>Indented JSON.</returns>
    /// <exception cref="InvalidOperationException">The model was built from parameters, not fitted.</exception>
    public abstract string ToJson();

    /// <summary>Predicts <see cref="ModelDefinition.PredictionColumns"/> for every customer of a summary.</summary>
    /// <param name="summary">The customers, with the definition's <see cref="ModelDefinition.InputColumns"/>.</param>
    /// <param name="horizon">The horizon in <see cref="Unit"/> when <see cref="ModelDefinition.PredictionNeedsHorizon"/>, else <see langword="null"/>.</param>
    /// <returns>One finite value per customer and column.</returns>
    /// <exception cref="ArgumentException">The horizon is missing or given when not taken.</exception>
    /// <exception cref="InvalidDataException">A row cannot be predicted; the message names it.</exception>
    /// <exception cref="UnitMismatchException">The summary records another unit than the model's.</exception>
    public abstract PredictionTable Predict(CustomerSummaries summary, double? horizon);
}
