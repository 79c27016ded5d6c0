namespace Ltv.Core.Domain;

/// <summary>
/// Thrown when two amounts in different currencies meet in one calculation. Ltv.Core never converts
/// currencies implicitly: convert with your own exchange rates first.
/// </summary>
public sealed class CurrencyMismatchException : InvalidOperationException
{
    /// <summary>Creates the exception for an operation that met two currencies.</summary>
    /// <param name="expected">The currency the calculation is in.</param>
    /// <param name="actual">The other currency that was offered.</param>
    /// <param name="operation">What was being done, shown in the message (for example "addition" or "CAC").</param>
    public CurrencyMismatchException(Currency expected, Currency actual, string operation)
        : base($"Currencies differ in {operation}: {expected.Code} and {actual.Code}. Ltv.Core never converts currencies implicitly; convert the amounts first.")
    {
        Expected = expected;
        Actual = actual;
    }

    /// <summary>The currency the calculation is in.</summary>
    public Currency Expected { get; }

    /// <summary>The other currency.</summary>
    public Currency Actual { get; }

    /// <summary>Throws when the two currencies differ.</summary>
    /// <param name="expected">The currency the calculation is in.</param>
    /// <param name="actual">The currency offered.</param>
    /// <param name="operation">What was being done.</param>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static void ThrowIfDifferent(Currency expected, Currency actual, string operation)
    {
        if (!expected.Equals(actual))
        {
            throw new CurrencyMismatchException(expected, actual, operation);
        }
    }
}
