using Ltv.Core.Domain;
using Ltv.Core.History;
using Ltv.Core.Probabilistic.Fitting;
using Ltv.Core.Probabilistic.Numerics;
using Ltv.Core.Validation;

using MathNet.Numerics.Integration;

namespace Ltv.Core.Probabilistic.Models;

/// <summary>
/// The Pareto/NBD model (Schmittlein, Morrison &amp; Colombo 1987): while alive a customer buys as a Poisson
/// process with rate λ ~ Gamma(r, α) and leaves silently after an exponential lifetime with rate
/// μ ~ Gamma(s, β).
/// </summary>
/// <remarks>
/// <para>Parameters are finite and positive; α and β are in <see cref="Unit"/>. On the CDNOW sample
/// (weeks) the published estimates are r = 0.553, α = 10.578, s = 0.606, β = 11.669 (log-likelihood
/// -9595.0); the likelihood is flat along (s, β), so β is the least precise estimate.</para>
/// <para>The likelihood and P(alive) use the log-space ₂F₁ of <see cref="Hypergeometric"/>, which stays
/// finite for customers with hundreds of thousands of purchases. E[X(t)] and E[Y(t) | x, t_x, T] are the
/// closed forms of Fader &amp; Hardie's note (with the limit at s = 1); P(X(t) = n) is computed as one
/// integral over the dropout time by adaptive Gauss-Kronrod quadrature; DERT as CLVTools reports it
/// (continuous discounting, in closed form with the scaled exponential integral; bulk predictions and DERT go
/// through <see cref="ResidualTransactionsExtensions"/> once per distinct pattern). The fit evaluates ₂F₁ once per distinct (x, t_x) and (x, T) pair; its gradient is
/// analytic (term-by-term derivatives of the ₂F₁ series) wherever |α - β| / (α + y) ≤ 0.6 and that series does not cancel, as near the
/// optimum of real data, and by finite differences elsewhere. Default start: r = s = 0.5, α = β = mean T / 3.
/// Immutable, thread safe, value equality.</para>
/// </remarks>
public sealed record ParetoNbdModel : IResidualTransactionsModel, IBulkCountModel
{
    /// <summary>Creates a model from its parameters.</summary>
    /// <param name="r">Shape of the purchase-rate Gamma, positive.</param>
    /// <param name="alpha">Scale of the purchase-rate Gamma in <paramref name="unit"/>, positive.</param>
    /// <param name="s">Shape of the dropout-rate Gamma, positive.</param>
    /// <param name="beta">Scale of the dropout-rate Gamma in <paramref name="unit"/>, positive.</param>
    /// <param name="unit">The time unit of the data.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is not finite and positive; the message names it.</exception>
    public ParetoNbdModel(double r, double alpha, double s, double beta, TimeUnit unit)
    {
        (R, Alpha, S, Beta, Unit) = CountModelRecord.Checked((r, alpha, s, beta), (nameof(r), nameof(alpha), nameof(s), nameof(beta)), unit);
    }

    /// <summary>Shape r of the purchase-rate Gamma.</summary>
    public double R { get; }

    /// <summary>Scale α of the purchase-rate Gamma, in <see cref="Unit"/>.</summary>
    public double Alpha { get; }

    /// <summary>Shape s of the dropout-rate Gamma.</summary>
    public double S { get; }

    /// <summary>Scale β of the dropout-rate Gamma, in <see cref="Unit"/>.</summary>
    public double Beta { get; }

    /// <inheritdoc />
    public TimeUnit Unit { get; }

    /// <inheritdoc />
    public string Name => "Pareto/NBD";

    /// <summary>Fits the model by maximum likelihood on weighted patterns (BFGS over log-parameters).</summary>
    /// <param name="patterns">The calibration patterns.</param>
    /// <param name="options">Fit settings; a start holds r, alpha, s, beta.</param>
    /// <param name="progress">Receives progress after each likelihood evaluation, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the fit (throws <see cref="OperationCanceledException"/>).</param>
    /// <returns>The fit; check <see cref="FitResult{TModel}.Converged"/> or call <see cref="FitResult{TModel}.EnsureConverged"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="patterns"/> is null.</exception>
    /// <exception cref="ArgumentException"><see cref="FitOptions.Start"/> does not hold four values, or the log-likelihood is not finite there.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static FitResult<ParetoNbdModel> Fit(RfmPatterns patterns, FitOptions? options = null, IProgress<FitProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        return CountModelRecord.Fit(
            patterns,
            "Pareto/NBD",
            ["r", "alpha", "s", "beta"],
            data => new ParetoNbdLikelihood(data),
            data =>
            {
                var meanAge = data.Age.Average();
                return [0.5, meanAge / 3, 0.5, meanAge / 3];
            },
            (p, unit) => new ParetoNbdModel(p[0], p[1], p[2], p[3], unit),
            options,
            progress,
            cancellationToken);
    }

    /// <inheritdoc />
    public double LogLikelihood(RfmPatterns patterns)
    {
        HistoryGuard.SameUnit(patterns, Unit, "the Pareto/NBD log-likelihood");
        return new ParetoNbdLikelihood(new PatternData(patterns)).Evaluate([R, Alpha, S, Beta], []);
    }

    /// <inheritdoc />
    public double ExpectedPurchases(double t)
    {
        HistoryGuard.Horizon(t);
        return FiniteExpectation(R / Alpha * Beta * ShapeIntegral(S - 1, t / Beta), t);
    }

    /// <summary>An expectation must be finite: a horizon so long that it overflows (s near 0, r/α huge) is refused by name.</summary>
    private double FiniteExpectation(double value, double t) =>
        double.IsFinite(value)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(t), $"The Pareto/NBD expected purchases over t = {Guard.Show(t)} exceed the range of double for r = {Guard.Show(R)}, alpha = {Guard.Show(Alpha)}, s = {Guard.Show(S)}, beta = {Guard.Show(Beta)}; use a shorter horizon.");

    /// <inheritdoc />
    public double ConditionalExpectedPurchases(double t, double frequency, double recency, double age)
    {
        HistoryGuard.Horizon(t);
        var alive = ProbabilityAlive(frequency, recency, age);
        return alive * GivenAlive(t, frequency, age);
    }

    /// <inheritdoc />
    void IBulkCountModel.ProbabilityAliveBulk(ReadOnlySpan<double> frequency, ReadOnlySpan<double> recency, ReadOnlySpan<double> age, Span<double> destination) =>
        Bulk(0, frequency, recency, age, destination, expected: false);

    /// <inheritdoc />
    void IBulkCountModel.ConditionalExpectedPurchasesBulk(double t, ReadOnlySpan<double> frequency, ReadOnlySpan<double> recency, ReadOnlySpan<double> age, Span<double> destination)
    {
        HistoryGuard.Horizon(t);
        Bulk(t, frequency, recency, age, destination, expected: true);
    }

    /// <summary>P(alive) or E[Y(t) | x, t_x, T] once per distinct (x, t_x, T) pattern, scattered to the customers.</summary>
    private void Bulk(double t, ReadOnlySpan<double> frequency, ReadOnlySpan<double> recency, ReadOnlySpan<double> age, Span<double> destination, bool expected)
    {
        var patterns = PatternIndex.Build(frequency, recency, age);
        var alive = new double[patterns.Count];
        var conditional = expected ? new double[patterns.Count] : [];
        ParetoNbdBulk.Compute(this, patterns, t, 1, alive, conditional, []);
        patterns.Scatter(expected ? conditional : alive, destination);
    }

    /// <summary>E[Y(t) | alive at T] for x repeat purchases and age T.</summary>
    internal double GivenAlive(double t, double frequency, double age) =>
        FiniteExpectation((R + frequency) / (Alpha + age) * (Beta + age) * ShapeIntegral(S - 1, t / (Beta + age)), t);

    /// <inheritdoc />
    public double ProbabilityAlive(double frequency, double recency, double age)
    {
        HistoryGuard.Check(frequency, recency, age);
        var logGRecency = ParetoNbdLikelihood.LogG(R, Alpha, S, Beta, frequency, recency);
        var logGAge = ParetoNbdLikelihood.LogG(R, Alpha, S, Beta, frequency, age);
        var bracket = ParetoNbdLikelihood.LogBracket(R, Alpha, S, Beta, Math.Log(S), frequency, recency, age, logGRecency, logGAge, out var logAlive);
        return Math.Clamp(Math.Exp(logAlive - bracket), 0, 1);
    }

    /// <inheritdoc />
    /// <remarks>
    /// P(X(t) = n) = NB(n; t) (β/(β+t))^s + ∫₀ᵗ NB(n; τ) s β^s (β+τ)^-(s+1) dτ, where NB(n; τ) is the negative binomial
    /// probability of n purchases by a Gamma(r, α)-Poisson process in (0, τ]: "alive at t with n purchases" plus
    /// "died at τ with n purchases"; the integral is evaluated by adaptive Gauss-Kronrod quadrature (relative error 1e-10).
    /// </remarks>
    public double ProbabilityOfPurchases(int count, double t)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        HistoryGuard.Horizon(t);
        if (t == 0)
        {
            return count == 0 ? 1 : 0;
        }

        var logCoefficient = SpecialFunctions.LogGammaRatioUnchecked(R, count) - MathNet.Numerics.SpecialFunctions.GammaLn(count + 1.0);
        double LogNb(double tau) => tau <= 0
            ? (count == 0 ? 0 : double.NegativeInfinity)
            : logCoefficient + (R * Math.Log(Alpha / (Alpha + tau))) + (count == 0 ? 0 : count * Math.Log(tau / (Alpha + tau)));
        var alive = Math.Exp(LogNb(t) + (S * Math.Log(Beta / (Beta + t))));
        var logS = Math.Log(S);
        var died = GaussKronrodRule.Integrate(
            tau => Math.Exp(LogNb(tau) + logS + (S * Math.Log(Beta)) - ((S + 1) * Math.Log(Beta + tau))),
            0,
            t,
            out _,
            out _,
            1e-10,
            20,
            15);
        return Math.Clamp(alive + died, 0, 1);
    }

    /// <inheritdoc />
    /// <remarks>
    /// As CLVTools reports it (continuous discounting): P(alive) · (r+x)/(α+T) · ∫₀^∞ e^(-δu) ((β+T)/(β+T+u))^s du, the
    /// integral in closed form (β+T) e^z E_s(z), z = δ(β+T) (Fader, Hardie &amp; Lee 2005's δ^(s-1) (β+T)^s Ψ(s, s; δ(β+T))).
    /// </remarks>
    public double DiscountedExpectedResidualTransactions(double continuousDiscountRate, double frequency, double recency, double age)
    {
        Guard.FinitePositive(continuousDiscountRate);
        var alive = ProbabilityAlive(frequency, recency, age);
        return alive * ParetoNbdDert.GivenAlive(R, Alpha, S, Beta, continuousDiscountRate, frequency, age);
    }

    /// <summary>(1 - (1 + u)^(-k)) / k, and its limit ln(1 + u) at k = 0.</summary>
    private static double ShapeIntegral(double k, double u)
    {
        var log = SpecialFunctions.LogOnePlus(u);
        return Math.Abs(k) < 1e-12 ? log : -SpecialFunctions.ExpMinusOne(-k * log) / k;
    }
}
