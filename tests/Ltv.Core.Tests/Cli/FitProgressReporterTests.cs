using Ltv.Cli.Output;
using Ltv.Core.Probabilistic.Fitting;

namespace Ltv.Core.Tests.Cli;

public class FitProgressReporterTests
{
    [Fact]
    public void Nothing_within_the_first_second_then_one_line_at_1_2_4_8_seconds()
    {
        var clock = new ManualClock();
        using var writer = new StringWriter();
        var reporter = new FitProgressReporter(writer, "Pareto/NBD", clock);

        foreach (var (seconds, evaluations) in new[] { (0.2, 1), (0.9, 2), (1.0, 3), (1.5, 4), (2.2, 5), (3.9, 6), (4.0, 7), (7.9, 8), (30.0, 9), (31.0, 10) })
        {
            clock.Seconds = seconds;
            reporter.Report(new FitProgress(evaluations, -9595.123456));
        }

        var lines = writer.ToString().ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            [
                "fitting Pareto/NBD: 1 s, 3 evaluations, best log-likelihood -9595.1235",
                "fitting Pareto/NBD: 2 s, 5 evaluations, best log-likelihood -9595.1235",
                "fitting Pareto/NBD: 4 s, 7 evaluations, best log-likelihood -9595.1235",
                "fitting Pareto/NBD: 30 s, 9 evaluations, best log-likelihood -9595.1235",
            ],
            lines);
        Assert.Equal(4, reporter.Lines);
    }

    [Fact]
    public void A_fit_shorter_than_a_second_writes_nothing()
    {
        var clock = new ManualClock();
        using var writer = new StringWriter();
        var reporter = new FitProgressReporter(writer, "BG/NBD", clock);

        for (var i = 0; i < 1000; i++)
        {
            clock.Seconds = i / 1001.0;
            reporter.Report(new FitProgress(i, -1));
        }

        Assert.Equal(string.Empty, writer.ToString());
    }

    private sealed class ManualClock : TimeProvider
    {
        public double Seconds { get; set; }

        public override long TimestampFrequency => 1_000_000;

        public override long GetTimestamp() => (long)Math.Round(Seconds * TimestampFrequency);
    }
}
