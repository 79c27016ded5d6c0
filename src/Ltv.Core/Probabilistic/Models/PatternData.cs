using Ltv.Core.History;

namespace Ltv.Core.Probabilistic.Models;

/// <summary>
/// The fit-time index of <see cref="RfmPatterns"/> (not a summary type of its own): the patterns copied into arrays once per fit, with the distinct frequencies, ages and recencies indexed (terms that depend on one of them only are computed once per distinct value).
/// </summary>
internal sealed class PatternData
{
    public PatternData(RfmPatterns patterns)
    {
        X = patterns.Frequency.ToArray();
        Recency = patterns.Recency.ToArray();
        Age = patterns.Age.ToArray();
        Weight = patterns.Weight.ToArray();
        (DistinctFrequencies, FrequencyIndex) = Index(X);
        (DistinctAges, AgeIndex) = Index(Age);
        (DistinctRecencies, RecencyIndex) = Index(Recency);
        CustomerCount = patterns.CustomerCount;
    }

    public double[] DistinctAges { get; }

    public int[] AgeIndex { get; }

    public double[] DistinctRecencies { get; }

    public int[] RecencyIndex { get; }

    public double[] X { get; }

    public double[] Recency { get; }

    public double[] Age { get; }

    public double[] Weight { get; }

    public int[] FrequencyIndex { get; }

    public double[] DistinctFrequencies { get; }

    public double CustomerCount { get; }

    public int Count => X.Length;

    private static (double[] Values, int[] Index) Index(double[] column)
    {
        var map = new Dictionary<double, int>();
        var values = new List<double>();
        var index = new int[column.Length];
        for (var i = 0; i < column.Length; i++)
        {
            if (!map.TryGetValue(column[i], out var k))
            {
                k = values.Count;
                map.Add(column[i], k);
                values.Add(column[i]);
            }

            index[i] = k;
        }

        return ([.. values], index);
    }
}
