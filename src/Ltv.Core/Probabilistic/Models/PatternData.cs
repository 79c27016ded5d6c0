using Ltv.Core.History;

namespace Ltv.Core.Probabilistic.Models;

/// <summary>Patterns copied into arrays once per fit, with the distinct frequencies indexed (terms that depend on x only are computed once per distinct x).</summary>
internal sealed class PatternData
{
    public PatternData(RfmPatterns patterns)
    {
        var n = patterns.Count;
        X = patterns.Frequency.ToArray();
        Recency = patterns.Recency.ToArray();
        Age = patterns.Age.ToArray();
        Weight = patterns.Weight.ToArray();
        FrequencyIndex = new int[n];
        var distinct = new Dictionary<double, int>();
        var values = new List<double>();
        for (var i = 0; i < n; i++)
        {
            if (!distinct.TryGetValue(X[i], out var k))
            {
                k = values.Count;
                distinct.Add(X[i], k);
                values.Add(X[i]);
            }

            FrequencyIndex[i] = k;
        }

        DistinctFrequencies = [.. values];
        CustomerCount = patterns.CustomerCount;
    }

    public double[] X { get; }

    public double[] Recency { get; }

    public double[] Age { get; }

    public double[] Weight { get; }

    public int[] FrequencyIndex { get; }

    public double[] DistinctFrequencies { get; }

    public double CustomerCount { get; }

    public int Count => X.Length;
}
