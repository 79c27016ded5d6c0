using System.Globalization;
using System.Text;
using Ltv.Core.Domain;
using Ltv.Core.Validation;

namespace Ltv.Core.Strategies;

/// <summary>
/// The value a strategy put on a customer or a segment, with everything needed to see how it was
/// made: the model's name, its formula and the inputs and assumptions it used.
/// </summary>
/// <remarks>Equality compares the value, model, formula and every input in order.</remarks>
public sealed record LtvEstimate
{
    /// <summary>Creates an estimate.</summary>
    /// <param name="value">The lifetime value (unrounded).</param>
    /// <param name="model">The model's name.</param>
    /// <param name="formula">The formula in words or symbols.</param>
    /// <param name="inputs">The inputs and assumptions used, in the order the formula reads them.</param>
    public LtvEstimate(Money value, string model, string formula, IReadOnlyList<LtvInput> inputs)
    {
        Value = value;
        Model = model;
        Formula = formula;
        Inputs = [.. Guard.NotNull(inputs)]; // a copy: the estimate stays immutable whatever the caller does with its list
    }

    /// <summary>The lifetime value, unrounded; round with <see cref="Money.Round(MidpointRounding)"/> for display.</summary>
    public Money Value { get; }

    /// <summary>The model's name.</summary>
    public string Model { get; }

    /// <summary>The formula.</summary>
    public string Formula { get; }

    /// <summary>The inputs and assumptions used.</summary>
    public IReadOnlyList<LtvInput> Inputs { get; }

    /// <summary>Looks up an input's value text by name.</summary>
    /// <param name="name">The input's name (ordinal match).</param>
    /// <returns>The value text, or <see langword="null"/> when the model did not use that input.</returns>
    public string? Input(string name)
    {
        foreach (var input in Inputs)
        {
            if (string.Equals(input.Name, name, StringComparison.Ordinal))
            {
                return input.Value;
            }
        }

        return null;
    }

    /// <inheritdoc />
    public bool Equals(LtvEstimate? other) =>
        other is not null
        && Value.Equals(other.Value)
        && string.Equals(Model, other.Model, StringComparison.Ordinal)
        && string.Equals(Formula, other.Formula, StringComparison.Ordinal)
        && Inputs.SequenceEqual(other.Inputs);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Value, Model, Formula, Inputs.Count);

    /// <summary>A one-line summary such as <c>9,000.00 SEK (simple: APV x PF x CL; ...)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(Value.ToString()).Append(" (").Append(Model).Append(": ").Append(Formula);
        foreach (var input in Inputs)
        {
            text.Append("; ").Append(input.Name).Append(" = ").Append(input.Value);
        }

        return text.Append(')').ToString();
    }

    internal static string Show(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
