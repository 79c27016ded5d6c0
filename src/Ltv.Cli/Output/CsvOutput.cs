using System.Globalization;
using System.Text;

namespace Ltv.Cli.Output;

/// <summary>
/// Writes a command's CSV output all at once: to standard output, or to a file through a temporary
/// file that replaces the target only when everything was written, so a failure never leaves half a file.
/// Numbers are invariant culture with '.' decimals at full precision (round-trip "R" for doubles).
/// </summary>
internal static class CsvOutput
{
    public static void Write(string? path, TextWriter standardOutput, Action<TextWriter> write)
    {
        if (path is null)
        {
            write(standardOutput);
            return;
        }

        var full = Path.GetFullPath(path);
        var temp = TempPath(full);
        PendingFiles.Add(temp);
        try
        {
            using (var writer = new StreamWriter(temp, false, new UTF8Encoding(false)))
            {
                write(writer);
            }

            File.Move(temp, full, overwrite: true);
        }
        catch (UnauthorizedAccessException)
        {
            // One line naming the user's path, never the temporary file's.
            throw new IOException($"{path}: cannot write the file: permission denied.");
        }
        finally
        {
            PendingFiles.Remove(temp);
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    /// <summary>The temporary file beside an output: <c>OUT.tmp-PID</c>.</summary>
    public static string TempPath(string fullPath) => fullPath + ".tmp-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);

    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Quotes a field when it holds a separator, a quote or a line break (RFC 4180).</summary>
    public static string Field(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
}
