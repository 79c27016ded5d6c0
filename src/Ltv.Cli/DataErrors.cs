using System.Text.Json;
using Ltv.Core.IO;

namespace Ltv.Cli;

/// <summary>Which exceptions mean "the input data is bad" (exit code 1) and how to say so in one line.</summary>
internal static class DataErrors
{
    public static bool IsDataError(Exception ex) =>
        ex is LogFormatException or FileNotFoundException or DirectoryNotFoundException or InvalidDataException or JsonException or FormatException
        or ArgumentException or InvalidOperationException or IOException or ArithmeticException;

    /// <summary>The message on one line: line breaks and the tabs after them become single spaces.</summary>
    public static string OneLine(string message) => string.Join(' ', message.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
