using System.Text;

using Ltv.Core.Domain;
using Ltv.Core.History;
using Ltv.Core.IO;

namespace Ltv.Core.Tests.IO;

/// <summary>The CSV and CDNOW readers report progress and stop on cancellation on the cadence of the database reader.</summary>
public sealed class CsvReadProgressTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ltv-csv-progress-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>200,000 rows of 20,000 customers (long enough for the id lookup thread to start).</summary>
    private string Log()
    {
        var path = Path.Combine(_dir, "log.csv");
        using var writer = new StreamWriter(path);
        CsvLogWriter.Write(SyntheticPurchaseLog.Generate(200_000, 20_000, seed: 7), writer);
        return path;
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1)]
    public void A_whole_read_reports_every_65536_rows_and_at_the_end(int threads)
    {
        var reports = new List<long>();
        var read = CsvLogReader.ReadFile(Log(), new CsvLogOptions { MaxDegreeOfParallelism = threads }, new Recorder(reports));

        Assert.Equal(200_000, read.Report.RowsAccepted);
        Assert.Equal([65_536L, 131_072L, 196_608L, 200_000L], reports);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1)]
    public void Cancelling_stops_the_read_within_4096_rows(int threads)
    {
        using var cts = new CancellationTokenSource();
        var reports = new List<long>();
        var options = new CsvLogOptions { MaxDegreeOfParallelism = threads };

        // Cancelled at the first report (row 65,536): the read stops at the next look, row 69,632, on either path.
        Assert.Throws<OperationCanceledException>(() => CsvLogReader.ReadFile(Log(), options, new Recorder(reports, cts.Cancel), cts.Token));
        Assert.Equal([65_536L], reports);

        // A token cancelled before the read: nothing is read.
        Assert.Throws<OperationCanceledException>(() => CsvLogReader.ReadFile(Log(), options, cancellationToken: cts.Token));
    }

    [Fact]
    public void A_streaming_summary_reports_and_cancels_too()
    {
        var reports = new List<long>();
        var summary = new SummaryOptions(new DateOnly(2030, 12, 31), TimeUnit.Week);
        var result = CsvLogReader.SummarizeFile(Log(), summary, progress: new Recorder(reports));
        Assert.Equal([65_536L, 131_072L, 196_608L, 200_000L], reports);
        Assert.Equal(200_000, result.Report.RowsRead);

        using var cts = new CancellationTokenSource();
        Assert.Throws<OperationCanceledException>(() => CsvLogReader.SummarizeFile(Log(), summary, progress: new Recorder([], cts.Cancel), cancellationToken: cts.Token));
    }

    [Fact]
    public void The_cdnow_reader_reports_its_lines_and_cancels()
    {
        var text = new StringBuilder();
        for (var i = 0; i < 70_000; i++)
        {
            text.Append(i % 1000).Append(" 19970101 1 10.00\n");
        }

        var reports = new List<long>();
        var read = CdnowLogReader.Read(new StringReader(text.ToString()), "cdnow.txt", progress: new Recorder(reports));
        Assert.Equal(70_000, read.Report.RowsAccepted);
        Assert.Equal([65_536L, 70_000L], reports);

        using var cts = new CancellationTokenSource();
        Assert.Throws<OperationCanceledException>(() => CdnowLogReader.Read(new StringReader(text.ToString()), "cdnow.txt", progress: new Recorder([], cts.Cancel), cancellationToken: cts.Token));
    }

    private sealed class Recorder(List<long> seen, Action? onReport = null) : IProgress<long>
    {
        public void Report(long value)
        {
            seen.Add(value);
            onReport?.Invoke();
        }
    }
}
