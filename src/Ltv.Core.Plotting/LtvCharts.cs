using Ltv.Core.Cohorts;
using Ltv.Core.Probabilistic.Holdout;
using Ltv.Core.Scenarios;
using Plotly.NET;
using Plotly.NET.CSharp;
using PlotlyChart = Plotly.NET.CSharp.Chart;

namespace Ltv.Core.Plotting;

/// <summary>
/// Plotly.NET charts of the plot data Ltv.Core computes. Every method only draws: the numbers come from
/// the library (<see cref="HoldoutReport"/>, <see cref="TrackingSeries"/>, <see cref="FrequencyRecencyMatrix"/>,
/// <see cref="CohortTable"/>, <see cref="TornadoTable"/>, the calibration histograms of
/// <c>CountModelExtensions</c>). Display a chart in a notebook, or write it with <see cref="ToHtml"/>.
/// </summary>
public static class LtvCharts
{
    /// <summary>Customers by number of calibration repeat purchases, actual vs model (lifetimes' <c>plot_period_transactions</c>).</summary>
    /// <param name="actual">Actual customers per count 0..n-1 and "n+" (<c>CountModelExtensions.ActualCalibrationHistogram</c>).</param>
    /// <param name="expected">Expected customers per count (<c>ExpectedCalibrationHistogram</c>).</param>
    /// <returns>The chart.</returns>
    public static GenericChart CalibrationHistogram(IReadOnlyList<double> actual, IReadOnlyList<double> expected)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(expected);
        var labels = Enumerable.Range(0, actual.Count).Select(i => i == actual.Count - 1 ? $"{i}+" : i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        return PlotlyChart.Combine(
        [
            PlotlyChart.Column<double, string, string>(values: actual, Keys: labels, Name: "actual"),
            PlotlyChart.Column<double, string, string>(values: expected, Keys: labels, Name: "model"),
        ]).WithXAxisStyle<double, double, string>(TitleText: "repeat purchases").WithYAxisStyle<double, double, string>(TitleText: "customers");
    }

    /// <summary>Mean actual vs predicted holdout purchases by calibration frequency (lifetimes' <c>plot_calibration_purchases_vs_holdout_purchases</c>).</summary>
    /// <param name="bins">From <see cref="HoldoutReport.ByCalibrationFrequency"/>.</param>
    /// <returns>The chart.</returns>
    public static GenericChart CalibrationVsHoldout(IReadOnlyList<HoldoutBin> bins)
    {
        ArgumentNullException.ThrowIfNull(bins);
        var labels = bins.Select(b => b.Label).ToArray();
        return PlotlyChart.Combine(
        [
            PlotlyChart.Line<string, double, string>(x: labels, y: bins.Select(b => b.MeanActual), Name: "actual", ShowMarkers: true),
            PlotlyChart.Line<string, double, string>(x: labels, y: bins.Select(b => b.MeanPredicted), Name: "model", ShowMarkers: true),
        ]).WithXAxisStyle<double, double, string>(TitleText: "purchases in calibration").WithYAxisStyle<double, double, string>(TitleText: "mean purchases in holdout");
    }

    /// <summary>Actual vs expected repeat transactions per period, cumulative or incremental (the tracking plots).</summary>
    /// <param name="series">The tracking series.</param>
    /// <param name="cumulative">Cumulative (true) or per period (false).</param>
    /// <returns>The chart.</returns>
    public static GenericChart Tracking(TrackingSeries series, bool cumulative = true)
    {
        ArgumentNullException.ThrowIfNull(series);
        var periods = Enumerable.Range(1, series.PeriodCount).ToArray();
        var actual = cumulative ? series.ActualCumulative : series.ActualIncremental;
        var expected = cumulative ? series.ExpectedCumulative : series.ExpectedIncremental;
        var unit = series.Unit.ToString().ToLowerInvariant();
        return PlotlyChart.Combine(
        [
            PlotlyChart.Line<int, double, string>(x: periods, y: actual, Name: "actual"),
            PlotlyChart.Line<int, double, string>(x: periods, y: expected, Name: "model"),
        ])
          .WithXAxisStyle<double, double, string>(TitleText: unit).WithYAxisStyle<double, double, string>(TitleText: "repeat transactions");
    }

    /// <summary>Heat map of P(alive) by frequency and recency (lifetimes' <c>plot_probability_alive_matrix</c>).</summary>
    /// <param name="matrix">The matrix.</param>
    /// <returns>The chart.</returns>
    public static GenericChart ProbabilityAliveMatrix(FrequencyRecencyMatrix matrix) =>
        Heatmap(Guard(matrix).ProbabilityAlive, matrix);

    /// <summary>Heat map of expected purchases in the matrix's horizon by frequency and recency (lifetimes' <c>plot_frequency_recency_matrix</c>).</summary>
    /// <param name="matrix">The matrix.</param>
    /// <returns>The chart.</returns>
    public static GenericChart ExpectedPurchasesMatrix(FrequencyRecencyMatrix matrix) =>
        Heatmap(Guard(matrix).ExpectedPurchases, matrix);

    /// <summary>Cumulative realised revenue per customer by age, one line per acquisition cohort.</summary>
    /// <param name="table">The cohorts.</param>
    /// <returns>The chart.</returns>
    public static GenericChart Cohorts(CohortTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var lines = table.Cohorts.Select(c => PlotlyChart.Line<int, double, string>(
            x: Enumerable.Range(0, c.ObservedAges),
            y: c.CumulativeRevenuePerCustomer.Select(m => (double)m.Amount),
            Name: c.Key));
        return PlotlyChart.Combine(lines)
            .WithXAxisStyle<double, double, string>(TitleText: "age in " + table.Period.ToString().ToLowerInvariant() + "s").WithYAxisStyle<double, double, string>(TitleText: "revenue per customer, " + table.Currency.Code);
    }

    /// <summary>A tornado chart: each driver's LTV change at its low and high setting, widest bar on top.</summary>
    /// <param name="table">The tornado table.</param>
    /// <returns>The chart.</returns>
    public static GenericChart Tornado(TornadoTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var rows = table.Rows.Reverse().ToArray();
        var names = rows.Select(r => r.Driver.ToString()).ToArray();
        return PlotlyChart.Combine(
        [
            PlotlyChart.Bar<double, string, string>(values: rows.Select(r => (double)r.LowDifference.Amount), Keys: names, Name: "low"),
            PlotlyChart.Bar<double, string, string>(values: rows.Select(r => (double)r.HighDifference.Amount), Keys: names, Name: "high"),
        ]).WithXAxisStyle<double, double, string>(TitleText: "change in LTV (" + table.Baseline.LifetimeValue.Currency.Code + ")");
    }

    /// <summary>The chart as a self-contained HTML page (plotly.js loaded from its CDN when opened); needs no browser to write.</summary>
    /// <param name="chart">The chart.</param>
    /// <returns>The HTML text.</returns>
    public static string ToHtml(GenericChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        return GenericChart.toEmbeddedHTML(chart);
    }

    private static FrequencyRecencyMatrix Guard(FrequencyRecencyMatrix matrix) => matrix ?? throw new ArgumentNullException(nameof(matrix));

    private static GenericChart Heatmap(IReadOnlyList<IReadOnlyList<double>> z, FrequencyRecencyMatrix matrix) =>
        PlotlyChart.Heatmap<double, double, int, string>(zData: z, X: matrix.Recency.ToArray(), Y: Enumerable.Range(0, matrix.MaximumFrequency + 1).ToArray())
            .WithXAxisStyle<double, double, string>(TitleText: "recency t_x").WithYAxisStyle<double, double, string>(TitleText: "frequency x");
}
