using System.Globalization;

using Ltv.Core.Cohorts;
using Ltv.Core.Probabilistic.Contractual;
using Ltv.Core.Probabilistic.Holdout;
using Ltv.Core.Scenarios;

using ScottPlot;

namespace Ltv.Core.Plotting;

/// <summary>
/// ScottPlot charts of the plot data Ltv.Core computes. Every method only draws: the numbers come from the library
/// (<see cref="HoldoutReport"/>, <see cref="TrackingSeries"/>, <see cref="FrequencyRecencyMatrix"/>,
/// <see cref="RetentionCurve"/>, <see cref="CohortTable"/>, <see cref="TornadoTable"/>, the calibration histograms of
/// <c>CountModelExtensions</c>). Render a chart with <see cref="ToPng"/>, <see cref="ToSvg"/> or, for a notebook,
/// <see cref="ToHtml"/> (an inline PNG image).
/// </summary>
public static class LtvCharts
{
    /// <summary>The default image width in pixels.</summary>
    public const int DefaultWidth = 720;

    /// <summary>The default image height in pixels.</summary>
    public const int DefaultHeight = 440;

    private static readonly Color[] Palette = [Colors.SlateGray, Colors.SteelBlue, Colors.DarkOrange, Colors.SeaGreen, Colors.Crimson, Colors.MediumPurple];

    /// <summary>Customers by number of calibration repeat purchases, actual vs one model (lifetimes' <c>plot_period_transactions</c>).</summary>
    /// <param name="actual">Actual customers per count 0..n-1 and "n+" (<c>CountModelExtensions.ActualCalibrationHistogram</c>).</param>
    /// <param name="expected">Expected customers per count (<c>ExpectedCalibrationHistogram</c>), as many as <paramref name="actual"/>.</param>
    /// <param name="modelName">The legend text of the model's bars.</param>
    /// <returns>The chart.</returns>
    /// <exception cref="ArgumentException">The lists differ in length or are empty, or a value is not finite.</exception>
    public static Plot CalibrationHistogram(IReadOnlyList<double> actual, IReadOnlyList<double> expected, string modelName = "model") =>
        CalibrationHistogram(actual, [new ChartSeries(modelName, expected)]);

    /// <summary>Customers by number of calibration repeat purchases, actual vs each model (lifetimes' <c>plot_period_transactions</c>).</summary>
    /// <param name="actual">Actual customers per count 0..n-1 and "n+".</param>
    /// <param name="models">Each model's expected customers per count, as many as <paramref name="actual"/>.</param>
    /// <returns>The chart: grouped bars, the last group labelled "n+".</returns>
    /// <exception cref="ArgumentException">A list differs in length from <paramref name="actual"/>, the lists are empty, or a value is not finite.</exception>
    public static Plot CalibrationHistogram(IReadOnlyList<double> actual, IReadOnlyList<ChartSeries> models)
    {
        ArgumentNullException.ThrowIfNull(models);
        var all = new List<ChartSeries> { new("actual", actual ?? throw new ArgumentNullException(nameof(actual))) };
        all.AddRange(models);
        if (actual.Count == 0)
        {
            throw new ArgumentException("actual must hold at least one count (was empty).", nameof(actual));
        }

        foreach (var s in models)
        {
            if (s.Values.Count != actual.Count)
            {
                throw new ArgumentException($"models: series '{s.Name}' holds {s.Values.Count} values, actual {actual.Count}; they must be as many.", nameof(models));
            }
        }

        var plot = new Plot();
        var width = 0.8 / all.Count;
        for (var k = 0; k < all.Count; k++)
        {
            var offset = (k - ((all.Count - 1) / 2.0)) * width;
            var color = Palette[k % Palette.Length];
            var bars = all[k].Values.Select((v, n) => new Bar { Position = n + offset, Value = v, Size = width, FillColor = color, LineWidth = 0 }).ToList();
            plot.Add.Bars(bars).LegendText = all[k].Name;
        }

        var labels = Enumerable.Range(0, actual.Count).Select(i => i == actual.Count - 1 ? $"{i}+" : i.ToString(CultureInfo.InvariantCulture)).ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(Enumerable.Range(0, actual.Count).Select(i => (double)i).ToArray(), labels);
        plot.Axes.Margins(bottom: 0);
        plot.Title("Frequency of repeat transactions: model vs actual");
        plot.XLabel("repeat purchases in the calibration period");
        plot.YLabel("customers");
        plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }

    /// <summary>Mean actual vs predicted holdout purchases by calibration frequency for one model (lifetimes' <c>plot_calibration_purchases_vs_holdout_purchases</c>).</summary>
    /// <param name="bins">From <see cref="HoldoutReport.ByCalibrationFrequency"/>, at least one.</param>
    /// <param name="modelName">The legend text of the predicted line.</param>
    /// <returns>The chart.</returns>
    /// <exception cref="ArgumentException"><paramref name="bins"/> is empty.</exception>
    public static Plot CalibrationVsHoldout(IReadOnlyList<HoldoutBin> bins, string modelName = "model")
    {
        ArgumentNullException.ThrowIfNull(bins);
        if (bins.Count == 0)
        {
            throw new ArgumentException("bins must hold at least one bin (was empty).", nameof(bins));
        }

        return HoldoutChart(bins, [new ChartSeries(modelName, bins.Select(b => b.MeanPredicted).ToArray())]);
    }

    /// <summary>Mean actual vs predicted holdout purchases by calibration frequency, one predicted line per model.</summary>
    /// <param name="reports">Holdout reports of the same customers (one per model), at least one.</param>
    /// <param name="censor">Calibration frequencies at or above it are pooled into one "censor+" bin (BTYD's censor = 7).</param>
    /// <returns>The chart: the actual means (from the first report) and each report's <see cref="HoldoutReport.ModelName"/> line.</returns>
    /// <exception cref="ArgumentException"><paramref name="reports"/> is empty, or the reports are of different customers.</exception>
    public static Plot CalibrationVsHoldout(IReadOnlyList<HoldoutReport> reports, int censor = 7)
    {
        ArgumentNullException.ThrowIfNull(reports);
        if (reports.Count == 0)
        {
            throw new ArgumentException("reports must hold at least one holdout report (was empty).", nameof(reports));
        }

        var bins = reports.Select(r => r.ByCalibrationFrequency(censor)).ToArray();
        for (var k = 1; k < bins.Length; k++)
        {
            if (reports[k].CustomerCount != reports[0].CustomerCount || !bins[k].Select(b => b.CustomerCount).SequenceEqual(bins[0].Select(b => b.CustomerCount)))
            {
                throw new ArgumentException($"reports[{k}] ({reports[k].ModelName}) is of other customers than reports[0] ({reports[0].ModelName}); compare models on one holdout summary.", nameof(reports));
            }
        }

        return HoldoutChart(bins[0], reports.Select((r, k) => new ChartSeries(r.ModelName, bins[k].Select(b => b.MeanPredicted).ToArray())).ToList());
    }

    /// <summary>Actual vs expected repeat transactions per period, cumulative or incremental (the tracking plots), with the end of calibration marked.</summary>
    /// <param name="series">The tracking series.</param>
    /// <param name="cumulative">Cumulative (true) or per period (false).</param>
    /// <param name="modelName">The legend text of the expected line.</param>
    /// <returns>The chart.</returns>
    public static Plot Tracking(TrackingSeries series, bool cumulative = true, string modelName = "model")
    {
        ArgumentNullException.ThrowIfNull(series);
        var periods = Enumerable.Range(1, series.PeriodCount).Select(p => (double)p).ToArray();
        var actual = cumulative ? series.ActualCumulative : series.ActualIncremental;
        var expected = cumulative ? series.ExpectedCumulative : series.ExpectedIncremental;
        var plot = new Plot();
        var a = plot.Add.Scatter(periods, actual.ToArray(), Palette[0]);
        a.LegendText = "actual";
        a.MarkerSize = 0;
        a.LineWidth = 2;
        var e = plot.Add.Scatter(periods, expected.ToArray(), Palette[1]);
        e.LegendText = modelName;
        e.MarkerSize = 0;
        e.LineWidth = 2;
        e.LinePattern = LinePattern.Dashed;
        if (series.CalibrationPeriods > 0 && series.CalibrationPeriods < series.PeriodCount)
        {
            var line = plot.Add.VerticalLine(series.CalibrationPeriods + 0.5, 1, Colors.Gray);
            line.LinePattern = LinePattern.Dotted;
            line.LegendText = "end of calibration";
        }

        var unit = series.Unit.ToString().ToLowerInvariant();
        plot.Title(cumulative ? "Cumulative repeat transactions" : "Repeat transactions per " + unit);
        plot.XLabel(unit);
        plot.YLabel("repeat transactions");
        plot.ShowLegend(Alignment.UpperLeft);
        return plot;
    }

    /// <summary>Heat map of P(alive) by frequency and recency (lifetimes' <c>plot_probability_alive_matrix</c>); impossible histories are gray.</summary>
    /// <param name="matrix">The matrix.</param>
    /// <returns>The chart.</returns>
    public static Plot ProbabilityAliveMatrix(FrequencyRecencyMatrix matrix) =>
        Heatmap(Guard(matrix).ProbabilityAlive, matrix, "Probability alive, by frequency and recency");

    /// <summary>Heat map of expected purchases in the matrix's horizon by frequency and recency (lifetimes' <c>plot_frequency_recency_matrix</c>); impossible histories are gray.</summary>
    /// <param name="matrix">The matrix.</param>
    /// <returns>The chart.</returns>
    public static Plot ExpectedPurchasesMatrix(FrequencyRecencyMatrix matrix) =>
        Heatmap(Guard(matrix).ExpectedPurchases, matrix, string.Create(CultureInfo.InvariantCulture, $"Expected purchases in the next {matrix.Horizon:0.##} periods"));

    /// <summary>The sBG retention curve: the model's survival S(t) against the cohort's observed share (Fader and Hardie 2007), and the retention rate r(t).</summary>
    /// <param name="curve">The curve.</param>
    /// <param name="retentionRate">Draw the retention rate r(t) (true) instead of the survival S(t) (false).</param>
    /// <returns>The chart; periods past the observed ones are the model's projection.</returns>
    public static Plot RetentionCurve(RetentionCurve curve, bool retentionRate = false)
    {
        ArgumentNullException.ThrowIfNull(curve);
        return RetentionCurves([new KeyValuePair<string, RetentionCurve>(string.Empty, curve)], retentionRate);
    }

    /// <summary>Several segments' sBG retention curves on one chart (for example Fader and Hardie's Regular and High End customers).</summary>
    /// <param name="segments">Segment name and curve, at least one; the legend reads "name observed" and "name sBG".</param>
    /// <param name="retentionRate">Draw the retention rate r(t) (true) instead of the survival S(t) (false).</param>
    /// <returns>The chart.</returns>
    /// <exception cref="ArgumentException"><paramref name="segments"/> is empty or a curve is null.</exception>
    public static Plot RetentionCurves(IReadOnlyList<KeyValuePair<string, RetentionCurve>> segments, bool retentionRate = false)
    {
        ArgumentNullException.ThrowIfNull(segments);
        if (segments.Count == 0 || segments.Any(s => s.Value is null))
        {
            throw new ArgumentException("segments must hold at least one segment, each with a curve.", nameof(segments));
        }

        var first = retentionRate ? 1 : 0;
        var plot = new Plot();
        var lowest = 1.0;
        for (var k = 0; k < segments.Count; k++)
        {
            var (name, curve) = (segments[k].Key, segments[k].Value);
            var prefix = string.IsNullOrWhiteSpace(name) ? string.Empty : name + " ";
            var model = retentionRate ? curve.Retention : curve.Survival;
            var observed = retentionRate ? curve.ObservedRetention : curve.ObservedSurvival;
            var color = Palette[(k + 1) % Palette.Length];
            if (observed is not null)
            {
                var o = plot.Add.Scatter(Enumerable.Range(first, observed.Count).Select(t => (double)t).ToArray(), observed.ToArray(), segments.Count == 1 ? Palette[0] : color);
                o.LegendText = prefix + "observed";
                o.MarkerSize = 8;
                o.MarkerShape = MarkerShape.FilledCircle;
                o.LineWidth = 0;
                lowest = Math.Min(lowest, observed.Where(v => v > 0).DefaultIfEmpty(1).Min());
            }

            var m = plot.Add.Scatter(Enumerable.Range(first, model.Count).Select(t => (double)t).ToArray(), model.ToArray(), color);
            m.LegendText = prefix + curve.ModelName;
            m.MarkerSize = 0;
            m.LineWidth = 2;
            lowest = Math.Min(lowest, model.Min());
        }

        var unit = segments[0].Value.Unit.ToString().ToLowerInvariant();
        plot.Title(retentionRate ? "Retention rate by tenure" : "Share of the cohort still subscribed");
        plot.XLabel(unit + "s since sign-up");
        plot.YLabel(retentionRate ? "r(t): share renewing" : "S(t): share surviving");
        plot.Axes.SetLimitsY(retentionRate ? Math.Max(0, lowest - 0.05) : 0, 1.02);
        plot.ShowLegend(retentionRate ? Alignment.LowerRight : Alignment.UpperRight);
        return plot;
    }

    /// <summary>Cumulative realised revenue per customer by age, one line per acquisition cohort.</summary>
    /// <param name="table">The cohorts.</param>
    /// <returns>The chart.</returns>
    public static Plot Cohorts(CohortTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var plot = new Plot();
        var k = 0;
        foreach (var c in table.Cohorts)
        {
            var s = plot.Add.Scatter(Enumerable.Range(0, c.ObservedAges).Select(a => (double)a).ToArray(), c.CumulativeRevenuePerCustomer.Select(m => (double)m.Amount).ToArray(), Palette[k++ % Palette.Length]);
            s.LegendText = c.Key;
        }

        plot.Title("Cumulative revenue per customer by acquisition cohort");
        plot.XLabel("age in " + table.Period.ToString().ToLowerInvariant() + "s");
        plot.YLabel("revenue per customer, " + table.Currency.Code);
        plot.ShowLegend(Alignment.UpperLeft);
        return plot;
    }

    /// <summary>A tornado chart: each driver's LTV change at its low and high setting, widest bar on top.</summary>
    /// <param name="table">The tornado table.</param>
    /// <returns>The chart.</returns>
    public static Plot Tornado(TornadoTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var rows = table.Rows.Reverse().ToArray();
        var plot = new Plot();
        var low = rows.Select((r, i) => new Bar { Position = i, Value = (double)r.LowDifference.Amount, FillColor = Palette[1], LineWidth = 0 }).ToList();
        var high = rows.Select((r, i) => new Bar { Position = i, Value = (double)r.HighDifference.Amount, FillColor = Palette[2], LineWidth = 0 }).ToList();
        var lowBars = plot.Add.Bars(low);
        lowBars.Horizontal = true;
        lowBars.LegendText = "low";
        var highBars = plot.Add.Bars(high);
        highBars.Horizontal = true;
        highBars.LegendText = "high";
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(Enumerable.Range(0, rows.Length).Select(i => (double)i).ToArray(), rows.Select(r => r.Driver.ToString()).ToArray());
        plot.Title("Sensitivity of LTV to each driver");
        plot.XLabel("change in LTV (" + table.Baseline.LifetimeValue.Currency.Code + ")");
        plot.ShowLegend(Alignment.LowerRight);
        return plot;
    }

    /// <summary>The chart as a PNG image.</summary>
    /// <param name="chart">The chart.</param>
    /// <param name="width">Width in pixels, 1 or more.</param>
    /// <param name="height">Height in pixels, 1 or more.</param>
    /// <returns>The PNG bytes.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A size is below 1.</exception>
    public static byte[] ToPng(Plot chart, int width = DefaultWidth, int height = DefaultHeight)
    {
        ArgumentNullException.ThrowIfNull(chart);
        Size(width, height);
        return chart.GetImageBytes(width, height, ImageFormat.Png);
    }

    /// <summary>The chart as an SVG document.</summary>
    /// <param name="chart">The chart.</param>
    /// <param name="width">Width in pixels, 1 or more.</param>
    /// <param name="height">Height in pixels, 1 or more.</param>
    /// <returns>The SVG text.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A size is below 1.</exception>
    public static string ToSvg(Plot chart, int width = DefaultWidth, int height = DefaultHeight)
    {
        ArgumentNullException.ThrowIfNull(chart);
        Size(width, height);
        return chart.GetSvgXml(width, height);
    }

    /// <summary>The chart as an HTML <c>&lt;img&gt;</c> element with the PNG inlined: what a notebook displays with <c>display(HTML(...))</c>.</summary>
    /// <param name="chart">The chart.</param>
    /// <param name="width">Width in pixels, 1 or more.</param>
    /// <param name="height">Height in pixels, 1 or more.</param>
    /// <returns>The HTML text.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A size is below 1.</exception>
    public static string ToHtml(Plot chart, int width = DefaultWidth, int height = DefaultHeight) =>
        $"<img src='data:image/png;base64,{Convert.ToBase64String(ToPng(chart, width, height))}'/>";

    private static void Size(int width, int height)
    {
        if (width < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(width), width, $"width must be 1 pixel or more (was {width}).");
        }

        if (height < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(height), height, $"height must be 1 pixel or more (was {height}).");
        }
    }

    private static Plot HoldoutChart(IReadOnlyList<HoldoutBin> bins, IReadOnlyList<ChartSeries> predicted)
    {
        var positions = Enumerable.Range(0, bins.Count).Select(i => (double)i).ToArray();
        var plot = new Plot();
        var actual = plot.Add.Scatter(positions, bins.Select(b => b.MeanActual).ToArray(), Palette[0]);
        actual.LegendText = "actual";
        actual.MarkerSize = 8;
        actual.LineWidth = 2;
        var k = 1;
        foreach (var s in predicted)
        {
            var line = plot.Add.Scatter(positions, s.Values.ToArray(), Palette[k++ % Palette.Length]);
            line.LegendText = s.Name;
            line.MarkerSize = 8;
            line.LineWidth = 2;
            line.LinePattern = LinePattern.Dashed;
        }

        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(positions, bins.Select(b => b.Label).ToArray());
        plot.Title("Actual vs predicted purchases in the holdout period");
        plot.XLabel("purchases in the calibration period");
        plot.YLabel("mean purchases in the holdout period");
        plot.ShowLegend(Alignment.UpperLeft);
        return plot;
    }

    private static FrequencyRecencyMatrix Guard(FrequencyRecencyMatrix matrix) => matrix ?? throw new ArgumentNullException(nameof(matrix));

    private static Plot Heatmap(IReadOnlyList<IReadOnlyList<double>> z, FrequencyRecencyMatrix matrix, string title)
    {
        // Rows from the top (x = MaximumFrequency) down to x = 0, so the frequency grows upwards; impossible cells are NaN (gray).
        var rows = matrix.MaximumFrequency + 1;
        var columns = matrix.Recency.Count;
        var cells = new double[rows, columns];
        for (var x = 0; x < rows; x++)
        {
            for (var j = 0; j < columns; j++)
            {
                var possible = (x == 0) == (matrix.Recency[j] == 0);
                cells[matrix.MaximumFrequency - x, j] = possible ? z[x][j] : double.NaN;
            }
        }

        var step = columns > 1 ? matrix.Recency[1] - matrix.Recency[0] : 1;
        var plot = new Plot();
        var heatmap = plot.Add.Heatmap(cells);
        heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
        heatmap.NaNCellColor = Colors.LightGray;
        heatmap.Extent = new CoordinateRect(-step / 2, matrix.Recency[^1] + (step / 2), -0.5, matrix.MaximumFrequency + 0.5);
        plot.Add.ColorBar(heatmap);
        plot.Title(title);
        plot.XLabel(string.Create(CultureInfo.InvariantCulture, $"recency t_x (age T = {matrix.Age:0.##})"));
        plot.YLabel("frequency x (repeat purchases)");
        plot.Axes.Margins(0, 0);
        return plot;
    }
}
