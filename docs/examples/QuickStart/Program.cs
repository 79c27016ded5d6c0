// The README's main example: the worked examples of the domain brief, valued with the four strategies.
using Ltv.Core.Domain;
using Ltv.Core.Strategies;

Console.WriteLine("Ltv.Core quick start");
Console.WriteLine();
Console.WriteLine("Worked examples");

var swedishShop = new ValueDrivers
{
    AveragePurchaseValue = Money.Of(500m, Currency.SEK),
    PurchaseFrequency = PurchaseRate.PerYear(6),
    Lifespan = Duration.Years(3),
};
Console.WriteLine($"  Swedish shop (simple):      {SimpleLtvModel.Instance.Estimate(swedishShop).Value}");

var gym = new ValueDrivers
{
    AveragePurchaseValue = Money.Of(400m, Currency.NOK),
    PurchaseFrequency = PurchaseRate.PerMonth(1),
    Lifespan = Duration.Months(10),
    GrossMargin = GrossMargin.Full,
    Churn = ChurnRate.PerMonth(0.10m),
};
Console.WriteLine($"  Gym, 10 months (simple):    {SimpleLtvModel.Instance.Estimate(gym).Value}");
Console.WriteLine($"  Gym, 16 months (simple):    {SimpleLtvModel.Instance.Estimate(gym with { Lifespan = Duration.Months(16) }).Value}");
Console.WriteLine($"  Gym, churn 10 % (churn):    {ChurnLtvModel.Instance.Estimate(gym).Value}");

var discounted = new DiscountedLtvModel(new() { DiscountRate = DiscountRate.PerMonth(0.01m) });
Console.WriteLine($"  Gym, 1 %/month (discounted): {discounted.Estimate(gym).Value.Round()}");
Console.WriteLine();
Console.WriteLine(discounted.Estimate(gym));
