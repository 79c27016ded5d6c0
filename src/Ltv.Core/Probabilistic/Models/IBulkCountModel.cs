namespace Ltv.Core.Probabilistic.Models;

/// <summary>Bulk prediction paths that share work across customers (the extension methods use them when a model has one).</summary>
internal interface IBulkCountModel
{
    /// <summary>P(alive) per customer; spans already checked for length.</summary>
    void ProbabilityAliveBulk(ReadOnlySpan<double> frequency, ReadOnlySpan<double> recency, ReadOnlySpan<double> age, Span<double> destination);

    /// <summary>E[Y(t) | x, t_x, T] per customer; spans already checked for length.</summary>
    void ConditionalExpectedPurchasesBulk(double t, ReadOnlySpan<double> frequency, ReadOnlySpan<double> recency, ReadOnlySpan<double> age, Span<double> destination);
}
