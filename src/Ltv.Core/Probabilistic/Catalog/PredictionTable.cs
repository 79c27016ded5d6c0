using Ltv.Core.Validation;

namespace Ltv.Core.Probabilistic.Catalog;

/// <summary>Predictions per customer: named columns of finite values (never NaN; checked at construction).</summary>
public sealed class PredictionTable
{
    private readonly double[][] _values;

    /// <summary>Creates the table.</summary>
    /// <param name="columns">The column names.</param>
    /// <param name="values">One array per column, all of the same length.</param>
    /// <exception cref="ArgumentException">The counts or lengths differ.</exception>
    /// <exception cref="ArithmeticException">A value is not finite; the message names the column and the row.</exception>
    public PredictionTable(IReadOnlyList<string> columns, IReadOnlyList<double[]> values)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(values);
        if (columns.Count != values.Count || values.Any(v => v.Length != values[0].Length))
        {
            throw new ArgumentException($"values must hold one array per column ({columns.Count}), all of one length.", nameof(values));
        }

        for (var c = 0; c < values.Count; c++)
        {
            for (var i = 0; i < values[c].Length; i++)
            {
                if (!double.IsFinite(values[c][i]))
                {
                    throw new ArithmeticException($"The prediction {columns[c]} of row {i + 1} is not finite (was '{Guard.Show(values[c][i])}').");
                }
            }
        }

        Columns = [.. columns];
        _values = [.. values.Select(v => (double[])v.Clone())];
    }

    /// <summary>The column names.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>The number of rows.</summary>
    public int Count => _values.Length == 0 ? 0 : _values[0].Length;

    /// <summary>One column's values.</summary>
    /// <param name="column">The 0-based column.</param>
    /// <returns>The values.</returns>
    public ReadOnlySpan<double> Values(int column) => _values[column];
}
