using System.CommandLine;
using Ltv.Cli.Output;
using Ltv.Cli.Parsing;
using Ltv.Core.Domain;
using Ltv.Core.Strategies;

namespace Ltv.Cli.Commands;

/// <summary><c>ltv value</c>: values one customer or segment with a deterministic strategy, inputs as options.</summary>
internal static class ValueCommand
{
    public static Command Create(TextWriter output)
    {
        var strategy = new Option<string>("--strategy") { Description = "simple | churn | discounted | margin", Required = true };
        Choices.Restrict(strategy, "simple", "churn", "discounted", "margin");
        var currency = new Option<string>("--currency") { Description = "ISO 4217 code of the money inputs, e.g. SEK", Required = true };
        var apv = new Option<string?>("--apv") { Description = "average purchase value, e.g. 500" };
        var frequency = new Option<string?>("--frequency") { Description = "purchases per period, e.g. 6/year" };
        var lifespan = new Option<string?>("--lifespan") { Description = "how long a customer stays, e.g. '3 years' or 36mo" };
        var margin = new Option<string?>("--margin") { Description = "gross margin as a fraction in [0, 1], e.g. 0.3" };
        var churn = new Option<string?>("--churn") { Description = "churn per period, e.g. 0.1/month" };
        var costToServe = new Option<string?>("--cost-to-serve") { Description = "cost to serve per period, e.g. 20/month" };
        var discountRate = new Option<string?>("--discount-rate") { Description = "discount rate per the churn's period, e.g. 0.01/month (discounted)" };
        var timing = new Option<string>("--timing") { Description = "start (default: first period counted, paid at start) | not-counted (Gupta-Lehmann)", DefaultValueFactory = _ => "start" };
        Choices.Restrict(timing, "start", "not-counted");
        var horizon = new Option<string?>("--horizon") { Description = "finite horizon, e.g. '5 years' (discounted; default infinite)" };

        var vary = new Option<string[]>("--vary") { Description = $"what if: DRIVER=FROM..TO, e.g. churn=0.10..0.06/month or lifespan=10..16months; repeatable; FROM replaces the driver's option ({ValueScenario.DriverNames})", Arity = ArgumentArity.ZeroOrMore };
        var cac = new Option<string?>("--cac") { Description = "acquisition cost per customer, e.g. 1000: adds LTV:CAC and payback to the --vary table" };
        var steps = new Option<int?>("--steps") { Description = "with one --vary: also print a sweep of N evenly spaced values from FROM to TO" };

        var command = new Command("value", "Value a customer or segment with the simple, churn, discounted or margin strategy.")
        {
            strategy, currency, apv, frequency, lifespan, margin, churn, costToServe, discountRate, timing, horizon, vary, cac, steps,
        };
        command.SetAction(parse =>
        {
            if (parse.GetValue(lifespan) is { } bothLifespan && parse.GetValue(churn) is { } bothChurn)
            {
                // One driver given twice (lifespan = 1 / churn): a strategy would use one and drop the other.
                throw new UsageException($"--lifespan and --churn: give one of them, not both (lifespan = 1 / churn; was '{bothLifespan}' and '{bothChurn}').");
            }

            var code = parse.GetValue(currency)!;
            var cur = QuantityParser.Build(() => Currency.Of(code), "--currency", code);
            var drivers = new ValueDrivers();
            if (parse.GetValue(apv) is { } apvText)
            {
                var amount = QuantityParser.Number(apvText, "--apv");
                drivers = QuantityParser.Build(() => drivers with { AveragePurchaseValue = Money.Of(amount, cur) }, "--apv", apvText);
            }

            if (parse.GetValue(frequency) is { } frequencyText)
            {
                var (count, per) = QuantityParser.PerPeriod(frequencyText, "--frequency");
                drivers = drivers with { PurchaseFrequency = QuantityParser.Build(() => new PurchaseRate(count, per), "--frequency", frequencyText) };
            }

            if (parse.GetValue(lifespan) is { } lifespanText)
            {
                drivers = drivers with { Lifespan = QuantityParser.Duration(lifespanText, "--lifespan") };
            }

            if (parse.GetValue(margin) is { } marginText)
            {
                var fraction = QuantityParser.Number(marginText, "--margin");
                drivers = drivers with { GrossMargin = QuantityParser.Build(() => new GrossMargin(fraction), "--margin", marginText) };
            }

            if (parse.GetValue(churn) is { } churnText)
            {
                var (value, per) = QuantityParser.PerPeriod(churnText, "--churn");
                drivers = drivers with { Churn = QuantityParser.Build(() => new ChurnRate(value, per), "--churn", churnText) };
            }

            if (parse.GetValue(costToServe) is { } costText)
            {
                var (value, per) = QuantityParser.PerPeriod(costText, "--cost-to-serve");
                drivers = QuantityParser.Build(() => drivers with { CostToServe = new MoneyRate(Money.Of(value, cur), per) }, "--cost-to-serve", costText);
            }

            ILtvModel model = parse.GetValue(strategy) switch
            {
                "simple" => SimpleLtvModel.Instance,
                "churn" => ChurnLtvModel.Instance,
                "margin" => MarginLtvModel.Instance,
                _ => Discounted(parse.GetValue(discountRate), parse.GetValue(timing)!, parse.GetValue(horizon)),
            };

            if (parse.GetValue(vary) is { Length: > 0 } varies)
            {
                return ValueScenario.Run(output, model, drivers, cur, varies, parse.GetValue(cac), parse.GetValue(steps));
            }

            if (parse.GetValue(cac) is not null || parse.GetValue(steps) is not null)
            {
                throw new UsageException("--cac and --steps go with --vary DRIVER=FROM..TO (e.g. --vary churn=0.10..0.06/month).");
            }

            LtvEstimate estimate;
            try
            {
                estimate = model.Estimate(drivers);
            }
            catch (MissingInputException ex)
            {
                throw new UsageException($"--strategy {model.Name}: needs {Suggestion(ex.Input)}.", ex);
            }
            catch (Exception ex) when (ex is ArgumentException or UnitMismatchException or CurrencyMismatchException)
            {
                throw new UsageException($"--strategy {model.Name}: {ex.Message}", ex);
            }
            catch (OverflowException ex)
            {
                throw new UsageException($"--strategy {model.Name}: the inputs make the value too large for a decimal ({ex.Message}).", ex);
            }

            Report.Estimate(output, estimate);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The option that gives a missing driver, with an example, as the user would type it.</summary>
    private static string Suggestion(string driver) => driver switch
    {
        nameof(ValueDrivers.AveragePurchaseValue) => "the average purchase value: give --apv, e.g. --apv 500",
        nameof(ValueDrivers.PurchaseFrequency) => "the purchase frequency: give --frequency, e.g. --frequency 6/year",
        nameof(ValueDrivers.Lifespan) => "the lifespan: give --lifespan, e.g. --lifespan '3 years', or --churn, e.g. --churn 0.1/month (lifespan = 1 / churn)",
        nameof(ValueDrivers.GrossMargin) => "the gross margin: give --margin, e.g. --margin 0.3 (1 values revenue)",
        nameof(ValueDrivers.Churn) => "the churn: give --churn, e.g. --churn 0.1/month",
        nameof(ValueDrivers.CostToServe) => "the cost to serve: give --cost-to-serve, e.g. --cost-to-serve 20/month",
        _ => $"an input the command line cannot give ({driver})",
    };

    private static DiscountedLtvModel Discounted(string? rateText, string timing, string? horizonText)
    {
        if (rateText is null)
        {
            throw new UsageException("--discount-rate: the discounted strategy needs a discount rate, e.g. --discount-rate 0.01/month.");
        }

        var (rate, per) = QuantityParser.PerPeriod(rateText, "--discount-rate");
        var discount = QuantityParser.Build(() => new DiscountRate(rate, per), "--discount-rate", rateText);
        return new DiscountedLtvModel(new DiscountedLtvOptions
        {
            DiscountRate = discount,
            Timing = timing == "not-counted" ? DiscountTiming.FirstPeriodNotCounted : DiscountTiming.FirstPeriodAtStart,
            Horizon = horizonText is null ? null : QuantityParser.Duration(horizonText, "--horizon"),
        });
    }
}
