using System.Globalization;
using System.Text;

using Ltv.Core.Datasets;
using Ltv.Core.Domain;
using Ltv.Core.Probabilistic.Contractual;
using Ltv.Core.Probabilistic.Models;
using Ltv.Core.Probabilistic.Serialization;

namespace Ltv.Core.Tests.Cli;

/// <summary>
/// End to end through the command line: <c>ltv fit sbg|bgbb</c> and <c>ltv predict</c> for both, on the input columns
/// docs/cli.md documents (sbg: customer_id, periods, churned; bgbb: customer_id, frequency, recency, T), with the
/// published data: Fader and Hardie's (2007) Regular cohort and the donations of Fader, Hardie and Shang (2010).
/// </summary>
public sealed class SubscriptionAndOpportunityCliTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ltv-sbg-bgbb-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>One row per subscriber of the Regular cohort: those lost after year t paid t periods and churned; the 241 left after year 7 have paid 8 and are still subscribed.</summary>
    private string RegularCsv()
    {
        double[] survivors = [1000, 631, 468, 382, 326, 289, 262, 241];
        var csv = new StringBuilder("customer_id,periods,churned\n");
        var id = 0;
        for (var t = 1; t < survivors.Length; t++)
        {
            for (var k = 0; k < survivors[t - 1] - survivors[t]; k++)
            {
                csv.Append(CultureInfo.InvariantCulture, $"s{id++},{t},1\n");
            }
        }

        for (var k = 0; k < survivors[^1]; k++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"s{id++},{survivors.Length},0\n");
        }

        var path = Path.Combine(_folder, "regular.csv");
        File.WriteAllText(path, csv.ToString());
        return path;
    }

    /// <summary>One row per donor of the donations data (11,104 donors, 22 patterns).</summary>
    private string DonationsCsv()
    {
        var patterns = Donations.Load();
        var csv = new StringBuilder("customer_id,frequency,recency,T\n");
        var id = 0;
        for (var p = 0; p < patterns.Count; p++)
        {
            for (var k = 0; k < patterns.Weight[p]; k++)
            {
                csv.Append(CultureInfo.InvariantCulture, $"d{id++},{patterns.Frequency[p]},{patterns.Recency[p]},{patterns.Age[p]}\n");
            }
        }

        var path = Path.Combine(_folder, "donations.csv");
        File.WriteAllText(path, csv.ToString());
        return path;
    }

    /// <summary>
    /// A gift log rebuilt from the donations patterns: each donor's first gift in 1995, then one gift in each of the x
    /// years up to 1995 + t_x (the last of them in 1995 + t_x), some years with two gifts (one opportunity all the same),
    /// and a gift in 2002, after the end.
    /// </summary>
    private string DonationsLogCsv()
    {
        var patterns = Donations.Load();
        var csv = new StringBuilder("customer_id,date,amount\n");
        var id = 0;
        for (var p = 0; p < patterns.Count; p++)
        {
            var (x, tx) = ((int)patterns.Frequency[p], (int)patterns.Recency[p]);
            for (var k = 0; k < patterns.Weight[p]; k++, id++)
            {
                csv.Append(CultureInfo.InvariantCulture, $"g{id},1995-0{1 + (id % 9)}-15,25.00\n");
                for (var year = 1995 + tx - x + 1; year <= 1995 + tx; year++)
                {
                    csv.Append(CultureInfo.InvariantCulture, $"g{id},{year}-03-01,10.00\n");
                    if (id % 3 == 0)
                    {
                        csv.Append(CultureInfo.InvariantCulture, $"g{id},{year}-11-30,5.00\n");
                    }
                }

                if (id % 5 == 0)
                {
                    csv.Append(CultureInfo.InvariantCulture, $"g{id},2002-02-01,40.00\n");
                }
            }
        }

        var path = Path.Combine(_folder, "gifts.csv");
        File.WriteAllText(path, csv.ToString());
        return path;
    }

    private static Dictionary<string, string[]> Rows(string csv) =>
        csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')).ToDictionary(f => f[0], f => f[1..]);

    private static double D(string s) => double.Parse(s, CultureInfo.InvariantCulture);

    [Fact]
    public void Fit_sbg_on_one_row_per_subscriber_gives_the_published_estimates_and_writes_the_model()
    {
        var json = Path.Combine(_folder, "sbg.json");

        var (exit, output, error) = CliRunner.Run("fit", "sbg", RegularCsv(), "--unit", "year", "-o", json);

        Assert.True(exit == 0, error);
        Assert.Contains("sBG fitted by maximum likelihood", output, StringComparison.Ordinal);
        Assert.Contains("customers (n) = 1000", output, StringComparison.Ordinal);
        var fit = ProbabilisticJson.DeserializeSbg(File.ReadAllText(json));
        Assert.Equal(TimeUnit.Year, fit.Model.Unit);
        Assert.Equal(0.704, Math.Round(fit.Model.Alpha, 3));
        Assert.Equal(1.182, Math.Round(fit.Model.Beta, 3));
        Assert.Equal(SbgModel.FitSurvivors([1000, 631, 468, 382, 326, 289, 262, 241], TimeUnit.Year).LogLikelihood, fit.LogLikelihood, 1e-6);
    }

    [Fact]
    public void Predict_sbg_gives_the_renewal_probability_and_expected_further_periods_of_each_subscriber()
    {
        var csv = RegularCsv();
        var json = Path.Combine(_folder, "sbg.json");
        Assert.Equal(0, CliRunner.Run("fit", "sbg", csv, "--unit", "year", "-o", json).Exit);
        var model = ProbabilisticJson.DeserializeSbg(File.ReadAllText(json)).Model;

        var (exit, output, error) = CliRunner.Run("predict", json, csv, "--unit", "year", "--horizon", "5");

        Assert.True(exit == 0, error);
        Assert.StartsWith("customer_id,p_renew,expected_periods\n", output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        var rows = Rows(output.ReplaceLineEndings("\n"));
        Assert.Equal(1000, rows.Count);
        Assert.Equal(["0", "0"], rows["s0"]);                     // churned after year 1: nothing more to expect
        var stayer = rows["s999"];                                 // paid 8 years, still subscribed
        var a = model.Alpha;
        var b = model.Beta;
        Assert.Equal((b + 7) / (a + b + 7), D(stayer[0]), 12);   // r(8) = (beta + 7) / (alpha + beta + 7)
        var expected = 0.0;
        var survive = 1.0;
        for (var k = 1; k <= 5; k++)
        {
            survive *= (b + 7 + k - 1) / (a + b + 7 + k - 1);    // S(7 + k) / S(7)
            expected += survive;
        }

        Assert.Equal(expected, D(stayer[1]), 12);
    }

    [Fact]
    public void Predict_sbg_from_given_parameters_without_fitting()
    {
        var (exit, output, error) = CliRunner.Run("predict", "sbg", "--param", "alpha=0.704", "--param", "beta=1.182", RegularCsv(), "--unit", "year", "--horizon", "1");

        Assert.True(exit == 0, error);
        var rows = Rows(output.ReplaceLineEndings("\n"));
        Assert.Equal((1.182 + 7) / (0.704 + 1.182 + 7), D(rows["s999"][0]), 12);
        Assert.Equal(D(rows["s999"][0]), D(rows["s999"][1]), 12);   // within one period: the expected periods are P(renew)
    }

    [Fact]
    public void A_gift_log_summarised_by_yearly_opportunities_fits_bgbb_to_the_published_estimates()
    {
        var log = DonationsLogCsv();
        var summary = Path.Combine(_folder, "opportunities.csv");
        var summarized = CliRunner.Run("summarize", log, "--observation-end", "2006-12-31", "--calibration-end", "2001-12-31", "--unit", "year", "--opportunities", "-o", summary);

        Assert.True(summarized.Exit == 0, summarized.Error);
        Assert.Contains("customers 11104, with a repeat opportunity 7640, first seen in the last year (T = 0, left out of fits) 0", summarized.Output, StringComparison.Ordinal);
        var lines = File.ReadAllLines(summary);
        Assert.Equal("customer_id,frequency,recency,T,monetary_value,time_unit", lines[0]);
        Assert.Equal("g0,0,0,6,0,year", lines[1]);

        var json = Path.Combine(_folder, "gifts-bgbb.json");
        var (exit, output, error) = CliRunner.Run("fit", "bgbb", summary, "-o", json);
        Assert.True(exit == 0, error);
        Assert.Contains("customers (n) = 11104, distinct rows = 22", output, StringComparison.Ordinal);
        var m = ProbabilisticJson.DeserializeBgBb(File.ReadAllText(json)).Model;
        Assert.Equal([1.204, 0.750, 0.657, 2.783], new[] { m.Alpha, m.Beta, m.Gamma, m.Delta }.Select(v => Math.Round(v, 3)));

        // The same summary as Parquet: read back, the same rows.
        var parquet = Path.Combine(_folder, "opportunities.parquet");
        var asParquet = CliRunner.Run("summarize", log, "--observation-end", "2006-12-31", "--calibration-end", "2001-12-31", "--unit", "year", "--opportunities", "-o", parquet);
        Assert.True(asParquet.Exit == 0, asParquet.Error);
        var fromParquet = Ltv.Core.Parquet.ParquetSummaryReader.ReadFile(parquet);
        var fromCsv = Ltv.Core.IO.SummaryCsvReader.Read(summary);
        Assert.Equal(TimeUnit.Year, fromParquet.Unit);
        Assert.Equal(fromCsv.CustomerIds, fromParquet.CustomerIds);
        Assert.Equal(fromCsv.Frequency.ToArray(), fromParquet.Frequency.ToArray());
        Assert.Equal(fromCsv.Recency.ToArray(), fromParquet.Recency.ToArray());
        Assert.Equal(fromCsv.Age.ToArray(), fromParquet.Age.ToArray());
        Assert.Equal(fromCsv.Monetary.ToArray(), fromParquet.Monetary.ToArray());
    }

    [Theory]
    [InlineData("--streaming", null, "ltv: --streaming: not with --opportunities, which reads the whole log.")]
    public void Opportunities_refuse_what_they_cannot_do(string option, string? value, string message)
    {
        var log = Path.Combine(_folder, "small.csv");
        File.WriteAllText(log, "customer_id,date,amount\na,1995-01-01,1.00\n");
        string[] extra = value is null ? [option] : [option, value];
        var run = CliRunner.Run(["summarize", log, "--observation-end", "2001-12-31", "--unit", "year", "--opportunities", .. extra]);

        Assert.Equal(2, run.Exit);
        Assert.Equal(message, run.Error.ReplaceLineEndings("\n").Split('\n')[0]);
    }

    [Fact]
    public void Fit_and_predict_bgbb_on_the_donations_reproduce_the_published_fit_and_the_documented_predictions()
    {
        var csv = DonationsCsv();
        var json = Path.Combine(_folder, "bgbb.json");

        var (exit, output, error) = CliRunner.Run("fit", "bgbb", csv, "--unit", "year", "-o", json);

        Assert.True(exit == 0, error);
        Assert.Contains("customers (n) = 11104, distinct rows = 22", output, StringComparison.Ordinal);
        var fit = ProbabilisticJson.DeserializeBgBb(File.ReadAllText(json));
        var m = fit.Model;
        Assert.Equal([1.204, 0.750, 0.657, 2.783], new[] { m.Alpha, m.Beta, m.Gamma, m.Delta }.Select(v => Math.Round(v, 3)));
        Assert.Equal(-33225.6, Math.Round(fit.LogLikelihood, 1));

        var predicted = CliRunner.Run("predict", json, csv, "--unit", "year", "--horizon", "5");
        Assert.True(predicted.Exit == 0, predicted.Error);
        var text = predicted.Output.ReplaceLineEndings("\n");
        Assert.StartsWith("customer_id,expected_transactions,p_alive\n", text, StringComparison.Ordinal);
        var rows = Rows(text);
        Assert.Equal(11104, rows.Count);
        var lastDonor = rows[$"d{11103}"];                            // the last pattern of the file
        var patterns = Donations.Load();
        var p = patterns.Count - 1;
        Assert.Equal(m.ConditionalExpectedTransactions(5, (int)patterns.Frequency[p], (int)patterns.Recency[p], (int)patterns.Age[p]), D(lastDonor[0]), 12);
        Assert.Equal(m.ProbabilityAlive((int)patterns.Frequency[p], (int)patterns.Recency[p], (int)patterns.Age[p]), D(lastDonor[1]), 12);
        // docs/probabilistic.md: a donor who gave every year (6, 6, 6) expects 3.7525 gifts in the next 5 years.
        var everyYear = rows.Single(r => r.Key == FirstDonorWith(patterns, 6, 6)).Value;
        Assert.Equal(3.7525, D(everyYear[0]), 0.00005);
    }

    [Fact]
    public void Data_that_cannot_identify_sbg_ends_with_exit_1_one_line_and_no_model_written()
    {
        var path = Path.Combine(_folder, "zeros.csv");
        File.WriteAllText(path, "customer_id,periods,churned\na,1,0\nb,1,0\nc,1,0\n");
        var json = Path.Combine(_folder, "zeros.json");

        var (exit, _, error) = CliRunner.Run("fit", "sbg", path, "--unit", "month", "-o", json);

        Assert.Equal(1, exit);
        Assert.False(File.Exists(json));
        var last = error.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n')[^1];
        Assert.StartsWith($"ltv: {path}: the sBG", last, StringComparison.Ordinal);
        Assert.Contains("Nothing was written.", last, StringComparison.Ordinal);
    }

    [Fact]
    public void A_churned_value_other_than_0_or_1_is_bad_data_naming_the_column_and_row()
    {
        var path = Path.Combine(_folder, "bad.csv");
        File.WriteAllText(path, "customer_id,periods,churned\na,3,1\nb,2,yes\n");

        var (exit, _, error) = CliRunner.Run("fit", "sbg", path, "--unit", "month");

        Assert.Equal(1, exit);
        Assert.Contains("churned", error, StringComparison.Ordinal);
    }

    private static string FirstDonorWith(Ltv.Core.History.RfmPatterns patterns, int x, int tx)
    {
        var id = 0;
        for (var p = 0; p < patterns.Count; p++)
        {
            if (patterns.Frequency[p] == x && patterns.Recency[p] == tx)
            {
                return $"d{id}";
            }

            id += (int)patterns.Weight[p];
        }

        throw new InvalidOperationException($"no donor with x = {x}, t_x = {tx}");
    }
}
