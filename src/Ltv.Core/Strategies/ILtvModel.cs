using Ltv.Core.Domain;

namespace Ltv.Core.Strategies;

/// <summary>
/// A way of valuing a customer or a segment from its <see cref="ValueDrivers"/>. Every API that
/// takes a model (segments, the bulk engine, unit economics) takes this interface, so strategies are
/// interchangeable: <see cref="SimpleLtvModel"/>, <see cref="ChurnLtvModel"/>,
/// <see cref="DiscountedLtvModel"/>, <see cref="MarginLtvModel"/>, or your own.
/// </summary>
/// <remarks>Implementations are immutable and thread safe: one instance may value many segments in parallel.</remarks>
public interface ILtvModel
{
    /// <summary>A short, stable name shown in results ("simple", "churn", "discounted", "margin").</summary>
    string Name { get; }

    /// <summary>Values one customer or segment.</summary>
    /// <param name="drivers">The measured drivers.</param>
    /// <returns>The value with the formula and the inputs it used.</returns>
    /// <exception cref="MissingInputException">A driver the model needs is missing.</exception>
    /// <exception cref="UnitMismatchException">Drivers are in time units with no exact conversion.</exception>
    LtvEstimate Estimate(ValueDrivers drivers);
}
