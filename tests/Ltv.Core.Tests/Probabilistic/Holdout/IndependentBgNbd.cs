namespace Ltv.Core.Tests.Probabilistic.Holdout;

/// <summary>BG/NBD expectations from Fader, Hardie and Lee (2005), eq. 9 and 10, with a plain ₂F₁ power series: an independent check.</summary>
internal static class IndependentBgNbd
{
    public static double Expectation(double r, double alpha, double a, double b, double t) =>
        t <= 0 ? 0 : (a + b - 1) / (a - 1) * (1 - (Math.Pow(alpha / (alpha + t), r) * Hyp2F1(r, b, a + b - 1, t / (alpha + t))));

    public static double ConditionalExpectation(double r, double alpha, double a, double b, double t, double x, double tx, double age)
    {
        var numerator = (a + b + x - 1) / (a - 1) * (1 - (Math.Pow((alpha + age) / (alpha + age + t), r + x) * Hyp2F1(r + x, b + x, a + b + x - 1, t / (alpha + age + t))));
        var denominator = 1 + (x > 0 ? a / (b + x - 1) * Math.Pow((alpha + age) / (alpha + tx), r + x) : 0);
        return numerator / denominator;
    }

    private static double Hyp2F1(double a, double b, double c, double z)
    {
        double term = 1, sum = 1;
        for (var k = 0; k < 200_000; k++)
        {
            term *= (a + k) * (b + k) / ((c + k) * (k + 1)) * z;
            sum += term;
            if (Math.Abs(term) < 1e-17 * Math.Abs(sum))
            {
                break;
            }
        }

        return sum;
    }
}
