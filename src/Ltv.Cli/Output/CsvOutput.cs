using System.Globalization;
using System.Text;

namespace Ltv.Cli.Output;

/// <summary>
/// Writes a command's CSV output all at once: to standard output, or to a file through a temporary
/// file that replaces the target only when everything was written, so a failure never leaves half a file.
/// No path, or <c>-</c>, is standard output. Errors name the path the user gave, never the temporary file.
/// Numbers are invariant culture with '.' decimals at full precision (round-trip "R" for doubles).
/// </summary>
internal static class CsvOutput
{
    /// <summary>True when the output goes to standard output: no path, or <c>-</c> (the Unix convention).</summary>
    public static bool IsStandardOutput(string? path) => path is null or "-";

    public static void Write(string? path, TextWriter standardOutput, Action<TextWriter> write)
    {
        if (IsStandardOutput(path))
        {
            write(standardOutput);
            return;
        }

        WriteFile(path!, temp => new StreamWriter(temp, false, new UTF8Encoding(false)), writer =>
        {
            using (writer)
            {
                write(writer);
            }
        });
    }

    /// <summary>True when an output path names a Parquet file (it ends in <c>.parquet</c>); standard output is always CSV.</summary>
    public static bool IsParquet(string? path) => !IsStandardOutput(path) && path!.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase);

    /// <summary>Writes a binary file (Parquet) through a temporary file, as <see cref="Write"/> writes text.</summary>
    public static void WriteBinary(string path, Action<Stream> write) =>
        WriteFile(path, temp => new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None), stream =>
        {
            using (stream)
            {
                write(stream);
            }
        });

    private static void WriteFile<T>(string path, Func<string, T> open, Action<T> write)
    {
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw new IOException($"{path}: is a directory; give a file name to write to.");
        }

        var folder = Path.GetDirectoryName(full);
        if (folder is not null && !Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"{path}: the folder '{Path.GetDirectoryName(path)}' does not exist; create it first or write elsewhere.");
        }

        var temp = TempPath(full);
        PendingFiles.Add(temp);
        try
        {
            T target;
            try
            {
                target = open(temp);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new IOException($"{path}: cannot be written ({e.Message.Replace(temp, full, StringComparison.Ordinal)})", e);
            }

            write(target);
            try
            {
                File.Move(temp, full, overwrite: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new IOException($"{path}: cannot be written ({e.Message.Replace(temp, full, StringComparison.Ordinal)})", e);
            }
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
