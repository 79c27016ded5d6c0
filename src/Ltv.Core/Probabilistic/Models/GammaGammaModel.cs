using Ltv.Core.Probabilistic.Fitting;
using Ltv.Core.Validation;

namespace Ltv.Core.Probabilistic.Models;

/// <summary>
/// The Gamma-Gamma spend model (Fader, Hardie &amp; Lee 2005, "RFM and CLV", note 025): a customer's
/// spend per transaction is Gamma(p, ν) with ν ~ Gamma(q, γ) across customers, independent of the
/// purchase process; fitted on repeat customers' average spend.
/// </summary>
/// <remarks>
/// <para>Data: per customer x = repeat purchases and m = their mean spend (zbar; the first purchase
/// excluded, as in the published CDNOW example). Rows with x = 0 carry no spend information and are
/// skipped by <see cref="Fit"/>; if none is left the fit throws. On the CDNOW sample's 946 repeaters
/// the published estimates are p = 6.25, q = 3.74, γ = 15.44.</para>
/// <para><see cref="ConditionalExpectedSpend"/> is E[Z | x, m] = (q - 1)/(px + q - 1) · pγ/(q - 1) + px/(px + q - 1) · m:
/// a weighted mean of the population mean <see cref="MeanSpend"/> and the customer's own mean.
/// Spend is in the currency of the data; the model stores plain numbers. Immutable, thread safe.</para>
/// </remarks>
public sealed record GammaGammaModel
{
    /// <summary>Creates a model from its parameters.</summary>
    /// <param name="p">Shape of the per-transaction spend Gamma, positive.</param>
    /// <param name="q">Shape of the Gamma of ν across customers, positive.</param>
    /// <param name="gamma">Scale γ of the Gamma of ν, positive (in money units).</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is not finite and positive; the message names it.</exception>
    public GammaGammaModel(double p, double q, double gamma)
    {
        P = HistoryGuard.Parameter(p, nameof(p));
        Q = HistoryGuard.Parameter(q, nameof(q));
        Gamma = HistoryGuard.Parameter(gamma, nameof(gamma));
    }

    /// <summary>Shape p of the per-transaction spend.</summary>
    public double P { get; }

    /// <summary>Shape q of the Gamma of ν.</summary>
    public double Q { get; }

    /// <summary>Scale γ of the Gamma of ν.</summary>
    public double Gamma { get; }

    /// <summary>E[Z] = pγ / (q - 1), the population mean spend per transaction.</summary>
    /// <exception cref="InvalidOperationException">q ≤ 1: the population mean spend is infinite under the model.</exception>
    public double MeanSpend => Q > 1
        ? P * Gamma / (Q - 1)
        : throw new InvalidOperationException($"The Gamma-Gamma mean spend p*gamma/(q-1) is infinite because q must be greater than 1 (was '{Guard.Show(Q)}').");

    /// <summary>Fits the model by maximum likelihood on customers' repeat purchases and average spend.</summary>
    /// <param name="frequency">x per customer (whole, zero or more); rows with x = 0 are skipped.</param>
    /// <param name="averageSpend">Mean spend of the repeat purchases per customer; positive where x &gt; 0, ignored where x = 0.</param>
    /// <param name="options">Fit settings; a start holds p, q, gamma.</param>
    /// <param name="progress">Receives progress, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the fit.</param>
    /// <returns>The fit.</returns>
    /// <exception cref="ArgumentException">The spans differ in length, or no customer has x &gt; 0 (the model cannot be fitted without repeat spend), or <see cref="FitOptions.Start"/> does not hold three values.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A frequency is negative, not whole or not finite, or a repeater's spend is not finite and positive; the message names the row.</exception>
    public static FitResult<GammaGammaModel> Fit(ReadOnlySpan<double> frequency, ReadOnlySpan<double> averageSpend, FitOptions? options = null, IProgress<FitProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        if (frequency.Length != averageSpend.Length)
        {
            throw new ArgumentException($"frequency and averageSpend must have the same length (were {frequency.Length}, {averageSpend.Length}).", nameof(averageSpend));
        }

        var map = new Dictionary<(double X, double M), int>();
        var xs = new List<double>();
        var ms = new List<double>();
        var ws = new List<double>();
        for (var i = 0; i < frequency.Length; i++)
        {
            var x = frequency[i];
            if (!double.IsFinite(x) || x < 0 || x != Math.Floor(x))
            {
                throw Guard.OutOfRange($"frequency at row {i}", "a whole number, zero or more", Guard.Show(x));
            }

            if (x == 0)
            {
                continue;
            }

            var m = averageSpend[i];
            if (!double.IsFinite(m) || m <= 0)
            {
                throw Guard.OutOfRange($"averageSpend at row {i}", "finite and greater than 0 for a repeat customer", Guard.Show(m));
            }

            if (map.TryGetValue((x, m), out var k))
            {
                ws[k] += 1;
            }
            else
            {
                map.Add((x, m), xs.Count);
                xs.Add(x);
                ms.Add(m);
                ws.Add(1);
            }
        }

        if (xs.Count == 0)
        {
            throw new ArgumentException($"frequency has no repeat customer (x > 0) among {frequency.Length} rows: the Gamma-Gamma spend model is fitted on repeat customers' average spend and cannot be fitted without any.", nameof(frequency));
        }

        var likelihood = new GammaGammaLikelihood([.. xs], [.. ms], [.. ws]);
        var meanSpend = ms.Zip(ws, (m, w) => m * w).Sum() / likelihood.CustomerCount;
        return MaximumLikelihood.Fit(
            likelihood,
            [1, 2, meanSpend],
            likelihood.CustomerCount,
            likelihood.Count,
            "Gamma-Gamma",
            ["p", "q", "gamma"],
            v => new GammaGammaModel(v[0], v[1], v[2]),
            options,
            progress,
            cancellationToken);
    }

    /// <summary>E[Z | x, m]: the expected spend per transaction of a customer with x repeat purchases of mean m.</summary>
    /// <param name="frequency">x, whole, zero or more (x = 0 gives <see cref="MeanSpend"/>).</param>
    /// <param name="averageSpend">m, the mean repeat spend, zero or more (ignored when x = 0).</param>
    /// <returns>The expected spend, positive.</returns>
    /// <exception cref="ArgumentOutOfRangeException">x or m is out of range, or the result would not be finite (m near <see cref="double.MaxValue"/>); the message names both.</exception>
    /// <exception cref="InvalidOperationException">x = 0 and q ≤ 1 (infinite population mean), or px + q ≤ 1.</exception>
    public double ConditionalExpectedSpend(double frequency, double averageSpend)
    {
        if (!double.IsFinite(frequency) || frequency < 0 || frequency != Math.Floor(frequency))
        {
            throw Guard.OutOfRange(nameof(frequency), "a whole number, zero or more", Guard.Show(frequency));
        }

        if (frequency == 0)
        {
            return MeanSpend;
        }

        Guard.FiniteNonNegative(averageSpend);
        var px = P * frequency;
        var denominator = px + Q - 1;
        if (!(denominator > 0))
        {
            throw new InvalidOperationException($"The Gamma-Gamma conditional spend p*x+q-1 must be positive (was '{Guard.Show(denominator)}' for x = {Guard.Show(frequency)}).");
        }

        var spend = P * (Gamma + (frequency * averageSpend)) / denominator;
        return double.IsFinite(spend)
            ? spend
            : throw new ArgumentOutOfRangeException(nameof(averageSpend), $"The Gamma-Gamma conditional spend p*(gamma+x*m)/(p*x+q-1) is not finite for frequency = {Guard.Show(frequency)} and averageSpend = {Guard.Show(averageSpend)} (was '{Guard.Show(spend)}').");
    }

    /// <summary>The total log-likelihood of repeaters' (x, m) rows; x = 0 rows are skipped.</summary>
    /// <param name="frequency">x per customer.</param>
    /// <param name="averageSpend">m per customer.</param>
    /// <returns>The log-likelihood.</returns>
    public double LogLikelihood(ReadOnlySpan<double> frequency, ReadOnlySpan<double> averageSpend)
    {
        if (frequency.Length != averageSpend.Length)
        {
            throw new ArgumentException($"frequency and averageSpend must have the same length (were {frequency.Length}, {averageSpend.Length}).", nameof(averageSpend));
        }

        var xs = new List<double>();
        var ms = new List<double>();
        for (var i = 0; i < frequency.Length; i++)
        {
            if (!double.IsFinite(frequency[i]) || frequency[i] < 0 || frequency[i] != Math.Floor(frequency[i]))
            {
                throw Guard.OutOfRange($"frequency at row {i}", "a whole number, zero or more", Guard.Show(frequency[i]));
            }

            if (frequency[i] > 0)
            {
                Guard.FinitePositive(averageSpend[i], nameof(averageSpend));
                xs.Add(frequency[i]);
                ms.Add(averageSpend[i]);
            }
        }

        return new GammaGammaLikelihood([.. xs], [.. ms], [.. xs.Select(_ => 1.0)]).Evaluate([P, Q, Gamma], []);
    }
}
