namespace Ltv.Core.Probabilistic.Models;

/// <summary>A count model that also gives DERT, the discounted expected residual transactions of a customer.</summary>
public interface IResidualTransactionsModel : ICountModel
{
    /// <summary>
    /// DERT (Fader, Hardie &amp; Lee 2005): E[∫_T^∞ e^(-δ(τ-T)) dN(τ) | x, t_x, T], the expected number of future
    /// transactions of a customer with continuous discounting at rate δ per <see cref="ICountModel.Unit"/>.
    /// </summary>
    /// <param name="continuousDiscountRate">δ per <see cref="ICountModel.Unit"/>, finite and positive; from an annual rate d and weekly data use ln(1 + d) / 52.</param>
    /// <param name="frequency">x.</param>
    /// <param name="recency">t_x.</param>
    /// <param name="age">T.</param>
    /// <returns>The discounted expected number of future transactions, zero or more.</returns>
    /// <exception cref="ArgumentOutOfRangeException">δ is not finite and positive, or the history breaks the conventions.</exception>
    double DiscountedExpectedResidualTransactions(double continuousDiscountRate, double frequency, double recency, double age);
}
