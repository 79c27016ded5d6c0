using System.Globalization;
using System.Text;
using Ltv.Core.Domain;
using Ltv.Core.Validation;

namespace Ltv.Core.Probabilistic.Holdout;

/// <summary>
/// How well a count model fitted on the calibration period predicted each customer's holdout
/// transactions: per customer predicted vs actual, error measures, and the calibration-vs-holdout table
/// (<see cref="ByCalibrationFrequency"/>). Made by <see cref="HoldoutValidation.Evaluate"/>.
/// </summary>
/// <remarks>Immutable. Per-customer lists follow the order of the summaries' customers.</remarks>
public sealed class HoldoutReport
{
    private readonly double[] _predicted;
    private readonly int[] _actual;
    private readonly int[] _frequency;

    internal HoldoutReport(string modelName, TimeUnit unit, double holdoutLength, IReadOnlyList<string> customerIds, int[] frequency, int[] actual, double[] predicted)
    {
        ModelName = modelName;
        Unit = unit;
        HoldoutLength = holdoutLength;
        CustomerIds = customerIds;
        _frequency = frequency;
        _actual = actual;
        _predicted = predicted;
        double abs = 0, sq = 0, sumA = 0, sumP = 0;
        for (var i = 0; i < actual.Length; i++)
        {
            var e = predicted[i] - actual[i];
            abs += Math.Abs(e);
            sq += e * e;
            sumA += actual[i];
            sumP += predicted[i];
        }

        var n = actual.Length;
        MeanAbsoluteError = abs / n;
        RootMeanSquaredError = Math.Sqrt(sq / n);
        TotalActual = sumA;
        TotalPredicted = sumP;
        TotalErrorPercent = sumA > 0 ? (sumP - sumA) / sumA * 100 : null;
        double meanA = sumA / n, meanP = sumP / n, sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < n; i++)
        {
            double da = actual[i] - meanA, dp = predicted[i] - meanP;
            sxy += da * dp;
            sxx += da * da;
            syy += dp * dp;
        }

        Correlation = sxx > 0 && syy > 0 ? sxy / Math.Sqrt(sxx * syy) : null;
    }

    /// <summary>The model's name.</summary>
    public string ModelName { get; }

    /// <summary>The time unit of the holdout length.</summary>
    public TimeUnit Unit { get; }

    /// <summary>The holdout length t* in <see cref="Unit"/> (39 weeks for CDNOW).</summary>
    public double HoldoutLength { get; }

    /// <summary>Customer ids, in the summaries' order.</summary>
    public IReadOnlyList<string> CustomerIds { get; }

    /// <summary>Customers evaluated.</summary>
    public int CustomerCount => _actual.Length;

    /// <summary>Calibration repeat transactions x per customer.</summary>
    public ReadOnlySpan<int> CalibrationFrequency => _frequency;

    /// <summary>Actual holdout transactions per customer.</summary>
    public ReadOnlySpan<int> Actual => _actual;

    /// <summary>Predicted holdout transactions per customer: E[Y(t*) | x, t_x, T].</summary>
    public ReadOnlySpan<double> Predicted => _predicted;

    /// <summary>Mean over customers of |predicted - actual|.</summary>
    public double MeanAbsoluteError { get; }

    /// <summary>Square root of the mean over customers of (predicted - actual)².</summary>
    public double RootMeanSquaredError { get; }

    /// <summary>Pearson correlation of predicted and actual per customer; <see langword="null"/> when either has no variance.</summary>
    public double? Correlation { get; }

    /// <summary>Actual holdout transactions of all customers.</summary>
    public double TotalActual { get; }

    /// <summary>Predicted holdout transactions of all customers.</summary>
    public double TotalPredicted { get; }

    /// <summary>(total predicted - total actual) / total actual x 100; <see langword="null"/> when there were no actual holdout transactions.</summary>
    public double? TotalErrorPercent { get; }

    /// <summary>
    /// The calibration-vs-holdout table: mean actual and predicted holdout transactions of the customers
    /// with calibration frequency 0, 1, ..., <paramref name="censor"/> - 1 and, with <paramref name="openTop"/>,
    /// "<paramref name="censor"/>+" (BTYD's <c>PlotFreqVsConditionalExpectedFrequency(censor = 7)</c> and Fader,
    /// Hardie and Lee's figure). Without <paramref name="openTop"/> customers at or above the censor are left out,
    /// as lifetimes' <c>plot_calibration_purchases_vs_holdout_purchases(n = 7)</c> does (it shows frequencies 0..6).
    /// Empty bins are left out.
    /// </summary>
    /// <param name="censor">The first pooled frequency, 1 or more.</param>
    /// <param name="openTop">Whether to add the pooled "censor+" bin.</param>
    /// <returns>The bins in frequency order.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="censor"/> is below 1.</exception>
    public IReadOnlyList<HoldoutBin> ByCalibrationFrequency(int censor = 7, bool openTop = true)
    {
        if (censor < 1)
        {
            throw Guard.OutOfRange(nameof(censor), "1 or more", censor.ToString(CultureInfo.InvariantCulture));
        }

        var count = new int[censor + 1];
        var actual = new double[censor + 1];
        var predicted = new double[censor + 1];
        for (var i = 0; i < _actual.Length; i++)
        {
            var bin = Math.Min(_frequency[i], censor);
            count[bin]++;
            actual[bin] += _actual[i];
            predicted[bin] += _predicted[i];
        }

        var bins = new List<HoldoutBin>();
        for (var b = 0; b <= censor; b++)
        {
            if (count[b] == 0 || (b == censor && !openTop))
            {
                continue;
            }

            var label = b == censor ? b.ToString(CultureInfo.InvariantCulture) + "+" : b.ToString(CultureInfo.InvariantCulture);
            bins.Add(new HoldoutBin(label, b, b == censor ? null : b, count[b], actual[b] / count[b], predicted[b] / count[b]));
        }

        return bins;
    }

    /// <summary>A text report: the error measures and the calibration-vs-holdout table.</summary>
    /// <param name="censor">The first pooled frequency of the table.</param>
    /// <returns>The text (invariant culture).</returns>
    public string ToText(int censor = 7)
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.Append(c, $"{ModelName}: holdout of {HoldoutLength:0.####} {TimeUnits.Name(Unit)}s, {CustomerCount} customers").AppendLine();
        text.Append(c, $"actual {TotalActual:0} vs predicted {TotalPredicted:0.0} transactions (total error {(TotalErrorPercent is { } e ? e.ToString("+0.00;-0.00", c) + " %" : "n/a")})").AppendLine();
        text.Append(c, $"MAE {MeanAbsoluteError:0.0000}, RMSE {RootMeanSquaredError:0.0000}, correlation {(Correlation is { } r ? r.ToString("0.0000", c) : "n/a")}").AppendLine();
        text.Append(c, $"{"x (calibration)",-16} {"customers",9} {"actual",9} {"predicted",10}").AppendLine();
        foreach (var bin in ByCalibrationFrequency(censor))
        {
            text.Append(c, $"{bin.Label,-16} {bin.CustomerCount,9} {bin.MeanActual,9:0.0000} {bin.MeanPredicted,10:0.0000}").AppendLine();
        }

        return text.ToString();
    }

    /// <summary>Same as <see cref="ToText"/>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => ToText();
}
