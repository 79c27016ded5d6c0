using System.Text.Json;
using System.Text.RegularExpressions;
using Ltv.Core.IO;

namespace Ltv.Cli;

/// <summary>Which exceptions mean "the input data is bad" (exit code 1) and how to say so in one line.</summary>
internal static partial class DataErrors
{
    public static bool IsDataError(Exception ex) =>
        ex is LogFormatException or FileNotFoundException or DirectoryNotFoundException or InvalidDataException or JsonException or FormatException
        or ArgumentException or InvalidOperationException or IOException or ArithmeticException;

    /// <summary>
    /// The message on one line, as the user should read it: line breaks and the tabs after them become single spaces,
    /// and the .NET tails that name a C# parameter (" (Parameter 'code')", "Actual value was 7.") are removed, wherever
    /// a library message was quoted inside a CLI message. The CLI message itself names the option, column or JSON field.
    /// </summary>
    public static string OneLine(string message)
    {
        var text = string.Join(' ', message.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return ActualValueTail().Replace(ParameterTail().Replace(text, string.Empty), string.Empty);
    }

    /// <summary>
    /// A library validation message as the reason in a CLI message: on one line, without the .NET tails and without
    /// the C# parameter name it starts with ("grossMargin must be in [0, 1] (was '1.2')" becomes "must be in [0, 1] (was '1.2')"),
    /// so the CLI can put the option or JSON field the user wrote in front; no final period.
    /// </summary>
    public static string Reason(ArgumentException ex)
    {
        var text = OneLine(ex.Message);
        if (ex.ParamName is { Length: > 0 } name && text.StartsWith(name + " must ", StringComparison.Ordinal))
        {
            text = text[(name.Length + 1)..];
        }

        return text.TrimEnd('.');
    }

    [GeneratedRegex(@" ?\(Parameter '[^']*'\)")]
    private static partial Regex ParameterTail();

    [GeneratedRegex(@" ?Actual value was .*?\.(?= |$)")]
    private static partial Regex ActualValueTail();
}
