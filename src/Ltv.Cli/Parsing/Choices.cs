using System.CommandLine;

namespace Ltv.Cli.Parsing;

/// <summary>
/// Restricts an option or argument to named values, with a message that names the option (or argument) the user
/// wrote, the values it takes and the value given: <c>--refunds: must be reject, net-same-day, net-same-order or
/// drop (was 'net').</c> The values also feed help and shell completion.
/// </summary>
/// <remarks>System.CommandLine's own <c>AcceptOnlyFromAmong</c> says "Argument 'net' not recognized" without the option's name.</remarks>
internal static class Choices
{
    /// <summary>Restricts an option to the values (ordinal, case-sensitive as the parser reads them).</summary>
    public static void Restrict<T>(Option<T> option, params string[] values)
    {
        option.CompletionSources.Add(values);
        option.Validators.Add(result => Check(result, option.Name, values));
    }

    /// <summary>Restricts an argument to the values.</summary>
    public static void Restrict<T>(Argument<T> argument, params string[] values)
    {
        argument.CompletionSources.Add(values);
        argument.Validators.Add(result => Check(result, argument.Name, values));
    }

    private static void Check(System.CommandLine.Parsing.SymbolResult result, string name, string[] values)
    {
        foreach (var token in result.Tokens)
        {
            if (Array.IndexOf(values, token.Value) < 0)
            {
                result.AddError(Message(name, values, token.Value));
            }
        }
    }

    private static string Message(string name, string[] values, string given) =>
        $"{name}: must be {string.Join(", ", values[..^1])}{(values.Length > 1 ? " or " : string.Empty)}{values[^1]} (was '{given}').";
}
