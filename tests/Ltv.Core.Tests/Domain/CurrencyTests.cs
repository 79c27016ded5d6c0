using Ltv.Core.Domain;
using Ltv.Core.Tests.TestSupport;

namespace Ltv.Core.Tests.Domain;

public class CurrencyTests
{
    [Theory]
    [InlineData("DKK", 2)]
    [InlineData("usd", 2)]
    [InlineData(" JPY ", 0)]
    [InlineData("KWD", 3)]
    public void Known_codes_are_accepted_case_insensitively_with_their_minor_units(string code, int digits)
    {
        var currency = Currency.Of(code);

        Assert.Equal(code.Trim().ToUpperInvariant(), currency.Code);
        Assert.Equal(digits, currency.MinorUnitDigits);
        Assert.Equal(code.Trim().ToUpperInvariant(), currency.ToString());
    }

    [Theory]
    [InlineData("ABC")]
    [InlineData("DK")]
    [InlineData("EURO")]
    [InlineData("")]
    [InlineData("XXX")]
    public void Unknown_codes_throw_naming_the_field_and_code(string code)
    {
        ErrorAssert.Throws<ArgumentException>(() => Currency.Of(code), "code", $"'{code}'");
        Assert.False(Currency.TryOf(code, out _));
    }

    [Fact]
    public void Null_code_is_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => Currency.Of(null!));
        Assert.False(Currency.TryOf(null, out _));
    }

    [Fact]
    public void Equality_is_by_code()
    {
        Assert.Equal(Currency.Of("eur"), Currency.EUR);
        Assert.Equal(Currency.EUR.GetHashCode(), Currency.Of("EUR").GetHashCode());
        Assert.NotEqual(Currency.EUR, Currency.USD);
        Assert.NotEqual(default, Currency.USD);
    }
}
