using System.Globalization;
using Ltv.Core.Validation;

namespace Ltv.Core.Domain;

/// <summary>
/// Gross margin as a fraction of revenue, in [0, 1]: 0.3 means 30 % of revenue is contribution.
/// </summary>
/// <remarks>Negative margins (selling below cost) are outside the documented range and rejected.
/// <c>default(GrossMargin)</c> is 0.</remarks>
public readonly record struct GrossMargin
{
    /// <summary>Creates a margin.</summary>
    /// <param name="value">The fraction, 0 to 1 inclusive.</param>
    /// <exception cref="ArgumentOutOfRangeException">Outside [0, 1]; the message names grossMargin and the value.</exception>
    public GrossMargin(decimal value)
    {
        if (value < 0m || value > 1m)
        {
            throw Guard.OutOfRange("grossMargin", "in [0, 1]", Guard.Show(value));
        }

        Value = value;
    }

    /// <summary>The fraction in [0, 1].</summary>
    public decimal Value { get; }

    /// <summary>A 100 % margin (revenue is all contribution).</summary>
    public static GrossMargin Full { get; } = new(1m);

    /// <summary>Creates a margin from a percentage, 0 to 100.</summary>
    /// <param name="percent">The percentage.</param>
    /// <returns>The margin.</returns>
    public static GrossMargin FromPercent(decimal percent) => new(percent / 100m);

    /// <summary>Text such as <c>30 %</c>.</summary>
    /// <returns>The display text.</returns>
    public override string ToString() => (Value * 100m).ToString("0.####", CultureInfo.InvariantCulture) + " %";
}
