using System.Text;
using Ltv.Core.History;
using Ltv.Core.IO;
using Ltv.Core.Parquet;
using Ltv.Core.Probabilistic.Catalog;

namespace Ltv.Cli.Input;

/// <summary>
/// An input path as the user gave it: <c>-</c> is standard input (the Unix convention), a directory is said to be
/// a directory, a missing file is said to be missing, each in one line naming the path.
/// </summary>
internal static class InputFile
{
    /// <summary>How messages name standard input.</summary>
    public const string StandardInputName = "standard input";

    public static bool IsStandardInput(string path) => path == "-";

    /// <summary>The name messages use for the input: the path as given, or "standard input" for <c>-</c>.</summary>
    public static string DisplayName(string path) => IsStandardInput(path) ? StandardInputName : path;

    /// <summary>Checks that a path (not <c>-</c>) names an existing file.</summary>
    /// <exception cref="FileNotFoundException">Nothing exists at the path, or it is a directory.</exception>
    public static void Check(string path)
    {
        if (IsStandardInput(path) || File.Exists(path))
        {
            return;
        }

        throw Directory.Exists(path)
            ? new FileNotFoundException($"{path}: is a directory, not a file; give the path of a file in it.", path)
            : new FileNotFoundException($"{path}: no such file.", path);
    }

    /// <summary>Opens the input as a stream: standard input for <c>-</c> (claimed for <paramref name="input"/>), else the checked file.</summary>
    public static Stream Open(string path, string input)
    {
        if (IsStandardInput(path))
        {
            return StandardInput.Claim(input);
        }

        Check(path);
        return File.OpenRead(path);
    }

    /// <summary>Reads the whole input as UTF-8 text (a byte order mark is honoured).</summary>
    public static string ReadAllText(string path, string input)
    {
        var stream = Open(path, input);
        using var reader = new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, leaveOpen: IsStandardInput(path));
        return reader.ReadToEnd();
    }

    /// <summary>
    /// Reads a summary from a file or, for <c>-</c>, from standard input claimed for <paramref name="input"/>: Apache
    /// Parquet for a file ending in <c>.parquet</c>, else CSV.
    /// </summary>
    public static CustomerSummaries ReadSummary(string path, string input, IReadOnlyList<string> columns)
    {
        if (!IsStandardInput(path) && path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase))
        {
            Check(path);
            return ParquetSummaryReader.ReadFile(path, columns);
        }

        using var stream = Open(path, input);
        return SummaryCsvReader.Read(stream, DisplayName(path), columns);
    }

    /// <summary>Loads a model JSON from a file or, for <c>-</c>, from standard input claimed for <paramref name="input"/>.</summary>
    public static FittedModel LoadModel(ModelCatalog catalog, string path, string input) =>
        catalog.Load(ReadAllText(path, input), DisplayName(path));
}
