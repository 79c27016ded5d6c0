namespace Ltv.Core.Strategies;

/// <summary>
/// Thrown when a strategy is given two value drivers that say different things about one quantity, so that
/// using either would silently drop the other: a <see cref="Domain.ValueDrivers.Lifespan"/> that is not
/// 1 / <see cref="Domain.ValueDrivers.Churn"/>.
/// </summary>
public sealed class ConflictingInputException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="model">The model that was given the inputs.</param>
    /// <param name="input">The first driver, for example "Lifespan".</param>
    /// <param name="other">The driver it contradicts, for example "Churn".</param>
    /// <param name="detail">Both values and how they disagree, and what to give instead.</param>
    public ConflictingInputException(string model, string input, string other, string detail)
        : base($"The {model} model was given both {input} and {other}: {detail}", input)
    {
        Model = model;
        Input = input;
        Other = other;
    }

    /// <summary>The model's name.</summary>
    public string Model { get; }

    /// <summary>The first driver's name.</summary>
    public string Input { get; }

    /// <summary>The name of the driver it contradicts.</summary>
    public string Other { get; }
}
