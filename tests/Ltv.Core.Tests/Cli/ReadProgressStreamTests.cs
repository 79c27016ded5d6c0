using Ltv.Cli.Output;

namespace Ltv.Core.Tests.Cli;

public class ReadProgressStreamTests
{
    [Fact]
    public void A_long_read_shows_share_and_seconds_at_doubling_intervals_and_keeps_every_byte()
    {
        var clock = new ManualClock();
        var data = new byte[10 * 1024 * 1024];
        new Random(1).NextBytes(data);
        var writer = new StringWriter();
        using var stream = new ReadProgressStream(new MemoryStream(data), "orders.csv", writer, clock);
        var copy = new MemoryStream();
        var buffer = new byte[1024 * 1024];
        int n;
        while ((n = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            copy.Write(buffer, 0, n);
            clock.Seconds += 1.2;
        }

        Assert.Equal(data, copy.ToArray());
        var lines = writer.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["reading orders.csv: 30% (3 of 10 MB), 2 s", "reading orders.csv: 50% (5 of 10 MB), 5 s", "reading orders.csv: 80% (8 of 10 MB), 8 s"], lines);
    }

    [Fact]
    public void A_short_read_shows_nothing()
    {
        var clock = new ManualClock();
        var writer = new StringWriter();
        using var stream = new ReadProgressStream(new MemoryStream(new byte[4096]), "orders.csv", writer, clock);
        clock.Seconds = 1.9;
        stream.ReadExactly(new byte[4096]);
        Assert.Equal(string.Empty, writer.ToString());
        Assert.Equal(0, stream.Lines);
    }

    private sealed class ManualClock : TimeProvider
    {
        public double Seconds { get; set; }

        public override long TimestampFrequency => 1_000_000;

        public override long GetTimestamp() => (long)Math.Round(Seconds * TimestampFrequency);
    }
}
