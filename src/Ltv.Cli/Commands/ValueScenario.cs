using System.Globalization;
using Ltv.Cli.Parsing;
using Ltv.Core.Domain;
using Ltv.Core.Scenarios;
using Ltv.Core.Strategies;

namespace Ltv.Cli.Commands;

/// <summary>The what-if part of <c>ltv value</c>: <c>--vary DRIVER=FROM..TO</c>, <c>--cac</c> and <c>--steps</c>.</summary>
internal static class ValueScenario
{
    /// <summary>The driver names <c>--vary</c> accepts, as the other options of <c>ltv value</c> spell them.</summary>
    public const string DriverNames = "apv, frequency, lifespan, margin, churn, cost-to-serve, discount-rate, cac";

    /// <summary>Values the baseline (each varied driver at FROM) and the scenario (each at TO), prints the before/after table and, with steps, a sweep.</summary>
    public static int Run(TextWriter output, ILtvModel model, ValueDrivers drivers, Currency currency, string[] varies, string? cacText, int? steps)
    {
        Money? cac = null;
        if (cacText is not null)
        {
            var amount = QuantityParser.Number(cacText, "--cac");
            cac = Build(() => DriverChange.AcquisitionCost(Money.Of(amount, currency)), "--cac", cacText).ApplyTo(new ValueCase(drivers, model)).AcquisitionCost;
        }

        var baseline = new ValueCase(drivers, model, cac);
        var ranges = varies.Select(v => Parse(v, currency)).ToArray();
        if (steps is { } n && (n < 2 || ranges.Length != 1))
        {
            throw new UsageException(n < 2
                ? $"--steps: '{n.ToString(CultureInfo.InvariantCulture)}' must be at least 2 (the FROM and TO values included)."
                : "--steps: a sweep varies one driver; give exactly one --vary.");
        }

        try
        {
            foreach (var range in ranges)
            {
                baseline = range.From(baseline.Drivers.Currency ?? currency).ApplyTo(baseline);
            }

            var changes = ranges.Select(r => r.To(currency)).ToArray();
            var comparison = ScenarioAnalysis.Compare(baseline, changes);
            output.WriteLine($"strategy: {model.Name}");
            output.Write(comparison.ToText());
            if (comparison.UnchangedValue)
            {
                output.WriteLine($"note: the {model.Name} strategy does not read {string.Join(", ", ranges.Select(r => r.Name))}; its value is unchanged.");
            }

            if (steps is { } count)
            {
                var range = ranges[0];
                var values = ScenarioAnalysis.Steps(range.FromValue, range.ToValue, count);
                var series = ScenarioAnalysis.Sweep(baseline, values.Select(v => range.At(v, currency)));
                output.WriteLine();
                output.WriteLine($"{range.Name}\tltv\tltv_cac\tpayback");
                foreach (var outcome in series)
                {
                    var setting = outcome.Case.Describe(range.Driver);
                    output.WriteLine($"{setting}\t{outcome.LifetimeValue.Amount.ToString(CultureInfo.InvariantCulture)}\t{outcome.Ratio?.ToString() ?? "-"}\t{outcome.Payback?.ToString() ?? "-"}");
                }
            }
        }
        catch (MissingInputException ex)
        {
            throw new UsageException($"--strategy {model.Name}: {Plain(ex)}", ex);
        }
        catch (ConflictingInputException ex)
        {
            throw new UsageException(Conflict(ex, ranges), ex);
        }
        catch (Exception ex) when (ex is ArgumentException or UnitMismatchException or CurrencyMismatchException)
        {
            throw new UsageException($"--vary: {Plain(ex)}", ex);
        }

        return ExitCodes.Success;
    }

    private static VaryRange Parse(string text, Currency currency)
    {
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        var dots = text.IndexOf("..", StringComparison.Ordinal);
        if (equals <= 0 || dots < equals)
        {
            throw new UsageException($"--vary: '{text}' is not DRIVER=FROM..TO, e.g. churn=0.10..0.06/month or lifespan=10..16months (drivers: {DriverNames}).");
        }

        var name = text[..equals].Trim().ToLowerInvariant();
        var from = text[(equals + 1)..dots].Trim();
        var to = text[(dots + 2)..].Trim();
        var driver = name switch
        {
            "apv" => ScenarioDriver.AveragePurchaseValue,
            "frequency" => ScenarioDriver.PurchaseFrequency,
            "lifespan" => ScenarioDriver.Lifespan,
            "margin" => ScenarioDriver.GrossMargin,
            "churn" => ScenarioDriver.Churn,
            "cost-to-serve" => ScenarioDriver.CostToServe,
            "discount-rate" => ScenarioDriver.DiscountRate,
            "cac" => ScenarioDriver.AcquisitionCost,
            _ => throw new UsageException($"--vary: '{name}' in '{text}' is not a driver (use {DriverNames})."),
        };

        // The unit written once after TO applies to FROM too: churn=0.10..0.06/month.
        var suffix = Suffix(to);
        if (Suffix(from).Length == 0)
        {
            from += suffix;
        }

        var range = new VaryRange(name, driver, text, Number(from, text), Number(to, text), suffix.Length > 0 ? suffix : Suffix(from));
        _ = range.From(currency);
        _ = range.To(currency);
        return range;
    }

    /// <summary>
    /// Two drivers that are tied (lifespan = 1 / churn) and disagree once --vary changed one of them: says so in the
    /// options the user typed, never in the library's terms.
    /// </summary>
    private static string Conflict(ConflictingInputException ex, VaryRange[] ranges)
    {
        var a = OptionName(ex.Input);
        var b = OptionName(ex.Other);
        var varied = ranges.FirstOrDefault(r => r.Name == a) ?? ranges.FirstOrDefault(r => r.Name == b);
        if (varied is null)
        {
            return $"--{a} and --{b}: they disagree ({a} = 1 / {b}); give one of them, not both.";
        }

        var fixedName = varied.Name == a ? b : a;
        return $"--vary {varied.Text}: --{fixedName} is also given and {a} = 1 / {b}, so {varied.Name} cannot change while --{fixedName} stays fixed; leave --{fixedName} out, or vary {fixedName} instead.";
    }

    private static string OptionName(string driver) => driver switch
    {
        nameof(ValueDrivers.Lifespan) => "lifespan",
        nameof(ValueDrivers.Churn) => "churn",
        nameof(ValueDrivers.AveragePurchaseValue) => "apv",
        nameof(ValueDrivers.PurchaseFrequency) => "frequency",
        nameof(ValueDrivers.GrossMargin) => "margin",
        nameof(ValueDrivers.CostToServe) => "cost-to-serve",
        _ => driver.ToLowerInvariant(),
    };

    /// <summary>The message without .NET's " (Parameter 'x')" tail.</summary>
    private static string Plain(Exception ex)
    {
        var message = ex.Message;
        if (ex is ArgumentException { ParamName: { } name })
        {
            var tail = $" (Parameter '{name}')";
            if (message.EndsWith(tail, StringComparison.Ordinal))
            {
                message = message[..^tail.Length];
            }
        }

        return message;
    }

    private static T Build<T>(Func<T> build, string option, string text)
    {
        try
        {
            return build();
        }
        catch (ArgumentException ex)
        {
            throw new UsageException($"{option}: '{text}' is not valid: {Plain(ex)}", ex);
        }
    }

    private static string Suffix(string value)
    {
        var i = 0;
        while (i < value.Length && (char.IsDigit(value[i]) || value[i] is '.' or '-' or '+'))
        {
            i++;
        }

        return value[i..];
    }

    private static decimal Number(string value, string whole) => QuantityParser.Number(value[..(value.Length - Suffix(value).Length)], "--vary", whole);

    private sealed record VaryRange(string Name, ScenarioDriver Driver, string Text, decimal FromValue, decimal ToValue, string Unit)
    {
        public DriverChange From(Currency currency) => At(FromValue, currency);

        public DriverChange To(Currency currency) => At(ToValue, currency);

        public DriverChange At(decimal value, Currency currency)
        {
            var written = value.ToString(CultureInfo.InvariantCulture) + Unit;
            return Driver switch
            {
                ScenarioDriver.AveragePurchaseValue => Build(() => DriverChange.AveragePurchaseValue(Money.Of(value, currency)), "--vary " + Name, Text),
                ScenarioDriver.AcquisitionCost => Build(() => DriverChange.AcquisitionCost(Money.Of(value, currency)), "--vary " + Name, Text),
                ScenarioDriver.GrossMargin => Build(() => DriverChange.GrossMargin(new GrossMargin(value)), "--vary " + Name, Text),
                ScenarioDriver.Lifespan => DriverChange.Lifespan(QuantityParser.Duration(written, "--vary " + Name)),
                _ => PerPeriod(written, currency),
            };
        }

        private DriverChange PerPeriod(string written, Currency currency)
        {
            var option = "--vary " + Name;
            var (v, per) = QuantityParser.PerPeriod(written, option);
            return Build(
                () => Driver switch
                {
                    ScenarioDriver.PurchaseFrequency => DriverChange.PurchaseFrequency(new PurchaseRate(v, per)),
                    ScenarioDriver.Churn => DriverChange.Churn(new ChurnRate(v, per)),
                    ScenarioDriver.CostToServe => DriverChange.CostToServe(new MoneyRate(Money.Of(v, currency), per)),
                    _ => DriverChange.DiscountRate(new DiscountRate(v, per)),
                },
                option,
                Text);
        }
    }
}
