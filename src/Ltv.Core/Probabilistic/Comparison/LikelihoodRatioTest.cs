using System.Globalization;
using Ltv.Core.Validation;
using MathNet.Numerics.Distributions;

namespace Ltv.Core.Probabilistic.Comparison;

/// <summary>
/// The likelihood-ratio test of a restricted model against a fuller model that contains it as a special
/// case: statistic 2 (LL_full - LL_restricted), asymptotically chi-square with k_full - k_restricted degrees
/// of freedom. Only meaningful for nested models fitted on the same data; <see cref="ModelNesting"/> says
/// which of the library's models are.
/// </summary>
/// <param name="Restricted">The restricted model.</param>
/// <param name="Full">The fuller model.</param>
/// <param name="Statistic">2 (LL_full - LL_restricted), zero or more (a negative difference from optimiser tolerance is clipped to 0).</param>
/// <param name="DegreesOfFreedom">k_full - k_restricted.</param>
/// <param name="PValue">P(chi-square(df) &gt;= statistic).</param>
public sealed record LikelihoodRatioTest(ModelFit Restricted, ModelFit Full, double Statistic, int DegreesOfFreedom, double PValue)
{
    /// <summary>Runs the test for two fits the caller knows to be nested (for example a model and the same model with parameters fixed).</summary>
    /// <param name="restricted">The restricted fit.</param>
    /// <param name="full">The full fit, with more parameters, on the same customers.</param>
    /// <returns>The test.</returns>
    /// <exception cref="ArgumentException">The full model does not have more parameters, or the fits are on different numbers of customers.</exception>
    public static LikelihoodRatioTest ForNested(ModelFit restricted, ModelFit full)
    {
        Guard.NotNull(restricted);
        Guard.NotNull(full);
        if (full.ParameterCount <= restricted.ParameterCount)
        {
            throw new ArgumentException($"full must have more parameters than restricted ({full.Name} has {full.ParameterCount.ToString(CultureInfo.InvariantCulture)}, {restricted.Name} has {restricted.ParameterCount.ToString(CultureInfo.InvariantCulture)}).", nameof(full));
        }

        ModelComparison.CheckSameData(restricted, full);
        var statistic = Math.Max(0, 2 * (full.LogLikelihood - restricted.LogLikelihood));
        var df = full.ParameterCount - restricted.ParameterCount;
        return new LikelihoodRatioTest(restricted, full, statistic, df, 1 - ChiSquared.CDF(df, statistic));
    }
}
