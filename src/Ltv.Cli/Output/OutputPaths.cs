namespace Ltv.Cli.Output;

/// <summary>
/// Checks every file a command will write before it reads anything: no output may be an input or another
/// output (full paths, symbolic links resolved), and each must be writable, so that a run never overwrites
/// its source, never writes one file twice, and never fails after half of its outputs were written.
/// </summary>
internal static class OutputPaths
{
    /// <summary>A path that means standard input or output, not a file.</summary>
    private const string Standard = "-";

    private static readonly StringComparison PathComparison =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary>Refuses a clash or an unwritable output, naming the options and the paths as the user wrote them.</summary>
    /// <param name="inputs">The files the command reads: option or argument name, and path (null when not given).</param>
    /// <param name="outputs">The files the command writes: option name, and path (null for standard output).</param>
    /// <exception cref="UsageException">An output is an input or another output.</exception>
    /// <exception cref="IOException">An output cannot be written (missing folder, a file in place of a folder, no permission).</exception>
    public static void Check(IEnumerable<(string Name, string? Path)> inputs, IEnumerable<(string Name, string? Path)> outputs)
    {
        var seen = new List<(string Name, string Path, string Full, bool Input)>();
        foreach (var (name, path) in inputs)
        {
            if (path is not null && path != Standard)
            {
                seen.Add((name, path, Resolve(path), true));
            }
        }

        foreach (var (name, path) in outputs)
        {
            if (path is null || path == Standard)
            {
                continue;
            }

            var full = Resolve(path);
            foreach (var other in seen)
            {
                if (string.Equals(full, other.Full, PathComparison))
                {
                    var what = other.Input ? "an input" : "another output";
                    throw new UsageException($"{name}: '{path}' is the same file as {other.Name} '{other.Path}', {what}; writing it would destroy that file: give another path.");
                }
            }

            CheckWritable(name, path, Path.GetFullPath(path));
            seen.Add((name, path, full, false));
        }
    }

    /// <summary>The full path with a symbolic link at the file, or at its folder, resolved (cheap: two link reads).</summary>
    internal static string Resolve(string path)
    {
        var full = Path.GetFullPath(path);
        try
        {
            if (new FileInfo(full) is { LinkTarget: not null } link && link.ResolveLinkTarget(returnFinalTarget: true) is { } target)
            {
                full = target.FullName;
            }

            if (Path.GetDirectoryName(full) is { } folder && new DirectoryInfo(folder) is { LinkTarget: not null } folderLink
                && folderLink.ResolveLinkTarget(returnFinalTarget: true) is { } folderTarget)
            {
                full = Path.Combine(folderTarget.FullName, Path.GetFileName(full));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // An unreadable link compares by its own path.
        }

        return full;
    }

    private static void CheckWritable(string name, string path, string full)
    {
        if (Directory.Exists(full))
        {
            throw new IOException($"{name}: cannot write '{path}': it is a folder; give a file name.");
        }

        var folder = Path.GetDirectoryName(full) ?? full;
        if (File.Exists(folder))
        {
            throw new IOException($"{name}: cannot write '{path}': '{folder}' is a file, not a folder.");
        }

        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"{name}: cannot write '{path}': the folder '{folder}' does not exist.");
        }

        // Create and remove the temporary file the write will use: the surest test of permission, read-only
        // mounts included, without touching an existing output.
        var probe = CsvOutput.TempPath(full);
        try
        {
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
            }

            File.Delete(probe);
        }
        catch (UnauthorizedAccessException)
        {
            throw new IOException($"{name}: cannot write '{path}': permission denied in the folder '{folder}'.");
        }
        catch (IOException e)
        {
            throw new IOException($"{name}: cannot write '{path}': {e.Message.Replace(probe, full, StringComparison.Ordinal)}");
        }
    }
}
