using Ltv.Core.Domain;
using Ltv.Core.Validation;

namespace Ltv.Core.Economics;

/// <summary>
/// LTV-guided budget allocation: given segments with LTV, CAC and size and a budget, reports each
/// segment's affordable CAC and return, and allocates the budget to maximise the expected net value
/// (customers x (LTV - CAC)).
/// </summary>
/// <remarks>
/// <para>The allocation is greedy: segments are funded in descending LTV:CAC ratio (a zero CAC first;
/// ties by key), each with as many whole customers as are available and the remaining budget pays for.
/// Only segments with LTV &gt; CAC are funded (a customer worth less than its cost lowers the net
/// value), so part of the budget may stay unspent on purpose. Ordering by ratio maximises net value per
/// unit of spend, which is exact for the continuous relaxation; buying whole customers can leave less
/// than one CAC unspent per segment that a different integer mix might use.</para>
/// <para>Bad input: a negative budget, a non-positive target ratio, no segments, duplicate keys or a
/// currency other than the budget's throw exceptions that name the field and the value.</para>
/// </remarks>
public static class BudgetPlanner
{
    /// <summary>Plans a budget.</summary>
    /// <param name="segments">The segments, at least one, distinct keys, in the budget's currency.</param>
    /// <param name="budget">The budget, zero or more.</param>
    /// <param name="targetRatio">The LTV:CAC target behind the affordable CAC; 3 unless told.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Negative budget or non-positive target.</exception>
    /// <exception cref="ArgumentException">No segments or a duplicate key.</exception>
    /// <exception cref="CurrencyMismatchException">A segment is in another currency than the budget.</exception>
    public static BudgetPlan Plan(IEnumerable<BudgetSegment> segments, Money budget, decimal targetRatio = 3m)
    {
        ArgumentNullException.ThrowIfNull(segments);
        Guard.NonNegative(budget.Amount, nameof(budget));
        Guard.Positive(targetRatio, nameof(targetRatio));
        var list = segments.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("segments must hold at least one segment (was empty).", nameof(segments));
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var segment in list)
        {
            ArgumentNullException.ThrowIfNull(segment, nameof(segments));
            CurrencyMismatchException.ThrowIfDifferent(budget.Currency, segment.LifetimeValue.Currency, $"budget segment '{segment.Key}'");
            if (!keys.Add(segment.Key))
            {
                throw new ArgumentException($"segment keys must be distinct (was '{segment.Key}' twice).", nameof(segments));
            }
        }

        var customers = new Dictionary<string, long>(StringComparer.Ordinal);
        var remaining = budget.Amount;
        var order = list
            .Where(s => s.LifetimeValue > s.AcquisitionCost)
            .OrderByDescending(s => s.Ratio)
            .ThenBy(s => s.Key, StringComparer.Ordinal);
        foreach (var segment in order)
        {
            var cac = segment.AcquisitionCost.Amount;
            var count = cac == 0m
                ? segment.AvailableCustomers
                : (long)Math.Min(segment.AvailableCustomers, decimal.Floor(remaining / cac));
            customers[segment.Key] = count;
            remaining -= count * cac;
        }

        var lines = list.Select(s =>
        {
            var n = customers.GetValueOrDefault(s.Key);
            var spend = s.AcquisitionCost * n;
            var value = s.LifetimeValue * n;
            return new BudgetLine(
                s.Key,
                s.LifetimeValue,
                s.AcquisitionCost,
                AcquisitionEconomics.MaxAffordableCac(s.LifetimeValue, targetRatio),
                s.Ratio,
                n,
                spend,
                value,
                spend.Amount > 0m ? new ReturnOnInvestment(value, spend) : null);
        }).ToArray();
        return new BudgetPlan(budget, targetRatio, lines);
    }
}
