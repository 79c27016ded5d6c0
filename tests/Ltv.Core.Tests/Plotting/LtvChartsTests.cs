using System.Text;

using Ltv.Core.Datasets;
using Ltv.Core.Domain;
using Ltv.Core.Plotting;
using Ltv.Core.Probabilistic.Contractual;
using Ltv.Core.Probabilistic.Holdout;
using Ltv.Core.Probabilistic.Models;

namespace Ltv.Core.Tests.Plotting;

/// <summary>The charts draw the library's numbers and render to real PNG/SVG images (what the notebook and CI show).</summary>
public class LtvChartsTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public void The_retention_curve_draws_the_model_and_the_observed_shares_and_renders()
    {
        var model = SbgModel.FitSurvivors(Probabilistic.Contractual.SbgModelTests.Regular, TimeUnit.Year).EnsureConverged().Model;
        var curve = RetentionCurve.Compute(model, 12, Probabilistic.Contractual.SbgModelTests.Regular);

        var chart = LtvCharts.RetentionCurve(curve);
        var scatters = chart.GetPlottables<ScottPlot.Plottables.Scatter>().ToList();
        Assert.Equal(["observed", "sBG"], scatters.Select(s => s.LegendText));
        Assert.Equal(curve.ObservedSurvival!, scatters[0].Data.GetScatterPoints().Select(p => p.Y));
        Assert.Equal(curve.Survival, scatters[1].Data.GetScatterPoints().Select(p => p.Y));
        Assert.Equal(Enumerable.Range(0, 13).Select(t => (double)t), scatters[1].Data.GetScatterPoints().Select(p => p.X));

        var rates = LtvCharts.RetentionCurve(curve, retentionRate: true).GetPlottables<ScottPlot.Plottables.Scatter>().ToList();
        Assert.Equal(curve.Retention, rates[1].Data.GetScatterPoints().Select(p => p.Y));
        Assert.Equal(1, rates[1].Data.GetScatterPoints()[0].X);

        var two = LtvCharts.RetentionCurves([new("Regular", curve), new("High End", RetentionCurve.Compute(new SbgModel(0.668, 3.806, TimeUnit.Year), 12))]);
        Assert.Equal(["Regular observed", "Regular sBG", "High End sBG"], two.GetPlottables<ScottPlot.Plottables.Scatter>().Select(s => s.LegendText));

        var png = LtvCharts.ToPng(chart);
        Assert.Equal(PngSignature, png.Take(8));
        Assert.True(png.Length > 5000, $"the PNG is only {png.Length} bytes");
        Assert.Contains("<svg", LtvCharts.ToSvg(chart), StringComparison.Ordinal);
        Assert.StartsWith("<img src='data:image/png;base64,", LtvCharts.ToHtml(chart, 300, 200), StringComparison.Ordinal);
    }

    [Fact]
    public void Calibration_vs_holdout_draws_each_reports_bins_on_one_actual_line()
    {
        var summaries = CdnowDatasets.LoadSample().Summaries;
        var bg = HoldoutValidation.Evaluate(new BgNbdModel(0.243, 4.414, 0.793, 2.426, TimeUnit.Week), summaries);
        var pnbd = HoldoutValidation.Evaluate(new ParetoNbdModel(0.553, 10.578, 0.606, 11.669, TimeUnit.Week), summaries);

        var lines = LtvCharts.CalibrationVsHoldout([bg, pnbd]).GetPlottables<ScottPlot.Plottables.Scatter>().ToList();

        Assert.Equal(["actual", "BG/NBD", "Pareto/NBD"], lines.Select(s => s.LegendText));
        Assert.Equal(bg.ByCalibrationFrequency().Select(b => b.MeanActual), lines[0].Data.GetScatterPoints().Select(p => p.Y));
        Assert.Equal(pnbd.ByCalibrationFrequency().Select(b => b.MeanPredicted), lines[2].Data.GetScatterPoints().Select(p => p.Y));
    }

    [Fact]
    public void The_histogram_refuses_series_of_another_length_naming_the_series()
    {
        var e = Assert.Throws<ArgumentException>(() => LtvCharts.CalibrationHistogram([1, 2, 3], [new ChartSeries("BG/NBD", [1, 2])]));
        Assert.Contains("'BG/NBD' holds 2 values, actual 3", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => LtvCharts.ToPng(new ScottPlot.Plot(), 0, 10));
    }
}
