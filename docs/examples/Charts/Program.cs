// Renders the validation, tracking, heat-map, retention, cohort and tornado charts of the published examples to
// static PNG and SVG files (no browser, no display needed): dotnet run --project docs/examples/Charts -c Release -- OUTPUT_FOLDER
using Ltv.Core.Cohorts;
using Ltv.Core.Datasets;
using Ltv.Core.Domain;
using Ltv.Core.Plotting;
using Ltv.Core.Probabilistic.Contractual;
using Ltv.Core.Probabilistic.Holdout;
using Ltv.Core.Probabilistic.Models;
using Ltv.Core.Scenarios;
using Ltv.Core.Strategies;

var folder = args.Length > 0 ? args[0] : "charts";
Directory.CreateDirectory(folder);
var cdnow = CdnowDatasets.LoadSample();
var patterns = cdnow.Summaries.ToPatterns();
var bg = new BgNbdModel(0.243, 4.414, 0.793, 2.426, TimeUnit.Week); // the published CDNOW estimates

void Write(string name, ScottPlot.Plot chart)
{
    var png = Path.Combine(folder, name + ".png");
    var svg = Path.Combine(folder, name + ".svg");
    File.WriteAllBytes(png, LtvCharts.ToPng(chart));
    File.WriteAllText(svg, LtvCharts.ToSvg(chart));
    Console.WriteLine($"{png}: {new FileInfo(png).Length} bytes, {svg}: {new FileInfo(svg).Length} bytes");
}

Write("calibration-histogram", LtvCharts.CalibrationHistogram(CountModelExtensions.ActualCalibrationHistogram(patterns), bg.ExpectedCalibrationHistogram(patterns), "BG/NBD"));
Write("calibration-vs-holdout", LtvCharts.CalibrationVsHoldout([HoldoutValidation.Evaluate(bg, cdnow.Summaries)]));
Write("tracking-cumulative", LtvCharts.Tracking(TransactionTracking.Compute(bg, cdnow.Log, CdnowDatasets.StandardOptions), modelName: "BG/NBD"));
var matrix = FrequencyRecencyMatrix.Compute(bg, age: 38.86, horizon: 39);
Write("p-alive-matrix", LtvCharts.ProbabilityAliveMatrix(matrix));
Write("expected-purchases-matrix", LtvCharts.ExpectedPurchasesMatrix(matrix));
double[] regular = [1000, 631, 468, 382, 326, 289, 262, 241]; // Fader and Hardie (2007), the Regular segment
var sbg = SbgModel.FitSurvivors(regular, TimeUnit.Year).EnsureConverged().Model;
Write("retention-curve", LtvCharts.RetentionCurve(RetentionCurve.Compute(sbg, 12, regular)));
Write("cohorts", LtvCharts.Cohorts(CohortAnalysis.Build(cdnow.Log, CohortPeriod.Month, CdnowDatasets.ObservationEnd)));
var shop = new ValueCase(
    new ValueDrivers { AveragePurchaseValue = Money.Of(500m, Currency.NOK), PurchaseFrequency = PurchaseRate.PerMonth(1), GrossMargin = new GrossMargin(0.5m), Churn = ChurnRate.PerMonth(0.05m) },
    ChurnLtvModel.Instance);
Write("tornado", LtvCharts.Tornado(ScenarioAnalysis.Tornado(shop, [DriverRange.Relative(ScenarioDriver.AveragePurchaseValue, 0.2m), DriverRange.Relative(ScenarioDriver.Churn, 0.2m), DriverRange.Relative(ScenarioDriver.GrossMargin, 0.2m)])));
