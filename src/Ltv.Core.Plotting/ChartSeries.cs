namespace Ltv.Core.Plotting;

/// <summary>One named series of values for a chart with several (for example each model's expected histogram).</summary>
public sealed record ChartSeries
{
    /// <summary>Creates a series.</summary>
    /// <param name="name">The legend text, not blank.</param>
    /// <param name="values">The values, finite.</param>
    /// <exception cref="ArgumentException">The name is blank or a value is not finite; the message names it.</exception>
    public ChartSeries(string name, IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException("name must not be blank (it is the legend text).", nameof(name));
        }

        for (var i = 0; i < values.Count; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new ArgumentException($"values[{i}] of series '{name}' must be finite (was {values[i]}).", nameof(values));
            }
        }

        Name = name;
        Values = values;
    }

    /// <summary>The legend text.</summary>
    public string Name { get; }

    /// <summary>The values.</summary>
    public IReadOnlyList<double> Values { get; }
}
