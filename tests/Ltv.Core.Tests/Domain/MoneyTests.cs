using FsCheck;
using FsCheck.Xunit;
using Ltv.Core.Domain;
using Ltv.Core.Tests.TestSupport;

namespace Ltv.Core.Tests.Domain;

public class MoneyTests
{
    [Fact]
    public void Same_currency_arithmetic_is_exact()
    {
        var a = Money.Of(0.1m, Currency.USD);
        var b = Money.Of(0.2m, Currency.USD);

        Assert.Equal(Money.Of(0.3m, Currency.USD), a + b);
        Assert.Equal(Money.Of(-0.1m, Currency.USD), a - b);
        Assert.Equal(Money.Of(0.5m, Currency.USD), a * 5m);
        Assert.Equal(Money.Of(0.05m, Currency.USD), a / 2m);
        Assert.Equal(0.5m, a / b);
        Assert.True(a < b);
        Assert.Equal(Money.Of(0.1m, Currency.USD), -(-a));
    }

    [Fact]
    public void Rounding_defaults_to_bankers_and_away_from_zero_is_explicit()
    {
        var half = Money.Of(2.125m, Currency.EUR);

        Assert.Equal(2.12m, half.Round().Amount);
        Assert.Equal(2.13m, half.Round(MidpointRounding.AwayFromZero).Amount);
        Assert.Equal(3m, Money.Of(2.5m, Currency.JPY).Round(MidpointRounding.AwayFromZero).Amount);
        Assert.Equal(2m, Money.Of(2.5m, Currency.JPY).Round().Amount);
        Assert.Equal(1.2345m, Money.Of(1.23454m, Currency.USD).Round(4, MidpointRounding.ToEven).Amount);
    }

    [Fact]
    public void Text_is_invariant_with_minor_units_and_code()
    {
        Assert.Equal("9,000.00 SEK", Money.Of(9000m, Currency.SEK).ToString());
        Assert.Equal("1,235 JPY", Money.Of(1234.5m, Currency.JPY).ToString());
        Assert.Equal("1.500 KWD", Money.Of(1.5m, "kwd").ToString());
    }

    [Fact]
    public void Default_money_is_zero_with_no_currency_and_refuses_real_money()
    {
        var none = default(Money);

        Assert.True(none.IsZero);
        Assert.True(none.Currency.IsNone);
        Assert.Equal("XXX", none.Currency.Code);
        Assert.Throws<CurrencyMismatchException>(() => none + Money.Of(1m, Currency.EUR));
    }

    [Fact]
    public void Dividing_by_zero_names_the_divisor()
    {
        ErrorAssert.Throws<ArgumentOutOfRangeException>(() => _ = Money.Of(1m, Currency.EUR) / 0m, "divisor", "0");
        ErrorAssert.Throws<ArgumentOutOfRangeException>(() => _ = Money.Of(1m, Currency.EUR) / Money.Zero(Currency.EUR), "denominator", "0 EUR");
    }

    [Fact]
    public void Currency_mismatch_names_both_currencies_and_the_operation()
    {
        var ex = Assert.Throws<CurrencyMismatchException>(() => Money.Of(1m, Currency.DKK) + Money.Of(1m, Currency.SEK));

        Assert.Contains("DKK", ex.Message, StringComparison.Ordinal);
        Assert.Contains("SEK", ex.Message, StringComparison.Ordinal);
        Assert.Contains("addition", ex.Message, StringComparison.Ordinal);
        Assert.Equal(Currency.DKK, ex.Expected);
        Assert.Equal(Currency.SEK, ex.Actual);
    }

    [Property(MaxTest = 1000)]
    public bool Mixing_currencies_always_throws(int cents1, int cents2, PositiveInt op)
    {
        var a = Money.Of(cents1 / 100m, Currency.DKK);
        var b = Money.Of(cents2 / 100m, Currency.NOK);
        Action action = (op.Get % 5) switch
        {
            0 => () => _ = a + b,
            1 => () => _ = a - b,
            2 => () => _ = a < b,
            3 => () => _ = a.CompareTo(b),
            _ => () => _ = a / b,
        };

        try
        {
            action();
            return false;
        }
        catch (CurrencyMismatchException)
        {
            return true;
        }
    }

    [Property(MaxTest = 1000)]
    public bool Addition_then_subtraction_round_trips_exactly(long cents1, long cents2)
    {
        var a = Money.Of(cents1 / 100m, Currency.EUR);
        var b = Money.Of(cents2 / 100m, Currency.EUR);

        return a + b - b == a;
    }
}
