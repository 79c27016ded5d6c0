using Ltv.Core.Domain;

namespace Ltv.Core.Bulk;

/// <summary>
/// A unit conversion resolved once, outside the hot loop, that performs exactly the decimal operation
/// <see cref="TimeUnits.TryConvert(decimal, TimeUnit, TimeUnit, out decimal)"/> performs (identity,
/// x 7, / 7, x 12 or / 12), so bulk results equal the record-based ones digit for digit.
/// </summary>
internal readonly struct ExactConversion
{
    private readonly int _kind;
    private readonly decimal _factor;

    private ExactConversion(int kind, decimal factor)
    {
        _kind = kind;
        _factor = factor;
    }

    public static ExactConversion Between(TimeUnit from, TimeUnit to, string context) => (from, to) switch
    {
        _ when from == to => new(0, 1m),
        (TimeUnit.Week, TimeUnit.Day) => new(1, 7m),
        (TimeUnit.Day, TimeUnit.Week) => new(2, 7m),
        (TimeUnit.Year, TimeUnit.Month) => new(1, 12m),
        (TimeUnit.Month, TimeUnit.Year) => new(2, 12m),
        _ => throw new UnitMismatchException(from, to, context),
    };

    public decimal Apply(decimal value) => _kind switch
    {
        0 => value,
        1 => value * _factor,
        _ => value / _factor,
    };
}
