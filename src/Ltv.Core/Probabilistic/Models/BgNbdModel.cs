using Ltv.Core.Domain;
using Ltv.Core.History;
using Ltv.Core.Probabilistic.Fitting;

namespace Ltv.Core.Probabilistic.Models;

/// <summary>
/// The BG/NBD model (Fader, Hardie &amp; Lee 2005, "Counting your customers the easy way"): while alive a
/// customer buys as a Poisson process with rate λ ~ Gamma(r, α); after each repeat purchase they leave
/// for good with probability p ~ Beta(a, b).
/// </summary>
/// <remarks>
/// <para>Parameters are finite and positive; α is in <see cref="Unit"/> (a rate scale), r, a and b are
/// dimensionless. On the CDNOW sample (weeks) the published estimates are r = 0.243, α = 4.414,
/// a = 0.793, b = 2.426 (log-likelihood -9582.4); <see cref="Fit"/> reproduces them.</para>
/// <para>Predictions use the closed forms of the paper (equations 7-10), with ₂F₁ evaluated in log space by
/// <see cref="Numerics.Hypergeometric"/>; where the closed form is singular (a = 1) the same expectation is
/// integrated numerically over the Beta posterior. Horizons are accepted up to 1e9 · α (beyond it 1 - t/(α + t)
/// loses its digits in double and the closed forms go wrong; they throw <see cref="ArgumentOutOfRangeException"/>
/// naming t). Immutable, thread safe, value equality.</para>
/// </remarks>
public sealed record BgNbdModel : IResidualTransactionsModel, IBulkCountModel
{
    /// <summary>Creates a model from its parameters.</summary>
    /// <param name="r">Shape of the purchase-rate Gamma, positive.</param>
    /// <param name="alpha">Scale of the purchase-rate Gamma in <paramref name="unit"/>, positive.</param>
    /// <param name="a">First shape of the dropout Beta, positive.</param>
    /// <param name="b">Second shape of the dropout Beta, positive.</param>
    /// <param name="unit">The time unit of the data.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is not finite and positive; the message names it.</exception>
    public BgNbdModel(double r, double alpha, double a, double b, TimeUnit unit)
    {
        (R, Alpha, A, B, Unit) = CountModelRecord.Checked((r, alpha, a, b), (nameof(r), nameof(alpha), nameof(a), nameof(b)), unit);
    }

    /// <summary>Shape r of the purchase-rate Gamma.</summary>
    public double R { get; }

    /// <summary>Scale α of the purchase-rate Gamma, in <see cref="Unit"/>.</summary>
    public double Alpha { get; }

    /// <summary>Shape a of the dropout Beta.</summary>
    public double A { get; }

    /// <summary>Shape b of the dropout Beta.</summary>
    public double B { get; }

    /// <inheritdoc />
    public TimeUnit Unit { get; }

    /// <inheritdoc />
    public string Name => "BG/NBD";

    /// <summary>Fits the model by maximum likelihood on weighted patterns (analytic gradient, BFGS over log-parameters).</summary>
    /// <param name="patterns">The calibration patterns.</param>
    /// <param name="options">Fit settings, or <see langword="null"/> for <see cref="FitOptions.Default"/>; a start holds r, alpha, a, b.</param>
    /// <param name="progress">Receives progress after each likelihood evaluation, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the fit (throws <see cref="OperationCanceledException"/>).</param>
    /// <returns>The fit; check <see cref="FitResult{TModel}.Converged"/> or call <see cref="FitResult{TModel}.EnsureConverged"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="patterns"/> is null.</exception>
    /// <exception cref="ArgumentException"><see cref="FitOptions.Start"/> does not hold four values, or the log-likelihood is not finite there.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static FitResult<BgNbdModel> Fit(RfmPatterns patterns, FitOptions? options = null, IProgress<FitProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        return CountModelRecord.Fit(
            patterns,
            "BG/NBD",
            ["r", "alpha", "a", "b"],
            data => new BetaGeometricLikelihood(data, modified: false),
            data => [1, data.Age.Average(), 1, 1],
            (p, unit) => new BgNbdModel(p[0], p[1], p[2], p[3], unit),
            options,
            progress,
            cancellationToken);
    }

    /// <inheritdoc />
    public double LogLikelihood(RfmPatterns patterns) => Shared.LogLikelihood(patterns, Unit);

    /// <inheritdoc />
    public double ExpectedPurchases(double t) =>
        BetaGeometric.ExpectedGivenAlive(R, Alpha, A, B, BetaGeometric.Horizon(t, Alpha));

    /// <inheritdoc />
    public double ConditionalExpectedPurchases(double t, double frequency, double recency, double age) =>
        Shared.ConditionalExpectedPurchases(t, frequency, recency, age);

    /// <inheritdoc />
    public double ProbabilityAlive(double frequency, double recency, double age) =>
        Shared.ProbabilityAlive(frequency, recency, age);

    /// <inheritdoc />
    public double ProbabilityOfPurchases(int count, double t) =>
        Shared.ProbabilityOfPurchases(count, t);

    /// <inheritdoc />
    /// <remarks>
    /// No published closed form; derived in <see cref="BetaGeometricDert"/>: P(alive) · E[λ / (δ + λp)] over the posterior
    /// Gamma(r+x, α+T) × Beta(a, b+x), the λ expectation in closed form (a scaled exponential integral) and the
    /// p expectation by adaptive Gauss-Kronrod quadrature.
    /// </remarks>
    public double DiscountedExpectedResidualTransactions(double continuousDiscountRate, double frequency, double recency, double age) =>
        Shared.DiscountedExpectedResidualTransactions(continuousDiscountRate, frequency, recency, age);

    /// <inheritdoc />
    void IBulkCountModel.ProbabilityAliveBulk(ReadOnlySpan<double> frequency, ReadOnlySpan<double> recency, ReadOnlySpan<double> age, Span<double> destination) =>
        Shared.ProbabilityAliveBulk(frequency, recency, age, destination);

    /// <inheritdoc />
    void IBulkCountModel.ConditionalExpectedPurchasesBulk(double t, ReadOnlySpan<double> frequency, ReadOnlySpan<double> recency, ReadOnlySpan<double> age, Span<double> destination) =>
        Shared.ConditionalExpectedPurchasesBulk(t, frequency, recency, age, destination);

    /// <summary>The members shared with MBG/NBD, for these parameters (made per call: not a field, so equality and JSON are unchanged).</summary>
    private BetaGeometricRecord Shared => new(R, Alpha, A, B, Modified: false, Name);
}
