namespace Ltv.Core.Domain;

/// <summary>
/// An amount of money per <see cref="TimeUnit"/>: revenue per month, cost to serve per year.
/// Multiplying by a <see cref="Duration"/> gives <see cref="Money"/>, converting units only where exact.
/// </summary>
/// <param name="Amount">The amount per unit of time (any sign).</param>
/// <param name="Per">The unit of time.</param>
public readonly record struct MoneyRate(Money Amount, TimeUnit Per)
{
    /// <summary>The same rate per another unit, exactly (1,200 a year is 100 a month).</summary>
    /// <param name="unit">The target unit.</param>
    /// <returns>The converted rate.</returns>
    /// <exception cref="UnitMismatchException">No exact conversion exists.</exception>
    public MoneyRate In(TimeUnit unit) =>
        new(new Money(TimeUnits.Convert(Amount.Amount, unit, Per, "a money-rate conversion"), Amount.Currency), unit);

    /// <summary>Total over a duration.</summary>
    /// <param name="duration">The duration.</param>
    /// <returns>Amount x duration in this rate's unit.</returns>
    /// <exception cref="UnitMismatchException">No exact conversion exists between the units.</exception>
    public Money Over(Duration duration) =>
        new(TimeUnits.Convert(Amount.Amount * duration.Value, duration.Unit, Per, "money rate x duration"), Amount.Currency); // multiply first, divide last

    /// <summary>Total over a duration; same as <see cref="Over(Duration)"/>.</summary>
    /// <param name="rate">The rate.</param>
    /// <param name="duration">The duration.</param>
    /// <returns>The total.</returns>
    /// <exception cref="UnitMismatchException">No exact conversion exists between the units.</exception>
    public static Money operator *(MoneyRate rate, Duration duration) => rate.Over(duration);

    /// <summary>Text such as <c>400.00 NOK per month</c>.</summary>
    /// <returns>The display text.</returns>
    public override string ToString() => $"{Amount} per {TimeUnits.Name(Per)}";
}
