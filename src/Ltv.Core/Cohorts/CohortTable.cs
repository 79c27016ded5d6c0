using System.Globalization;
using System.Text;
using Ltv.Core.Domain;

namespace Ltv.Core.Cohorts;

/// <summary>Acquisition cohorts in time order, made by <see cref="CohortAnalysis.Build"/>.</summary>
/// <param name="Period">Month or quarter cohorts.</param>
/// <param name="ObservationEnd">The last day of data.</param>
/// <param name="Currency">The revenue currency.</param>
/// <param name="Cohorts">The cohorts, oldest first.</param>
public sealed record CohortTable(CohortPeriod Period, DateOnly ObservationEnd, Currency Currency, IReadOnlyList<Cohort> Cohorts)
{
    /// <summary>A text table: one row per cohort, its customers and the cumulative revenue per customer at each age.</summary>
    /// <returns>The text (invariant culture, amounts rounded for display).</returns>
    public string ToText()
    {
        var c = CultureInfo.InvariantCulture;
        var ages = Cohorts.Count == 0 ? 0 : Cohorts.Max(x => x.ObservedAges);
        var text = new StringBuilder();
        text.Append(c, $"{"cohort",-8} {"customers",9}");
        for (var a = 0; a < ages; a++)
        {
            text.Append(c, $" {"age " + a.ToString(c),9}");
        }

        text.AppendLine();
        foreach (var cohort in Cohorts)
        {
            text.Append(c, $"{cohort.Key,-8} {cohort.CustomerCount,9}");
            foreach (var value in cohort.CumulativeRevenuePerCustomer)
            {
                text.Append(c, $" {value.Round().Amount,9:0.00}");
            }

            text.AppendLine();
        }

        return text.ToString();
    }
}
