namespace Ltv.Core.Strategies;

/// <summary>Thrown when a strategy needs a value driver that was not given.</summary>
public sealed class MissingInputException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="model">The model that needed the input.</param>
    /// <param name="input">The missing driver, for example "GrossMargin".</param>
    /// <param name="hint">What to give instead, appended to the message.</param>
    public MissingInputException(string model, string input, string hint)
        : base($"The {model} model needs {input}, which was not given (was 'null'). {hint}", input)
    {
        Model = model;
        Input = input;
    }

    /// <summary>The model's name.</summary>
    public string Model { get; }

    /// <summary>The missing input's name.</summary>
    public string Input { get; }
}
