// The README's main example: the worked examples of the domain brief, a segment table, and the
// CDNOW sample purchase log (shipped in Ltv.Core.Datasets) from log to customer summaries to LTV.
using System.Globalization;
using Ltv.Core.Datasets;
using Ltv.Core.Domain;
using Ltv.Core.Economics;
using Ltv.Core.History;
using Ltv.Core.Probabilistic.Clv;
using Ltv.Core.Probabilistic.Models;
using Ltv.Core.Segments;
using Ltv.Core.Strategies;

Console.WriteLine("Ltv.Core quick start");
Console.WriteLine();
Console.WriteLine("1. Worked examples");

var swedishShop = new ValueDrivers
{
    AveragePurchaseValue = Money.Of(500m, Currency.SEK),
    PurchaseFrequency = PurchaseRate.PerYear(6),
    Lifespan = Duration.Years(3),
};
Console.WriteLine($"   Swedish shop, APV 500 x 6/year x 3 years (simple): {SimpleLtvModel.Instance.Estimate(swedishShop).Value}");

var gym = new ValueDrivers
{
    AveragePurchaseValue = Money.Of(400m, Currency.NOK),
    PurchaseFrequency = PurchaseRate.PerMonth(1),
    Lifespan = Duration.Months(10),
    GrossMargin = GrossMargin.Full,
    Churn = ChurnRate.PerMonth(0.10m),
};
Console.WriteLine($"   Gym, 400 NOK a month for 10 months (simple):       {SimpleLtvModel.Instance.Estimate(gym).Value}");
Console.WriteLine($"   Gym after a loyalty programme, 16 months (simple): {SimpleLtvModel.Instance.Estimate(gym with { Lifespan = Duration.Months(16), Churn = null }).Value}");
Console.WriteLine($"   Gym, churn 10 % a month (churn):                   {ChurnLtvModel.Instance.Estimate(gym).Value}");
var discounted = new DiscountedLtvModel(new() { DiscountRate = DiscountRate.PerMonth(0.01m) });
Console.WriteLine($"   Gym, discounted 1 % a month (discounted):          {discounted.Estimate(gym).Value.Round()}");
Console.WriteLine($"   How it was made: {discounted.Estimate(gym)}");
var economics = new AcquisitionEconomics(ChurnLtvModel.Instance.Estimate(gym).Value, Money.Of(1_000m, Currency.NOK));
Console.WriteLine($"   With a CAC of 1,000 NOK: net value {economics.NetValue}, LTV:CAC {economics.Ratio}");

Console.WriteLine();
Console.WriteLine("2. Segments (the Danish guide)");
ValueDrivers Danish(decimal ordersPerYear, decimal years) => new()
{
    AveragePurchaseValue = Money.Of(500m, Currency.DKK),
    PurchaseFrequency = PurchaseRate.PerYear(ordersPerYear),
    Lifespan = Duration.Years(years),
};
var table = SegmentAnalysis.Compare(
    [
        new Segment("18-25", Danish(2m, 5m), customerCount: 1_200),
        new Segment("26-45", Danish(2m, 7m), customerCount: 2_000),
        new Segment("46+", Danish(2m, 3m), customerCount: 800),
    ],
    SimpleLtvModel.Instance);
Console.WriteLine(table.ToText());

Console.WriteLine();
Console.WriteLine("3. From a purchase log: the CDNOW sample (weeks, calibration to 1997-09-30)");
var cdnow = CdnowDatasets.LoadSample();
var summaries = cdnow.Summaries;
Console.WriteLine($"   {cdnow.Report}");
Console.WriteLine($"   {summaries.Count:N0} customers, {summaries.RepeatCustomerCount:N0} with repeat purchases, log total {cdnow.Log.Total}");

// Segment the customers by the month of their first purchase (their acquisition cohort).
var firstDay = summaries.FirstPurchaseDayNumber.ToArray();
string Cohort(string customerId) =>
    DateOnly.FromDayNumber(firstDay[summaries.IndexOf(customerId)]).ToString("yyyy-MM", CultureInfo.InvariantCulture);
var cohorts = SegmentAggregator.Aggregate(summaries, Cohort);
Console.WriteLine("   Cohort   Customers  APV          Purchases/week  Observed tenure");
foreach (var cohort in cohorts)
{
    var d = cohort.Drivers;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"   {cohort.Key,-7}  {cohort.CustomerCount,9:N0}  {d.AveragePurchaseValue!.Value.Round(),-11}  {d.PurchaseFrequency!.Value.Count,14:0.0000}  {d.Lifespan!.Value.Value,6:0.00} weeks"));
}

Console.WriteLine();
Console.WriteLine("4. Probabilistic CLV on the CDNOW sample: BG/NBD + Gamma-Gamma, 12 months, 1 % a month");
var bg = BgNbdModel.Fit(summaries.ToPatterns()).EnsureConverged();
Console.WriteLine(bg.Summary());
var x = new double[summaries.Count];
for (var i = 0; i < x.Length; i++)
{
    x[i] = summaries.Frequency[i];
}

var zbar = summaries.Monetary.ToArray();
var spend = GammaGammaModel.Fit(x, zbar).EnsureConverged();
Console.WriteLine($"   Gamma-Gamma: p = {spend.Model.P:0.00}, q = {spend.Model.Q:0.00}, gamma = {spend.Model.Gamma:0.00}");
var calculator = new ClvCalculator(bg.Model, spend.Model, ClvOptions.Monthly(TimeUnit.Week, months: 12, monthlyDiscountRate: 0.01));
var clv = new double[x.Length];
calculator.Values(x, summaries.Recency, summaries.Age, zbar, clv);
var alive = new double[x.Length];
bg.Model.ProbabilityAlive(x, summaries.Recency, summaries.Age, alive);
Console.WriteLine("   customer  x   t_x    T      P(alive)  CLV (USD)");
foreach (var id in new[] { "0001", "0002", "0018", "1516" })
{
    var i = summaries.IndexOf(id);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"   {id,-8}  {x[i],2}  {summaries.Recency[i],5:0.00}  {summaries.Age[i],5:0.00}  {alive[i],8:0.0000}  {clv[i],9:0.00}"));
}

Console.WriteLine("   Cohort   Customers  Mean CLV (USD)  Total CLV (USD)");
foreach (var group in Enumerable.Range(0, x.Length).GroupBy(i => Cohort(summaries.CustomerIds[i])).OrderBy(g => g.Key, StringComparer.Ordinal))
{
    var total = group.Sum(i => clv[i]);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"   {group.Key,-7}  {group.Count(),9:N0}  {total / group.Count(),14:0.00}  {total,15:N2}"));
}
