using Ltv.Core.Probabilistic.Numerics;

namespace Ltv.Core.Tests.Probabilistic;

public class SpecialFunctionsTests
{
    [Theory]
    [InlineData(0.5, 0.57236494292470008707)]
    [InlineData(1.0, 0.0)]
    [InlineData(10.0, 12.801827480081469611)]
    [InlineData(100.0, 359.13420536957539878)]
    public void LogGamma_matches_reference_values(double x, double expected) =>
        Assert.Equal(expected, SpecialFunctions.LogGamma(x), 1e-12);

    [Theory]
    [InlineData(0.243, 5)]
    [InlineData(0.5, 300)]
    [InlineData(12.5, 1000)]
    [InlineData(1e6, 3)]
    [InlineData(1e9, 4)]
    public void LogGammaRatio_equals_the_sum_of_logs_for_whole_shifts(double x, int d)
    {
        var expected = 0.0;
        for (var k = 0; k < d; k++)
        {
            expected += Math.Log(x + k);
        }

        Assert.Equal(expected, SpecialFunctions.LogGammaRatio(x, d), Math.Abs(expected) * 1e-13 + 1e-13);
    }

    [Fact]
    public void LogBeta_stays_accurate_when_one_argument_is_huge()
    {
        // ln B(1, b) = -ln b exactly; ln B(2, b) = -ln(b (b + 1)).
        Assert.Equal(-Math.Log(1e9), SpecialFunctions.LogBeta(1, 1e9), 1e-12);
        Assert.Equal(-Math.Log(1e7 * (1e7 + 1)), SpecialFunctions.LogBeta(2, 1e7), 1e-11);
        Assert.Equal(SpecialFunctions.LogBeta(3.5, 0.7), SpecialFunctions.LogBeta(0.7, 3.5));
    }

    [Fact]
    public void Stirling_form_agrees_with_lanczos_above_ten()
    {
        foreach (var z in new[] { 10.0, 17.3, 250.0, 1e5 })
        {
            Assert.Equal(SpecialFunctions.LogGamma(z), SpecialFunctions.LogGammaStirling(z), Math.Abs(SpecialFunctions.LogGamma(z)) * 1e-14);
        }
    }

    [Fact]
    public void Small_argument_helpers_are_accurate()
    {
        Assert.Equal(1e-10 - 5e-21, SpecialFunctions.LogOnePlus(1e-10), 1e-25);
        Assert.Equal(1e-10 + 5e-21, SpecialFunctions.ExpMinusOne(1e-10), 1e-25);
        Assert.Equal(Math.Exp(3) - 1, SpecialFunctions.ExpMinusOne(3), 1e-13);
        Assert.Equal(Math.Log(2), SpecialFunctions.LogAddExp(-1000, -1000) + 1000, 1e-12);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.PositiveInfinity)]
    public void Bad_arguments_throw_naming_the_argument(double x)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => SpecialFunctions.LogGamma(x));
        Assert.Equal("x", error.ParamName);
        Assert.Contains("was", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => SpecialFunctions.LogBeta(1, x));
        Assert.Throws<ArgumentOutOfRangeException>(() => SpecialFunctions.DiGamma(x));
    }
}
