using Ltv.Core.Datasets;
using Ltv.Core.Domain;
using Ltv.Core.History;
using Ltv.Core.Probabilistic.Holdout;
using Ltv.Core.Probabilistic.Models;
using Ltv.Core.Tests.TestSupport;

namespace Ltv.Core.Tests.Probabilistic.Holdout;

public class HoldoutValidationTests
{
    private static readonly Lazy<CdnowDataset> Cdnow = new(CdnowDatasets.LoadSample);

    private static HoldoutReport Bg => HoldoutValidation.Evaluate(CdnowFits.BgNbd.Model, Cdnow.Value.Summaries);

    [Fact]
    public void The_holdout_is_39_weeks_and_actual_counts_match_a_count_from_the_raw_file()
    {
        var report = Bg;
        var raw = CdnowRawCounts.Sample;

        Assert.Equal(39, report.HoldoutLength, 12);
        Assert.Equal(2357, report.CustomerCount);
        for (var i = 0; i < report.CustomerCount; i++)
        {
            var id = report.CustomerIds[i];
            Assert.Equal(raw.HoldoutTransactions[id], report.Actual[i]);
            Assert.Equal(raw.CalibrationRepeats[id], report.CalibrationFrequency[i]);
        }

        Assert.Equal(raw.HoldoutTransactions.Values.Sum(), report.TotalActual);
        Assert.Equal(1882, report.TotalActual);
    }

    [Fact]
    public void Predictions_equal_an_independent_bg_nbd_conditional_expectation_per_customer()
    {
        var fit = CdnowFits.BgNbd.Model;
        var report = Bg;
        var s = Cdnow.Value.Summaries;

        for (var i = 0; i < report.CustomerCount; i += 7)
        {
            var expected = IndependentBgNbd.ConditionalExpectation(fit.R, fit.Alpha, fit.A, fit.B, 39, s.Frequency[i], s.Recency[i], s.Age[i]);
            Assert.Equal(expected, report.Predicted[i], 1e-9);
        }
    }

    // The calibration-vs-holdout table on CDNOW computed with the peers' method: group customers by calibration
    // frequency and average frequency_holdout and conditional_expected_number_of_purchases_up_to_time(39, x, t_x, T)
    // (lifetimes.plotting.plot_calibration_purchases_vs_holdout_purchases, kind="frequency_cal", n=7; BTYD's
    // bgnbd/pnbd.PlotFreqVsConditionalExpectedFrequency with censor = 7 adds the "7+" bin).
    [Theory]
    [InlineData("BG/NBD", 0, 1411, 0.2367, 0.2251)]
    [InlineData("BG/NBD", 1, 439, 0.6970, 0.5231)]
    [InlineData("BG/NBD", 2, 214, 1.3925, 1.0441)]
    [InlineData("BG/NBD", 3, 100, 1.5600, 1.5203)]
    [InlineData("BG/NBD", 4, 62, 2.5323, 2.1639)]
    [InlineData("BG/NBD", 5, 38, 2.9474, 2.6538)]
    [InlineData("BG/NBD", 6, 29, 3.8621, 3.5040)]
    [InlineData("BG/NBD", 7, 64, 6.3594, 6.1572)]
    [InlineData("Pareto/NBD", 0, 1411, 0.2367, 0.1384)]
    [InlineData("Pareto/NBD", 1, 439, 0.6970, 0.5995)]
    [InlineData("Pareto/NBD", 2, 214, 1.3925, 1.1958)]
    [InlineData("Pareto/NBD", 3, 100, 1.5600, 1.7138)]
    [InlineData("Pareto/NBD", 7, 64, 6.3594, 6.4031)]
    public void The_calibration_vs_holdout_table_on_cdnow(string model, int bin, int customers, double actual, double predicted)
    {
        ICountModel m = model == "BG/NBD" ? CdnowFits.BgNbd.Model : CdnowFits.ParetoNbd.Model;
        var table = HoldoutValidation.Evaluate(m, Cdnow.Value.Summaries).ByCalibrationFrequency(7);

        Assert.Equal(8, table.Count);
        Assert.Equal(customers, table[bin].CustomerCount);
        Assert.Equal(actual, table[bin].MeanActual, 0.00005);
        Assert.Equal(predicted, table[bin].MeanPredicted, 0.00005);
        Assert.Equal(bin == 7 ? "7+" : bin.ToString(System.Globalization.CultureInfo.InvariantCulture), table[bin].Label);
    }

    [Fact]
    public void Lifetimes_table_drops_the_open_bin_and_bins_average_the_per_customer_values()
    {
        var report = Bg;
        var lifetimes = report.ByCalibrationFrequency(7, openTop: false);

        Assert.Equal(["0", "1", "2", "3", "4", "5", "6"], lifetimes.Select(b => b.Label));
        Assert.Equal(2357 - 64, lifetimes.Sum(b => b.CustomerCount));
        var ones = Enumerable.Range(0, report.CustomerCount).Where(i => report.CalibrationFrequency[i] == 1).ToArray();
        Assert.Equal(ones.Average(i => report.Predicted[i]), lifetimes[1].MeanPredicted, 1e-12);
        Assert.Equal(ones.Average(i => (double)report.Actual[i]), lifetimes[1].MeanActual, 1e-12);
    }

    [Fact]
    public void Error_measures_follow_their_definitions()
    {
        var report = Bg;
        var n = report.CustomerCount;
        var errors = Enumerable.Range(0, n).Select(i => report.Predicted[i] - report.Actual[i]).ToArray();
        var a = Enumerable.Range(0, n).Select(i => (double)report.Actual[i]).ToArray();
        var p = Enumerable.Range(0, n).Select(i => report.Predicted[i]).ToArray();

        Assert.Equal(errors.Average(Math.Abs), report.MeanAbsoluteError, 1e-12);
        Assert.Equal(Math.Sqrt(errors.Average(e => e * e)), report.RootMeanSquaredError, 1e-12);
        Assert.Equal(MathNet.Numerics.Statistics.Correlation.Pearson(a, p), report.Correlation!.Value, 1e-12);
        Assert.Equal((p.Sum() - a.Sum()) / a.Sum() * 100, report.TotalErrorPercent!.Value, 1e-9);
        Assert.Equal(0.7855, report.MeanAbsoluteError, 0.00005);
        Assert.Equal(1.6080, report.RootMeanSquaredError, 0.00005);
        Assert.Equal(0.6256, report.Correlation!.Value, 0.00005);
        Assert.Equal(-12.15, report.TotalErrorPercent!.Value, 0.005);
        Assert.Contains("MAE 0.7855, RMSE 1.6080, correlation 0.6256", report.ToText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Tracking_counts_match_the_raw_file_and_expected_is_the_cohort_sum_of_e_x_t()
    {
        var fit = CdnowFits.BgNbd.Model;
        var tracking = TransactionTracking.Compute(fit, Cdnow.Value.Log, CdnowDatasets.StandardOptions);
        var raw = CdnowRawCounts.Sample;

        Assert.Equal(78, tracking.PeriodCount);
        Assert.Equal(39, tracking.CalibrationPeriods);
        Assert.Equal(raw.RepeatsByWeek, tracking.ActualIncremental);
        Assert.Equal(4339, tracking.ActualCumulative[^1]);
        Assert.Equal(1882, tracking.HoldoutActual);

        // Expected at week 78: each customer's E[X(78 - s)], s = first purchase week, from an independent closed form.
        var log = Cdnow.Value.Log;
        var origin = DateOnly.FromDayNumber(log.DayNumber.ToArray().Min());
        var births = Enumerable.Range(0, log.Count).GroupBy(i => log.CustomerIndex[i]).Select(g => g.Min(i => log.DayNumber[i]));
        var expected = births.Sum(b => IndependentBgNbd.Expectation(fit.R, fit.Alpha, fit.A, fit.B, 78 - ((b - origin.DayNumber) / 7.0)));
        Assert.Equal(expected, tracking.ExpectedCumulative[^1], 1e-6);
        Assert.Equal(tracking.ExpectedCumulative[^1], tracking.ExpectedIncremental.Sum(), 1e-9);
    }

    [Fact]
    public void Bad_inputs_name_the_field_and_value()
    {
        var noHoldout = CdnowDatasets.LoadSample().Log.Summarize(new SummaryOptions(new DateOnly(1998, 6, 30), TimeUnit.Week));
        ErrorAssert.Throws<ArgumentException>(() => HoldoutValidation.Evaluate(CdnowFits.BgNbd.Model, noHoldout), "summaries", "not set");
        ErrorAssert.Throws<UnitMismatchException>(() => HoldoutValidation.Evaluate(new BgNbdModel(1, 1, 1, 1, TimeUnit.Day), Cdnow.Value.Summaries), "day", "week");
        ErrorAssert.Throws<ArgumentOutOfRangeException>(() => Bg.ByCalibrationFrequency(0), "censor", "0");
        ErrorAssert.Throws<ArgumentException>(() => TransactionTracking.Compute(CdnowFits.BgNbd.Model, Cdnow.Value.Log, CdnowDatasets.StandardOptions with { Grouping = TransactionGrouping.SamePeriod }), "Grouping", "SamePeriod");
    }
}

public class FrequencyRecencyMatrixTests
{
    [Fact]
    public void Cells_are_the_model_predictions_and_impossible_cells_are_zero()
    {
        var model = new BgNbdModel(0.243, 4.414, 0.793, 2.426, TimeUnit.Week);

        var matrix = FrequencyRecencyMatrix.Compute(model, 38.86, 39, maximumFrequency: 5, columns: 3);

        Assert.Equal([0, 19.43, 38.86], matrix.Recency);
        Assert.Equal(model.ProbabilityAlive(2, 19.43, 38.86), matrix.ProbabilityAlive[2][1]);
        Assert.Equal(model.ConditionalExpectedPurchases(39, 5, 38.86, 38.86), matrix.ExpectedPurchases[5][2]);
        Assert.Equal(1.0, matrix.ProbabilityAlive[0][0]);
        Assert.Equal(0.0, matrix.ProbabilityAlive[0][1]);
        Assert.Equal(0.0, matrix.ExpectedPurchases[3][0]);
        ErrorAssert.Throws<ArgumentOutOfRangeException>(() => FrequencyRecencyMatrix.Compute(model, 0, 39), "age", "0");
    }
}
