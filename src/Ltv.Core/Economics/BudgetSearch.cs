namespace Ltv.Core.Economics;

/// <summary>
/// Branch and bound over whole customers for <see cref="BudgetPlanner"/>: maximise sum x_i v_i subject to
/// sum x_i c_i &lt;= budget and 0 &lt;= x_i &lt;= cap_i (a bounded knapsack), items sorted by v_i / c_i descending.
/// </summary>
/// <remarks>
/// Depth-first, each segment's count tried from the largest affordable down; the first leaf is the greedy
/// allocation by ratio. A branch is cut when its continuous (fractional) bound cannot beat the best plan so
/// far; because the items are in ratio order the bound falls as the count falls, so the remaining counts
/// of that segment are cut too. After <see cref="NodeLimit"/> nodes the search stops with the best plan found.
/// </remarks>
internal sealed class BudgetSearch
{
    /// <summary>Nodes visited before the search gives up proving optimality (keeps a plan well under a second).</summary>
    internal const int NodeLimit = 100_000;

    private readonly decimal[] _cost;
    private readonly decimal[] _net;
    private readonly long[] _cap;
    private readonly long[] _current;
    private long[] _best;
    private decimal _bestValue = -1m;
    private int _nodes;

    private BudgetSearch(decimal[] cost, decimal[] net, long[] cap)
    {
        _cost = cost;
        _net = net;
        _cap = cap;
        _current = new long[cost.Length];
        _best = new long[cost.Length];
    }

    /// <summary>Runs the search; the counts are per item, in the order given.</summary>
    /// <param name="cost">CAC per customer, positive, items in descending net / cost order.</param>
    /// <param name="net">LTV - CAC per customer, positive.</param>
    /// <param name="cap">At most this many customers per item; cap x cost fits in the budget.</param>
    /// <param name="budget">The budget, zero or more.</param>
    /// <returns>The counts, whether optimality was proven, and the continuous upper bound.</returns>
    internal static (long[] Counts, bool Exact, decimal UpperBound) Solve(decimal[] cost, decimal[] net, long[] cap, decimal budget)
    {
        var search = new BudgetSearch(cost, net, cap);
        var upper = search.Bound(0, budget);
        var exact = search.Search(0, budget, 0m);
        return (search._best, exact, upper);
    }

    /// <summary>The largest count of customers at <paramref name="cost"/> that <paramref name="budget"/> pays for, at most <paramref name="available"/>.</summary>
    internal static long Affordable(decimal budget, decimal cost, long available)
    {
        if (cost == 0m)
        {
            return available;
        }

        decimal count;
        try
        {
            count = decimal.Floor(budget / cost);
        }
        catch (OverflowException)
        {
            // The quotient exceeds decimal's range, so it exceeds any long.
            return available;
        }

        return count >= available ? available : (long)count;
    }

    /// <summary>The continuous relaxation from item <paramref name="start"/> on with <paramref name="budget"/> left.</summary>
    private decimal Bound(int start, decimal budget)
    {
        var bound = 0m;
        for (var j = start; j < _cost.Length && budget > 0m; j++)
        {
            var whole = _cap[j] * _cost[j];
            if (whole <= budget)
            {
                bound += _cap[j] * _net[j];
                budget -= whole;
            }
            else
            {
                bound += budget / _cost[j] * _net[j];
                break;
            }
        }

        return bound;
    }

    /// <summary>Depth-first search; false once the node limit is reached.</summary>
    private bool Search(int i, decimal budget, decimal value)
    {
        if (++_nodes > NodeLimit)
        {
            return false;
        }

        if (i == _cost.Length)
        {
            if (value > _bestValue)
            {
                _bestValue = value;
                _best = (long[])_current.Clone();
            }

            return true;
        }

        for (var k = Affordable(budget, _cost[i], _cap[i]); k >= 0; k--)
        {
            var left = budget - (k * _cost[i]);
            var gain = value + (k * _net[i]);
            if (_bestValue >= 0m && gain + Bound(i + 1, left) <= _bestValue)
            {
                break;
            }

            _current[i] = k;
            if (!Search(i + 1, left, gain))
            {
                _current[i] = 0;
                return false;
            }
        }

        _current[i] = 0;
        return true;
    }
}
