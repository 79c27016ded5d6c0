using Ltv.Cli.Output;
using Ltv.Core.Tests.TestSupport;

namespace Ltv.Core.Tests.Cli;

/// <summary>
/// A stop (SIGINT, SIGTERM) mid-write: the handler deletes every pending temporary file of the process, so this test runs
/// alone (<see cref="ProcessWideTests"/>); run beside the other command-line tests it deleted their outputs mid-write.
/// </summary>
[Collection(ProcessWideTests.Name)]
public sealed class StopWhileWritingCliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ltv-cli-stop-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void A_stop_while_writing_removes_the_temporary_file()
    {
        // The SIGINT/SIGTERM handler calls PendingFiles.DeleteAll; calling it from inside the write stands in
        // for a signal that arrives mid-write (the process then stops; here the move finds no file and throws).
        var output = Path.Combine(_dir, "out.csv");
        var temp = CsvOutput.TempPath(output);
        Assert.ThrowsAny<IOException>(() => CsvOutput.Write(output, TextWriter.Null, writer =>
        {
            writer.WriteLine("half");
            writer.Flush();
            Assert.True(File.Exists(temp));
            PendingFiles.DeleteAll();
        }));
        Assert.False(File.Exists(temp));
        Assert.False(File.Exists(output));
        Assert.Empty(Directory.GetFiles(_dir));

        CsvOutput.Write(output, TextWriter.Null, writer => writer.WriteLine("whole"));
        PendingFiles.DeleteAll();
        Assert.Equal("whole\n", File.ReadAllText(output).Replace("\r\n", "\n", StringComparison.Ordinal));
    }
}
