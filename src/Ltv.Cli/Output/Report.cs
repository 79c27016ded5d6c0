using System.Globalization;
using Ltv.Core.Strategies;

namespace Ltv.Cli.Output;

/// <summary>Plain-text output of the commands: invariant culture, '.' decimals, full precision.</summary>
internal static class Report
{
    /// <summary>Writes an estimate as "name: value" lines: strategy, value, currency, formula, then each input.</summary>
    public static void Estimate(TextWriter output, LtvEstimate estimate)
    {
        output.WriteLine($"strategy: {estimate.Model}");
        output.WriteLine($"value: {estimate.Value.Amount.ToString(CultureInfo.InvariantCulture)}");
        output.WriteLine($"currency: {estimate.Value.Currency.Code}");
        output.WriteLine($"rounded: {estimate.Value.Round()}");
        output.WriteLine($"formula: {estimate.Formula}");
        foreach (var input in estimate.Inputs)
        {
            output.WriteLine($"{input.Name}: {input.Value}");
        }
    }
}
