using System.Globalization;
using System.Text;

using Ltv.Core.Domain;

namespace Ltv.Core.Economics;

/// <summary>An LTV-guided allocation of a marketing budget over segments; built by <see cref="BudgetPlanner"/>.</summary>
public sealed record BudgetPlan
{
    internal BudgetPlan(Money budget, decimal targetRatio, IReadOnlyList<BudgetLine> lines, BudgetAllocationMethod method, Money netValueUpperBound)
    {
        Method = method;
        NetValueUpperBound = netValueUpperBound;
        Budget = budget;
        TargetRatio = targetRatio;
        Lines = lines;
        var spend = Money.Zero(budget.Currency);
        var value = Money.Zero(budget.Currency);
        foreach (var line in lines)
        {
            spend += line.Spend;
            value += line.ExpectedValue;
        }

        Spend = spend;
        ExpectedValue = value;
    }

    /// <summary>The budget.</summary>
    public Money Budget { get; }

    /// <summary>The target LTV:CAC ratio behind <see cref="BudgetLine.AffordableCac"/>.</summary>
    public decimal TargetRatio { get; }

    /// <summary>One line per segment, in the order the segments were given.</summary>
    public IReadOnlyList<BudgetLine> Lines { get; }

    /// <summary>Total spend, at most the budget.</summary>
    public Money Spend { get; }

    /// <summary>Budget - spend.</summary>
    public Money Unspent => Budget - Spend;

    /// <summary>Total expected value of the customers acquired.</summary>
    public Money ExpectedValue { get; }

    /// <summary>Expected value - spend: what the allocation maximises.</summary>
    public Money NetValue => ExpectedValue - Spend;

    /// <summary>How the allocation was found: <see cref="BudgetAllocationMethod.Exact"/> (proven optimal over whole customers) or <see cref="BudgetAllocationMethod.BestFound"/> (search limit reached).</summary>
    public BudgetAllocationMethod Method { get; }

    /// <summary>An upper bound on the net value of any allocation of the budget: the continuous optimum, with fractional customers allowed. <see cref="NetValue"/> equals it when whole customers spend the budget exactly as the continuous optimum does.</summary>
    public Money NetValueUpperBound { get; }

    /// <summary>The return on the total spend; <see langword="null"/> when nothing is spent.</summary>
    public ReturnOnInvestment? Return => Spend.Amount > 0m ? new ReturnOnInvestment(ExpectedValue, Spend) : null;

    /// <summary>The plan as aligned text, one line per segment and a total.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append("Budget ").Append(Budget.ToString()).Append(", target LTV:CAC ")
            .Append(TargetRatio.ToString(CultureInfo.InvariantCulture)).Append(":1, allocation ")
            .AppendLine(Method == BudgetAllocationMethod.Exact ? "exact" : "best found (search limit reached)");
        foreach (var line in Lines)
        {
            text.Append(line.Key).Append(": ").Append(line.Customers.ToString("N0", CultureInfo.InvariantCulture))
                .Append(" customers, spend ").Append(line.Spend.ToString())
                .Append(", value ").Append(line.ExpectedValue.ToString())
                .Append(", CAC ").Append(line.AcquisitionCost.ToString())
                .Append(" (affordable ").Append(line.AffordableCac.ToString()).Append("), LTV:CAC ").Append(line.Ratio.ToString())
                .AppendLine();
        }

        text.Append("Total: spend ").Append(Spend.ToString()).Append(", value ").Append(ExpectedValue.ToString())
            .Append(", ROI ").Append(Return?.ToString() ?? "-");
        return text.ToString();
    }
}
