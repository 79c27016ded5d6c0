using System.Globalization;

using Ltv.Core.Domain;
using Ltv.Core.Validation;

namespace Ltv.Core.Economics;

/// <summary>
/// LTV-guided budget allocation: given segments with LTV, CAC and size and a budget, reports each
/// segment's affordable CAC and return, and allocates the budget over whole customers to maximise the
/// expected net value (customers x (LTV - CAC)).
/// </summary>
/// <remarks>
/// <para>Only segments with LTV &gt; CAC are funded (a customer worth less than its cost lowers the net
/// value), so part of the budget may stay unspent on purpose; segments with a zero CAC are funded in full.
/// The paid segments are a bounded knapsack, solved by branch and bound over whole customers: segments in
/// descending LTV:CAC ratio (ties by key), each count tried from the largest affordable down, branches cut
/// by the continuous bound. The first allocation tried is the greedy one by ratio and a plan replaces it
/// only when strictly better, so when greedy is optimal its plan is returned. Greedy alone is not optimal:
/// with a (LTV 31, CAC 10, one customer), b (LTV 3,000, CAC 1,000, one customer) and a budget of 1,000,
/// greedy funds a (ratio 3.1) and can no longer afford b (net 21); the search funds b (net 2,000).</para>
/// <para>When the search finishes, <see cref="BudgetPlan.Method"/> is <see cref="BudgetAllocationMethod.Exact"/>
/// (optimal over whole customers, up to decimal rounding of the bound). After
/// 100,000 search nodes it stops with <see cref="BudgetAllocationMethod.BestFound"/>: the best plan found,
/// never worse than greedy, whose net value is within <see cref="BudgetPlan.NetValueUpperBound"/> (the
/// continuous optimum, fractional customers allowed) minus less than one customer's LTV - CAC of the
/// segment the continuous optimum splits.</para>
/// <para>Bad input: a negative budget, a non-positive target ratio, no segments, duplicate keys or a
/// currency other than the budget's throw exceptions that name the field and the value; a budget so
/// large that the customers it can buy are worth more than decimal holds throws
/// <see cref="ArgumentOutOfRangeException"/> naming the budget and the segment.</para>
/// </remarks>
public static class BudgetPlanner
{
    /// <summary>Plans a budget.</summary>
    /// <param name="segments">The segments, at least one, distinct keys, in the budget's currency.</param>
    /// <param name="budget">The budget, zero or more.</param>
    /// <param name="targetRatio">The LTV:CAC target behind the affordable CAC; 3 unless told.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Negative budget or non-positive target, or a plan whose value does not fit in decimal (the message names the budget and the segment).</exception>
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

        var funded = list
            .Where(s => s.LifetimeValue > s.AcquisitionCost)
            .OrderByDescending(s => s.Ratio)
            .ThenBy(s => s.Key, StringComparer.Ordinal)
            .ToList();
        CheckTotalsFit(funded, budget);
        var customers = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var free in funded.Where(s => s.AcquisitionCost.IsZero))
        {
            customers[free.Key] = free.AvailableCustomers;
        }

        var paid = funded.Where(s => !s.AcquisitionCost.IsZero).ToArray();
        var cost = paid.Select(s => s.AcquisitionCost.Amount).ToArray();
        var net = paid.Select(s => s.LifetimeValue.Amount - s.AcquisitionCost.Amount).ToArray();
        var cap = paid.Select(s => BudgetSearch.Affordable(budget.Amount, s.AcquisitionCost.Amount, s.AvailableCustomers)).ToArray();
        long[] counts;
        bool exact;
        decimal bound;
        try
        {
            (counts, exact, bound) = BudgetSearch.Solve(cost, net, cap, budget.Amount);
        }
        catch (OverflowException)
        {
            throw Guard.TooLarge(nameof(budget), "the plan's net value", $"{Guard.Show(budget.Amount)} {budget.Currency.Code} over {paid.Length} paid segments");
        }

        for (var i = 0; i < paid.Length; i++)
        {
            customers[paid[i].Key] = counts[i];
        }

        var freeNet = funded.Where(s => s.AcquisitionCost.IsZero).Sum(s => s.LifetimeValue.Amount * s.AvailableCustomers);
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
        var method = exact ? BudgetAllocationMethod.Exact : BudgetAllocationMethod.BestFound;
        return new BudgetPlan(budget, targetRatio, lines, method, new Money(freeNet + bound, budget.Currency));
    }

    /// <summary>Checks that every segment's largest affordable purchase, and their sum, fit in decimal; the message names the segment and the values.</summary>
    private static void CheckTotalsFit(List<BudgetSegment> funded, Money budget)
    {
        var total = 0m;
        foreach (var s in funded)
        {
            var count = BudgetSearch.Affordable(budget.Amount, s.AcquisitionCost.Amount, s.AvailableCustomers);
            try
            {
                total += (count * s.LifetimeValue.Amount) + (count * s.AcquisitionCost.Amount);
            }
            catch (OverflowException)
            {
                throw Guard.TooLarge(
                    nameof(budget),
                    $"the value and spend of the customers it can buy in segment '{s.Key}' (and of the whole plan)",
                    $"{Guard.Show(budget.Amount)} {budget.Currency.Code}; segment '{s.Key}': {count.ToString(CultureInfo.InvariantCulture)} customers x (LTV {Guard.Show(s.LifetimeValue.Amount)} + CAC {Guard.Show(s.AcquisitionCost.Amount)})");
            }
        }
    }
}
