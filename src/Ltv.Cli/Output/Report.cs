using System.Globalization;
using Ltv.Core.Strategies;

namespace Ltv.Cli.Output;

/// <summary>
/// Plain-text output of the commands for people: invariant culture, '.' decimals, money rounded to the currency's
/// minor unit (banker's rounding, as <see cref="Ltv.Core.Domain.Money.Round(System.MidpointRounding)"/>), with the exact
/// decimal on its own line for whoever needs every digit.
/// </summary>
internal static class Report
{
    /// <summary>Writes an estimate as "name: value" lines: strategy, value, currency, formula, then each input.</summary>
    public static void Estimate(TextWriter output, LtvEstimate estimate)
    {
        output.WriteLine($"strategy: {estimate.Model}");
        output.WriteLine($"value: {estimate.Value.Round().Amount.ToString(CultureInfo.InvariantCulture)}");
        output.WriteLine($"currency: {estimate.Value.Currency.Code}");
        output.WriteLine($"exact: {estimate.Value.Amount.ToString(CultureInfo.InvariantCulture)}");
        output.WriteLine($"formula: {estimate.Formula}");
        foreach (var input in estimate.Inputs)
        {
            output.WriteLine($"{input.Name}: {input.Value}");
        }
    }
}
