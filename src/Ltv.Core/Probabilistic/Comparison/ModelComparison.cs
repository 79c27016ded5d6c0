using System.Globalization;
using System.Text;
using Ltv.Core.Validation;

namespace Ltv.Core.Probabilistic.Comparison;

/// <summary>
/// One comparison table for models fitted on the same customers: log-likelihood, parameters, AIC, BIC and
/// their distance to the best, ranked by AIC, with the nesting verdict (and, for nested pairs, the
/// likelihood-ratio test) of every pair.
/// </summary>
/// <remarks>
/// AIC = 2k - 2 LL and BIC = k ln n - 2 LL (n = customers), as CLVTools and lifetimes' users compute them;
/// smaller is better. A ΔAIC above about 2 is usually read as real support for the better model. The
/// library's BG/NBD, MBG/NBD and Pareto/NBD are not nested in one another, so their pairs get no
/// likelihood-ratio test (<see cref="ModelNesting"/> says why); pass <see cref="LikelihoodRatioTest"/>s you
/// know to be valid with <see cref="Compare(IEnumerable{ModelFit}, IEnumerable{LikelihoodRatioTest})"/>.
/// </remarks>
public sealed class ModelComparison
{
    private ModelComparison(IReadOnlyList<ModelComparisonRow> rows, IReadOnlyList<ModelNesting> pairs, IReadOnlyList<LikelihoodRatioTest> tests)
    {
        Rows = rows;
        Pairs = pairs;
        Tests = tests;
    }

    /// <summary>The rows, best AIC first (ties by name).</summary>
    public IReadOnlyList<ModelComparisonRow> Rows { get; }

    /// <summary>The nesting verdict of every pair of models, in input order.</summary>
    public IReadOnlyList<ModelNesting> Pairs { get; }

    /// <summary>Likelihood-ratio tests of nested pairs given by the caller.</summary>
    public IReadOnlyList<LikelihoodRatioTest> Tests { get; }

    /// <summary>The best model by AIC.</summary>
    public ModelComparisonRow Best => Rows[0];

    /// <summary>Compares fits of the same customers.</summary>
    /// <param name="fits">Two or more fits.</param>
    /// <returns>The comparison.</returns>
    /// <exception cref="ArgumentException">Fewer than two fits, a name twice, or fits on different numbers of customers (the message names both).</exception>
    public static ModelComparison Compare(params IEnumerable<ModelFit> fits) => Compare(fits, []);

    /// <summary>Compares fits of the same customers and adds likelihood-ratio tests of pairs known to be nested.</summary>
    /// <param name="fits">Two or more fits.</param>
    /// <param name="nestedTests">Tests from <see cref="LikelihoodRatioTest.ForNested"/>.</param>
    /// <returns>The comparison.</returns>
    /// <exception cref="ArgumentException">Fewer than two fits, a name twice, or fits on different numbers of customers.</exception>
    public static ModelComparison Compare(IEnumerable<ModelFit> fits, IEnumerable<LikelihoodRatioTest> nestedTests)
    {
        var list = Guard.NotNull(fits).ToArray();
        if (list.Length < 2)
        {
            throw new ArgumentException($"fits must hold at least two models to compare (was {list.Length.ToString(CultureInfo.InvariantCulture)}).", nameof(fits));
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var fit in list)
        {
            Guard.NotNull(fit, nameof(fits));
            if (!names.Add(fit.Name))
            {
                throw new ArgumentException($"fits must have distinct names ('{fit.Name}' appears twice).", nameof(fits));
            }

            CheckSameData(list[0], fit);
        }

        var bestAic = list.Min(f => f.Aic);
        var bestBic = list.Min(f => f.Bic);
        var ordered = list.OrderBy(f => f.Aic).ThenBy(f => f.Name, StringComparer.Ordinal).ToArray();
        var rows = ordered.Select((f, i) => new ModelComparisonRow(i + 1, f, f.Aic - bestAic, f.Bic - bestBic)).ToArray();
        var pairs = new List<ModelNesting>();
        for (var i = 0; i < list.Length; i++)
        {
            for (var j = i + 1; j < list.Length; j++)
            {
                pairs.Add(ModelNesting.Of(list[i].Name, list[j].Name));
            }
        }

        return new ModelComparison(rows, pairs, [.. Guard.NotNull(nestedTests)]);
    }

    /// <summary>The table as text: rank, model, k, LL, AIC, BIC, ΔAIC, ΔBIC; then one line per pair on nesting and the likelihood-ratio tests.</summary>
    /// <returns>The text (invariant culture).</returns>
    public string ToText()
    {
        var c = CultureInfo.InvariantCulture;
        var width = Math.Max("model".Length, Rows.Max(r => r.Name.Length));
        var text = new StringBuilder();
        text.Append(c, $"rank  {"model".PadRight(width)}  {"k",2}  {"log-lik",12}  {"AIC",12}  {"BIC",12}  {"dAIC",8}  {"dBIC",8}").AppendLine();
        foreach (var r in Rows)
        {
            text.Append(c, $"{r.Rank,4}  {r.Name.PadRight(width)}  {r.ParameterCount,2}  {r.LogLikelihood,12:F4}  {r.Aic,12:F4}  {r.Bic,12:F4}  {r.DeltaAic,8:F4}  {r.DeltaBic,8:F4}").AppendLine();
        }

        text.Append(c, $"customers n = {Rows[0].Fit.CustomerCount:0.##}; AIC = 2k - 2LL, BIC = k ln n - 2LL, smaller is better").AppendLine();
        foreach (var pair in Pairs)
        {
            text.Append(c, $"{pair.First} vs {pair.Second}: {pair.Reason}").AppendLine();
        }

        foreach (var test in Tests)
        {
            text.Append(c, $"likelihood ratio {test.Restricted.Name} within {test.Full.Name}: LR = {test.Statistic:F4}, df = {test.DegreesOfFreedom}, p = {test.PValue:G4}").AppendLine();
        }

        return text.ToString();
    }

    /// <summary>Same as <see cref="ToText"/>.</summary>
    /// <returns>The table.</returns>
    public override string ToString() => ToText();

    internal static void CheckSameData(ModelFit first, ModelFit other)
    {
        if (Math.Abs(first.CustomerCount - other.CustomerCount) > 1e-9 * first.CustomerCount)
        {
            throw new ArgumentException($"fits must be on the same customers to compare likelihoods ({first.Name} on {first.CustomerCount.ToString("R", CultureInfo.InvariantCulture)}, {other.Name} on {other.CustomerCount.ToString("R", CultureInfo.InvariantCulture)}).", "fits");
        }
    }
}
