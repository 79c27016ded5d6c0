namespace Ltv.Core.Domain;

/// <summary>
/// Thrown when seasonal weights are invalid: a weight is negative, there are none, or they do not sum
/// to the number of periods in the cycle (12 monthly weights must sum to 12 so the annual total is kept).
/// </summary>
public sealed class SeasonalWeightsException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="field">The offending field, for example <c>weights</c> or <c>weights[3]</c>.</param>
    /// <param name="rule">What the field must be.</param>
    /// <param name="shownValue">The offending value as text.</param>
    public SeasonalWeightsException(string field, string rule, string shownValue)
        : base($"{field} must be {rule} (was '{shownValue}').", field)
    {
        Field = field;
        ShownValue = shownValue;
    }

    /// <summary>The offending field.</summary>
    public string Field { get; }

    /// <summary>The offending value as text.</summary>
    public string ShownValue { get; }
}
