using System.Globalization;

using Ltv.Core.Domain;
using Ltv.Core.Probabilistic.Fitting;
using Ltv.Core.Probabilistic.Numerics;
using Ltv.Core.Validation;

namespace Ltv.Core.Probabilistic.Contractual;

/// <summary>
/// The shifted-beta-geometric (sBG) model of contractual churn (Fader and Hardie 2007, "How to project
/// customer retention"): at the end of each contract period a subscriber cancels with probability θ, constant
/// for that subscriber and distributed Beta(α, β) across subscribers.
/// </summary>
/// <remarks>
/// <para>The lifetime T (periods paid for, T = 1, 2, ...) has
/// P(T = t) = B(α + 1, β + t - 1) / B(α, β) and survival S(t) = P(T &gt; t) = B(α, β + t) / B(α, β), S(0) = 1.
/// The retention rate r(t) = S(t) / S(t - 1) = (β + t - 1) / (α + β + t - 1) rises with tenure: the
/// cohort sorts itself, the cancel-prone leave first.</para>
/// <para>Discounted expected lifetime (Fader and Hardie 2010, "Customer-base valuation in a contractual
/// setting: the perils of ignoring heterogeneity"), payments at the start of each period, the first one
/// undiscounted: DEL(d) = sum over t ≥ 0 of S(t) / (1 + d)^t = ₂F₁(1, β; α + β; 1 / (1 + d)). For a subscriber
/// who has renewed n times, valued just before the next renewal decision (the current period is paid):
/// DERL(d, n) = sum over t ≥ n + 1 of S(t) / S(n) / (1 + d)^(t - n - 1) = (β + n) / (α + β + n) ₂F₁(1, β + n + 1; α + β + n + 1; 1 / (1 + d)).
/// Multiplied by the margin per period they give the (residual) lifetime value. With d = 0 they are the
/// undiscounted expected (residual) lifetimes, finite only when α &gt; 1 (+∞ otherwise: with α ≤ 1 the
/// heavy tail of loyal subscribers makes the mean infinite; discount or use a finite horizon).</para>
/// <para>Times are whole numbers of <see cref="Unit"/> (the contract period). Immutable, thread safe, value equality.
/// On the published survivor data, <see cref="Fit(ContractDurations, FitOptions?, IProgress{FitProgress}?, CancellationToken)"/>
/// reproduces α = 0.704, β = 1.182 (Regular) and α = 0.668, β = 3.806 (High End).</para>
/// </remarks>
public sealed record SbgModel
{
    /// <summary>Creates a model from its parameters.</summary>
    /// <param name="alpha">First shape of the churn-probability Beta, within [1e-10, 1e10].</param>
    /// <param name="beta">Second shape of the churn-probability Beta, within [1e-10, 1e10].</param>
    /// <param name="unit">The contract period.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is not finite and within the computable range [1e-10, 1e10], or the unit is undefined; the message names it.</exception>
    public SbgModel(double alpha, double beta, TimeUnit unit)
    {
        Alpha = Models.HistoryGuard.Parameter(alpha, nameof(alpha));
        Beta = Models.HistoryGuard.Parameter(beta, nameof(beta));
        Unit = Guard.Defined(unit);
    }

    /// <summary>First shape α of the churn-probability Beta.</summary>
    public double Alpha { get; }

    /// <summary>Second shape β of the churn-probability Beta.</summary>
    public double Beta { get; }

    /// <summary>The contract period: every time in this model is a whole number of it.</summary>
    public TimeUnit Unit { get; }

    /// <summary>The model's short name, "sBG".</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "An instance member like the other models' Name, shown in results and written to JSON.")]
    public string Name => "sBG";

    /// <summary>The mean churn probability per period of a new subscriber, α / (α + β) (= P(T = 1)).</summary>
    public double MeanChurn => Alpha / (Alpha + Beta);

    /// <summary>Fits the model by maximum likelihood (analytic gradient, BFGS over log-parameters; standard errors from the observed information).</summary>
    /// <param name="durations">The contract durations.</param>
    /// <param name="options">Fit settings, or <see langword="null"/> for <see cref="FitOptions.Default"/>; a start holds alpha, beta.</param>
    /// <param name="progress">Receives progress after each likelihood evaluation, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the fit (throws <see cref="OperationCanceledException"/>).</param>
    /// <returns>The fit; check <see cref="FitResult{TModel}.Converged"/> or call <see cref="FitResult{TModel}.EnsureConverged"/>.
    /// Data with no churn at all, or with churn only after the first period and nobody surviving it, have their maximum on the
    /// boundary of the parameter space and end not converged.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="durations"/> is null.</exception>
    /// <exception cref="ArgumentException"><see cref="FitOptions.Start"/> does not hold two values, or the log-likelihood is not finite there.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static FitResult<SbgModel> Fit(ContractDurations durations, FitOptions? options = null, IProgress<FitProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(durations);
        var unit = durations.Unit;
        return MaximumLikelihood.Fit(
            new SbgLikelihood(durations),
            [1, 1],
            durations.CustomerCount,
            durations.Count,
            "sBG",
            ["alpha", "beta"],
            p => new SbgModel(p[0], p[1], unit),
            options,
            progress,
            cancellationToken,
            NotIdentifiable(durations));
    }

    /// <summary>
    /// Why the durations cannot identify the model, or <see langword="null"/>: with no churn the churn probability runs to 0, and
    /// when every customer churned in the first period it runs to 1 (the likelihood rises towards a boundary either way).
    /// </summary>
    private static string? NotIdentifiable(ContractDurations durations)
    {
        var c = System.Globalization.CultureInfo.InvariantCulture;
        bool anyChurn = false, allFirst = true;
        for (var i = 0; i < durations.Count; i++)
        {
            if (durations.Weight[i] <= 0)
            {
                continue;
            }

            anyChurn |= durations.Churned[i];
            allFirst &= durations.Churned[i] && durations.Periods[i] == 1;
        }

        return !anyChurn
            ? string.Create(c, $"no customer churned (all {durations.CustomerCount:0.##} are still active), so the churn probability cannot be told from 0.")
            : allFirst
                ? string.Create(c, $"every one of the {durations.CustomerCount:0.##} customers churned in the first period, so the churn probability cannot be told from 1.")
                : null;
    }

    /// <summary>Fits the model on a cohort's survivor counts (see <see cref="ContractDurations.FromSurvivors"/>).</summary>
    /// <param name="survivors">s_0 (the cohort), s_1, ..., s_K survivors after each period; the last is right-censored.</param>
    /// <param name="unit">The contract period.</param>
    /// <param name="options">Fit settings, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the fit.</param>
    /// <returns>The fit.</returns>
    /// <exception cref="ArgumentException">The counts are invalid (see <see cref="ContractDurations.FromSurvivors"/>).</exception>
    public static FitResult<SbgModel> FitSurvivors(IReadOnlyList<double> survivors, TimeUnit unit, FitOptions? options = null, CancellationToken cancellationToken = default) =>
        Fit(ContractDurations.FromSurvivors(survivors, unit), options, null, cancellationToken);

    /// <summary>The total log-likelihood of weighted durations under the model.</summary>
    /// <param name="durations">Durations in <see cref="Unit"/>.</param>
    /// <returns>The sum over rows of weight x ln P(row).</returns>
    /// <exception cref="UnitMismatchException">The durations are in another unit.</exception>
    public double LogLikelihood(ContractDurations durations)
    {
        ArgumentNullException.ThrowIfNull(durations);
        if (durations.Unit != Unit)
        {
            throw new UnitMismatchException(durations.Unit, Unit, "the sBG log-likelihood");
        }

        return new SbgLikelihood(durations).Evaluate([Alpha, Beta], []);
    }

    /// <summary>S(t) = P(T &gt; t): the share of a new cohort still subscribed after t periods.</summary>
    /// <param name="t">Periods, zero or more.</param>
    /// <returns>A probability in (0, 1]; S(0) = 1.</returns>
    /// <exception cref="ArgumentOutOfRangeException">t is negative.</exception>
    public double Survival(int t)
    {
        NonNegative(t, nameof(t));
        return Math.Exp(LogSurvival(t));
    }

    /// <summary>r(t) = S(t) / S(t - 1) = (β + t - 1) / (α + β + t - 1): the share of those subscribed in period t who renew for period t + 1.</summary>
    /// <param name="t">The period, at least 1.</param>
    /// <returns>A probability in (0, 1), rising with t.</returns>
    /// <exception cref="ArgumentOutOfRangeException">t is below 1.</exception>
    public double Retention(int t)
    {
        AtLeastOne(t, nameof(t));
        return (Beta + t - 1) / (Alpha + Beta + t - 1);
    }

    /// <summary>P(T = t) = B(α + 1, β + t - 1) / B(α, β): the probability that a new subscriber pays for exactly t periods.</summary>
    /// <param name="t">The lifetime in periods, at least 1.</param>
    /// <returns>A probability in (0, 1).</returns>
    /// <exception cref="ArgumentOutOfRangeException">t is below 1.</exception>
    public double ChurnProbability(int t)
    {
        AtLeastOne(t, nameof(t));
        return Math.Exp(Math.Log(Alpha) + SpecialFunctions.LogGammaRatioUnchecked(Beta, t - 1) - SpecialFunctions.LogGammaRatioUnchecked(Alpha + Beta, t));
    }

    /// <summary>E[T]: the expected number of periods a new subscriber pays for, (α + β - 1) / (α - 1) when α &gt; 1.</summary>
    /// <returns>The expectation in periods, at least 1; <see cref="double.PositiveInfinity"/> when α ≤ 1 (the mean does not exist).</returns>
    public double ExpectedLifetime() => Alpha > 1 ? (Alpha + Beta - 1) / (Alpha - 1) : double.PositiveInfinity;

    /// <summary>E[min(T, H)] = S(0) + ... + S(H - 1): the expected periods paid for within a horizon of H periods.</summary>
    /// <param name="horizon">H, periods, zero or more.</param>
    /// <returns>The expectation in periods, between 0 and H.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The horizon is negative.</exception>
    public double ExpectedLifetime(int horizon)
    {
        NonNegative(horizon, nameof(horizon));
        return horizon == 0 ? 0 : 1 + ResidualSum(0, 1, horizon - 1);
    }

    /// <summary>DEL(d) = ₂F₁(1, β; α + β; 1 / (1 + d)): the discounted expected number of payments of a new subscriber (first payment now, undiscounted).</summary>
    /// <param name="discountRate">d per <see cref="Unit"/>, finite and zero or more.</param>
    /// <returns>The discounted expected lifetime in periods, at least 1; with d = 0 it is <see cref="ExpectedLifetime()"/> (+∞ when α ≤ 1).</returns>
    /// <exception cref="ArgumentOutOfRangeException">d is negative or not finite.</exception>
    public double DiscountedExpectedLifetime(double discountRate)
    {
        var d = Rate(discountRate);
        return d == 0 ? ExpectedLifetime() : Hypergeometric.Hyp2F1(1, Beta, Alpha + Beta, 1 / (1 + d));
    }

    /// <summary>sum over t = 0..H-1 of S(t) / (1 + d)^t: the discounted expected payments of a new subscriber within H periods.</summary>
    /// <param name="discountRate">d per <see cref="Unit"/>, finite and zero or more.</param>
    /// <param name="horizon">H, periods, zero or more.</param>
    /// <returns>The discounted expected lifetime within the horizon, in periods.</returns>
    /// <exception cref="ArgumentOutOfRangeException">d is negative or not finite, or the horizon is negative.</exception>
    public double DiscountedExpectedLifetime(double discountRate, int horizon)
    {
        var z = 1 / (1 + Rate(discountRate));
        NonNegative(horizon, nameof(horizon));
        return horizon == 0 ? 0 : 1 + (z * ResidualSum(0, z, horizon - 1));
    }

    /// <summary>
    /// DERL(d, n) = (β + n) / (α + β + n) ₂F₁(1, β + n + 1; α + β + n + 1; 1 / (1 + d)): the discounted expected number of
    /// further payments of a subscriber who has renewed n times (paid n + 1 periods), valued just before the next renewal
    /// decision, the next payment undiscounted.
    /// </summary>
    /// <param name="discountRate">d per <see cref="Unit"/>, finite and zero or more.</param>
    /// <param name="renewals">n, renewals so far, zero or more.</param>
    /// <returns>The discounted expected residual lifetime in periods; with d = 0, (β + n) / (α - 1) when α &gt; 1 and +∞ otherwise.</returns>
    /// <exception cref="ArgumentOutOfRangeException">d is negative or not finite, or n is negative.</exception>
    public double DiscountedExpectedResidualLifetime(double discountRate, int renewals)
    {
        var d = Rate(discountRate);
        NonNegative(renewals, nameof(renewals));
        if (d == 0)
        {
            return Alpha > 1 ? (Beta + renewals) / (Alpha - 1) : double.PositiveInfinity;
        }

        var n = (double)renewals;
        return (Beta + n) / (Alpha + Beta + n) * Hypergeometric.Hyp2F1(1, Beta + n + 1, Alpha + Beta + n + 1, 1 / (1 + d));
    }

    /// <summary>DERL within a horizon: sum over k = 1..H of S(n + k) / S(n) / (1 + d)^(k - 1).</summary>
    /// <param name="discountRate">d per <see cref="Unit"/>, finite and zero or more.</param>
    /// <param name="renewals">n, renewals so far, zero or more.</param>
    /// <param name="horizon">H, further periods, zero or more.</param>
    /// <returns>The discounted expected residual lifetime within the horizon, in periods.</returns>
    /// <exception cref="ArgumentOutOfRangeException">d is negative or not finite, or n or H is negative.</exception>
    public double DiscountedExpectedResidualLifetime(double discountRate, int renewals, int horizon)
    {
        var z = 1 / (1 + Rate(discountRate));
        NonNegative(renewals, nameof(renewals));
        NonNegative(horizon, nameof(horizon));
        return ResidualSum(renewals, z, horizon);
    }

    /// <summary>sum over k = 1..H of S(n + k) / S(n) z^(k - 1), by the retention recursion (every term positive).</summary>
    private double ResidualSum(int n, double z, int horizon)
    {
        double sum = 0, term = 1;
        for (var k = 1; k <= horizon; k++)
        {
            term *= Retention(n + k) * (k == 1 ? 1 : z);
            sum += term;
            if (term < sum * 1e-17)
            {
                break;
            }
        }

        return sum;
    }

    private double LogSurvival(int t) =>
        SpecialFunctions.LogGammaRatioUnchecked(Beta, t) - SpecialFunctions.LogGammaRatioUnchecked(Alpha + Beta, t);

    private static double Rate(double discountRate)
    {
        if (!double.IsFinite(discountRate) || discountRate < 0)
        {
            throw Guard.OutOfRange(nameof(discountRate), "finite and zero or more", Guard.Show(discountRate));
        }

        return discountRate;
    }

    private static void NonNegative(int value, string name)
    {
        if (value < 0)
        {
            throw Guard.OutOfRange(name, "zero or more", value.ToString(CultureInfo.InvariantCulture));
        }
    }

    private static void AtLeastOne(int value, string name)
    {
        if (value < 1)
        {
            throw Guard.OutOfRange(name, "at least 1", value.ToString(CultureInfo.InvariantCulture));
        }
    }
}
