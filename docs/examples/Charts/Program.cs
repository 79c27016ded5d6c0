// Renders the validation, tracking, heat-map, cohort and tornado charts of the CDNOW sample to static HTML
// files (no browser needed): dotnet run --project docs/examples/Charts -c Release -- OUTPUT_FOLDER
using Ltv.Core.Cohorts;
using Ltv.Core.Datasets;
using Ltv.Core.Domain;
using Ltv.Core.Plotting;
using Ltv.Core.Probabilistic.Holdout;
using Ltv.Core.Probabilistic.Models;
using Ltv.Core.Scenarios;
using Ltv.Core.Strategies;

var folder = args.Length > 0 ? args[0] : "charts";
Directory.CreateDirectory(folder);
var cdnow = CdnowDatasets.LoadSample();
var patterns = cdnow.Summaries.ToPatterns();
var bg = new BgNbdModel(0.243, 4.414, 0.793, 2.426, TimeUnit.Week); // the published CDNOW estimates

void Write(string name, Plotly.NET.GenericChart chart)
{
    var path = Path.Combine(folder, name + ".html");
    File.WriteAllText(path, LtvCharts.ToHtml(chart));
    Console.WriteLine($"{path}: {new FileInfo(path).Length} bytes");
}

Write("calibration-histogram", LtvCharts.CalibrationHistogram(CountModelExtensions.ActualCalibrationHistogram(patterns), bg.ExpectedCalibrationHistogram(patterns)));
Write("calibration-vs-holdout", LtvCharts.CalibrationVsHoldout(HoldoutValidation.Evaluate(bg, cdnow.Summaries).ByCalibrationFrequency()));
Write("tracking-cumulative", LtvCharts.Tracking(TransactionTracking.Compute(bg, cdnow.Log, CdnowDatasets.StandardOptions)));
var matrix = FrequencyRecencyMatrix.Compute(bg, age: 38.86, horizon: 39);
Write("p-alive-matrix", LtvCharts.ProbabilityAliveMatrix(matrix));
Write("expected-purchases-matrix", LtvCharts.ExpectedPurchasesMatrix(matrix));
Write("cohorts", LtvCharts.Cohorts(CohortAnalysis.Build(cdnow.Log, CohortPeriod.Month, CdnowDatasets.ObservationEnd)));
var shop = new ValueCase(
    new ValueDrivers { AveragePurchaseValue = Money.Of(500m, Currency.NOK), PurchaseFrequency = PurchaseRate.PerMonth(1), GrossMargin = new GrossMargin(0.5m), Churn = ChurnRate.PerMonth(0.05m) },
    ChurnLtvModel.Instance);
Write("tornado", LtvCharts.Tornado(ScenarioAnalysis.Tornado(shop, [DriverRange.Relative(ScenarioDriver.AveragePurchaseValue, 0.2m), DriverRange.Relative(ScenarioDriver.Churn, 0.2m), DriverRange.Relative(ScenarioDriver.GrossMargin, 0.2m)])));
