using System.Runtime.InteropServices;

namespace Ltv.Cli.Output;

/// <summary>
/// The temporary files being written right now, removed when the process is stopped (Ctrl-C, SIGTERM, SIGQUIT)
/// so that an interrupted run leaves neither half an output nor an <c>OUT.tmp-PID</c> file.
/// </summary>
internal static class PendingFiles
{
    private static readonly Lock Gate = new();
    private static readonly HashSet<string> Paths = [];

    public static void Add(string path)
    {
        lock (Gate)
        {
            Paths.Add(path);
        }
    }

    public static void Remove(string path)
    {
        lock (Gate)
        {
            Paths.Remove(path);
        }
    }

    /// <summary>Deletes every pending file (the signal handler; also called by tests to stand in for a signal).</summary>
    public static void DeleteAll()
    {
        lock (Gate)
        {
            foreach (var path in Paths)
            {
                try
                {
                    File.Delete(path);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // Stopping anyway; nothing better to do with a file that cannot be removed.
                }
            }

            Paths.Clear();
        }
    }

    /// <summary>Registers the handlers for the process; dispose them when the command has finished.</summary>
    /// <returns>The registrations.</returns>
    public static IDisposable RegisterSignals()
    {
        var registrations = new List<PosixSignalRegistration>();
        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGQUIT })
        {
            try
            {
                // The default action (stop the process) still runs after the handler.
                registrations.Add(PosixSignalRegistration.Create(signal, _ => DeleteAll()));
            }
            catch (PlatformNotSupportedException)
            {
                // SIGQUIT is not supported on Windows.
            }
        }

        return new Registrations(registrations);
    }

    private sealed class Registrations(List<PosixSignalRegistration> registrations) : IDisposable
    {
        public void Dispose()
        {
            foreach (var r in registrations)
            {
                r.Dispose();
            }
        }
    }
}
