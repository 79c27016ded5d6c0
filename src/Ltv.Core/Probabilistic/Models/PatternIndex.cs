namespace Ltv.Core.Probabilistic.Models;

/// <summary>
/// The distinct (x, t_x, T) patterns of many customers, in order of first appearance, and each customer's pattern:
/// bulk predictions compute once per pattern and scatter, so their cost grows with patterns, not customers.
/// Every distinct pattern is checked against the model conventions (the first bad customer is the one reported).
/// </summary>
internal sealed class PatternIndex
{
    private PatternIndex(double[] x, double[] recency, double[] age, int[] customerPattern)
    {
        X = x;
        Recency = recency;
        Age = age;
        CustomerPattern = customerPattern;
    }

    /// <summary>x of each distinct pattern.</summary>
    public double[] X { get; }

    /// <summary>t_x of each distinct pattern.</summary>
    public double[] Recency { get; }

    /// <summary>T of each distinct pattern.</summary>
    public double[] Age { get; }

    /// <summary>The pattern of each customer.</summary>
    public int[] CustomerPattern { get; }

    /// <summary>The number of distinct patterns.</summary>
    public int Count => X.Length;

    /// <summary>Indexes the customers' patterns; spans already checked for length.</summary>
    public static PatternIndex Build(ReadOnlySpan<double> frequency, ReadOnlySpan<double> recency, ReadOnlySpan<double> age)
    {
        var map = new Dictionary<(double X, double Tx, double T), int>();
        var xs = new List<double>();
        var txs = new List<double>();
        var ts = new List<double>();
        var index = new int[frequency.Length];
        for (var i = 0; i < frequency.Length; i++)
        {
            var key = (frequency[i], recency[i], age[i]);
            if (!map.TryGetValue(key, out var k))
            {
                HistoryGuard.Check(key.Item1, key.Item2, key.Item3);
                k = xs.Count;
                map.Add(key, k);
                xs.Add(key.Item1);
                txs.Add(key.Item2);
                ts.Add(key.Item3);
            }

            index[i] = k;
        }

        return new PatternIndex([.. xs], [.. txs], [.. ts], index);
    }

    /// <summary>destination[i] = perPattern[pattern of customer i]; an empty destination is skipped.</summary>
    public void Scatter(ReadOnlySpan<double> perPattern, Span<double> destination)
    {
        if (destination.IsEmpty)
        {
            return;
        }

        var pattern = CustomerPattern;
        for (var i = 0; i < pattern.Length; i++)
        {
            destination[i] = perPattern[pattern[i]];
        }
    }
}
