using Ltv.Core.Domain;
using Ltv.Core.Probabilistic.Models;
using Ltv.Core.Validation;

namespace Ltv.Core.Probabilistic.Clv;

/// <summary>
/// Customer lifetime value from a fitted count model (BG/NBD, MBG/NBD, Pareto/NBD) and a fitted Gamma-Gamma
/// spend model, per customer or for a new customer; see <see cref="ClvOptions"/> for the convention.
/// </summary>
/// <remarks>
/// Values are plain numbers in the currency of the spend data, or <see cref="Money"/> when a currency is
/// passed. Immutable and thread safe. Example: <c>new ClvCalculator(bgnbd, gammaGamma, ClvOptions.Monthly(TimeUnit.Week))
/// .Value(2, 30.43, 38.86, 22.35)</c>.
/// </remarks>
public sealed class ClvCalculator
{
    /// <summary>Creates a calculator.</summary>
    /// <param name="purchases">The fitted count model.</param>
    /// <param name="spend">The fitted Gamma-Gamma model.</param>
    /// <param name="options">The horizon, steps, discounting and margin.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="UnitMismatchException">The options state a time unit other than the count model's.</exception>
    public ClvCalculator(ICountModel purchases, GammaGammaModel spend, ClvOptions options)
    {
        Purchases = Guard.NotNull(purchases);
        Spend = Guard.NotNull(spend);
        Options = Guard.NotNull(options);
        if (options.Unit is { } unit && unit != purchases.Unit)
        {
            throw new UnitMismatchException(unit, purchases.Unit, "a CLV whose steps are in another unit than the count model");
        }
    }

    /// <summary>The count model.</summary>
    public ICountModel Purchases { get; }

    /// <summary>The spend model.</summary>
    public GammaGammaModel Spend { get; }

    /// <summary>The summation settings.</summary>
    public ClvOptions Options { get; }

    /// <summary>The discounted expected margin of one customer with history (x, t_x, T) and mean repeat spend m.</summary>
    /// <param name="frequency">x.</param>
    /// <param name="recency">t_x.</param>
    /// <param name="age">T.</param>
    /// <param name="averageSpend">m, the mean spend of the repeat purchases (ignored when x = 0).</param>
    /// <returns>The CLV, zero or more, finite.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The history or spend breaks the conventions, or the CLV would not be finite (the message names the spend, steps and discount rate).</exception>
    /// <exception cref="InvalidOperationException">x = 0 and the Gamma-Gamma q ≤ 1 (infinite mean spend).</exception>
    public double Value(double frequency, double recency, double age, double averageSpend)
    {
        var spend = Spend.ConditionalExpectedSpend(frequency, averageSpend);
        return Finite(spend * DiscountedPurchases(t => Purchases.ConditionalExpectedPurchases(t, frequency, recency, age)), nameof(averageSpend), spend);
    }

    /// <summary>As <see cref="Value(double, double, double, double)"/>, as money in a currency.</summary>
    /// <param name="frequency">x.</param>
    /// <param name="recency">t_x.</param>
    /// <param name="age">T.</param>
    /// <param name="averageSpend">m in <paramref name="currency"/>.</param>
    /// <param name="currency">The currency of the spend data.</param>
    /// <returns>The CLV.</returns>
    public Money Value(double frequency, double recency, double age, double averageSpend, Currency currency) =>
        new(Guard.ToDecimal(Value(frequency, recency, age, averageSpend), "clv"), currency);

    /// <summary>CLV of every customer: one value per element of the input spans.</summary>
    /// <param name="frequency">x per customer.</param>
    /// <param name="recency">t_x per customer.</param>
    /// <param name="age">T per customer.</param>
    /// <param name="averageSpend">m per customer.</param>
    /// <param name="destination">Receives the CLV per customer.</param>
    /// <exception cref="ArgumentException">The spans differ in length, or <paramref name="destination"/> shares memory with an input span.</exception>
    public void Values(ReadOnlySpan<double> frequency, ReadOnlySpan<double> recency, ReadOnlySpan<double> age, ReadOnlySpan<double> averageSpend, Span<double> destination)
    {
        if (frequency.Length != recency.Length || frequency.Length != age.Length || frequency.Length != averageSpend.Length || frequency.Length != destination.Length)
        {
            throw new ArgumentException($"frequency, recency, age, averageSpend and destination must have the same length (were {frequency.Length}, {recency.Length}, {age.Length}, {averageSpend.Length}, {destination.Length}).", nameof(destination));
        }

        CountModelExtensions.CheckSeparate(destination, nameof(destination), frequency, recency, age);
        SpanOverlap.Refuse<double, double>(destination, nameof(destination), averageSpend, nameof(averageSpend));

        // Step by step over all customers, so the count model's bulk path shares its work across customers;
        // the arithmetic per customer is the same as in Value.
        var n = frequency.Length;
        var totals = new double[n];
        var previous = new double[n];
        var current = new double[n];
        var discount = 1.0;
        for (var step = 1; step <= Options.Steps; step++)
        {
            Purchases.ConditionalExpectedPurchases(step * Options.StepLength, frequency, recency, age, current);
            discount /= 1 + Options.DiscountRatePerStep;
            for (var i = 0; i < n; i++)
            {
                totals[i] += Math.Max(0, current[i] - previous[i]) * discount;
            }

            (previous, current) = (current, previous);
        }

        var margin = (double)Options.Margin.Value;
        for (var i = 0; i < n; i++)
        {
            var spend = Spend.ConditionalExpectedSpend(frequency[i], averageSpend[i]);
            destination[i] = Finite(spend * (margin * totals[i]), $"averageSpend at row {i}", spend);
        }
    }

    /// <summary>The discounted expected margin of a customer acquired now (E[X(t)] of the count model) with a given spend per purchase.</summary>
    /// <param name="spendPerPurchase">Expected spend per purchase, finite and zero or more; <see cref="GammaGammaModel.MeanSpend"/> for the population.</param>
    /// <returns>The CLV of the repeat purchases, zero or more.</returns>
    public double NewCustomerValue(double spendPerPurchase)
    {
        Guard.FiniteNonNegative(spendPerPurchase);
        return Finite(spendPerPurchase * DiscountedPurchases(Purchases.ExpectedPurchases), nameof(spendPerPurchase), spendPerPurchase);
    }

    /// <summary>A CLV must be finite: otherwise the spend and the options (steps, discounting) that made it overflow are named.</summary>
    private double Finite(double value, string spendName, double spend) =>
        double.IsFinite(value)
            ? value
            : throw new ArgumentOutOfRangeException(spendName, $"The CLV is not finite (was '{Guard.Show(value)}') for spend per purchase {Guard.Show(spend)} ({spendName}), {Options.Steps} steps of {Guard.Show(Options.StepLength)} and discountRatePerStep {Guard.Show(Options.DiscountRatePerStep)}.");

    /// <summary>Σ margin · (E(iΔ) - E((i-1)Δ)) / (1 + d)^i.</summary>
    internal double DiscountedPurchases(Func<double, double> cumulative)
    {
        var margin = (double)Options.Margin.Value;
        var total = 0.0;
        var previous = 0.0;
        var discount = 1.0;
        for (var i = 1; i <= Options.Steps; i++)
        {
            var current = cumulative(i * Options.StepLength);
            discount /= 1 + Options.DiscountRatePerStep;
            total += Math.Max(0, current - previous) * discount;
            previous = current;
        }

        return margin * total;
    }
}
