using Ltv.Cli.Output;

namespace Ltv.Core.Tests.Cli;

public sealed class RowProgressReporterTests
{
    [Fact]
    public void A_long_query_read_shows_rows_and_seconds_at_doubling_intervals()
    {
        var clock = new ManualClock();
        var writer = new StringWriter();
        var progress = new RowProgressReporter("query", writer, clock);
        for (var i = 1; i <= 10; i++)
        {
            clock.Seconds = i * 1.2;
            progress.Report(i * 65_536L);
        }

        Assert.Equal(["reading query: 131,072 rows, 2 s", "reading query: 262,144 rows, 5 s", "reading query: 458,752 rows, 8 s"], writer.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(3, progress.Lines);
    }

    [Fact]
    public void A_short_query_read_shows_nothing()
    {
        var clock = new ManualClock();
        var writer = new StringWriter();
        var progress = new RowProgressReporter("query", writer, clock);
        clock.Seconds = 1.9;
        progress.Report(1_000_000);

        Assert.Equal(string.Empty, writer.ToString());
    }

    private sealed class ManualClock : TimeProvider
    {
        public double Seconds { get; set; }

        public override long TimestampFrequency => 1_000_000;

        public override long GetTimestamp() => (long)Math.Round(Seconds * TimestampFrequency);
    }
}
