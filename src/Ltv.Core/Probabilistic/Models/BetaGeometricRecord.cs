using Ltv.Core.History;

namespace Ltv.Core.Probabilistic.Models;

/// <summary>
/// The record members BG/NBD and MBG/NBD share, written once: the two models differ only in the extra death opportunity at
/// time 0 (<paramref name="Modified"/>) and in E[X(t)], so <see cref="BgNbdModel"/> and <see cref="MbgNbdModel"/> pass
/// their parameters here (a value made per call, so the records' equality and JSON stay their four parameters and unit).
/// </summary>
/// <param name="R">Shape r of the purchase-rate Gamma.</param>
/// <param name="Alpha">Scale α of the purchase-rate Gamma.</param>
/// <param name="A">Shape a of the dropout Beta.</param>
/// <param name="B">Shape b of the dropout Beta.</param>
/// <param name="Modified">Whether the model is MBG/NBD.</param>
/// <param name="Name">The model's name, for messages.</param>
internal readonly record struct BetaGeometricRecord(double R, double Alpha, double A, double B, bool Modified, string Name)
{
    /// <summary>The log-likelihood of patterns in the model's unit.</summary>
    public double LogLikelihood(RfmPatterns patterns, Domain.TimeUnit unit)
    {
        HistoryGuard.SameUnit(patterns, unit, $"the {Name} log-likelihood");
        return new BetaGeometricLikelihood(new PatternData(patterns), Modified).Evaluate([R, Alpha, A, B], []);
    }

    /// <summary>E[Y(t) | x, t_x, T].</summary>
    public double ConditionalExpectedPurchases(double t, double frequency, double recency, double age)
    {
        BetaGeometric.Horizon(t, Alpha);
        HistoryGuard.Check(frequency, recency, age);
        var alive = BetaGeometric.ProbabilityAlive(R, Alpha, A, B, frequency, recency, age, Modified);
        return alive * BetaGeometric.ExpectedGivenAlive(R + frequency, Alpha + age, A, BetaGeometric.PosteriorB(B, frequency, Modified), t);
    }

    /// <summary>P(alive | x, t_x, T).</summary>
    public double ProbabilityAlive(double frequency, double recency, double age)
    {
        HistoryGuard.Check(frequency, recency, age);
        return BetaGeometric.ProbabilityAlive(R, Alpha, A, B, frequency, recency, age, Modified);
    }

    /// <summary>P(X(t) = count).</summary>
    public double ProbabilityOfPurchases(int count, double t)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return BetaGeometric.ProbabilityOfCount(R, Alpha, A, B, count, BetaGeometric.Horizon(t, Alpha), Modified);
    }

    /// <summary>DERT at a continuous discount rate.</summary>
    public double DiscountedExpectedResidualTransactions(double continuousDiscountRate, double frequency, double recency, double age)
    {
        Validation.Guard.FinitePositive(continuousDiscountRate);
        HistoryGuard.Check(frequency, recency, age);
        return BetaGeometricDert.Value(R, Alpha, A, B, Modified, continuousDiscountRate, frequency, recency, age);
    }

    /// <summary>P(alive) for every customer.</summary>
    public void ProbabilityAliveBulk(ReadOnlySpan<double> frequency, ReadOnlySpan<double> recency, ReadOnlySpan<double> age, Span<double> destination) =>
        BetaGeometric.AliveBulk(R, Alpha, A, B, Modified, frequency, recency, age, destination);

    /// <summary>E[Y(t) | x, t_x, T] for every customer.</summary>
    public void ConditionalExpectedPurchasesBulk(double t, ReadOnlySpan<double> frequency, ReadOnlySpan<double> recency, ReadOnlySpan<double> age, Span<double> destination) =>
        BetaGeometric.ConditionalBulk(R, Alpha, A, B, Modified, t, frequency, recency, age, destination);
}
