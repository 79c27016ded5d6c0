using Ltv.Core.Domain;
using Ltv.Core.Probabilistic.Models;
using Ltv.Core.Probabilistic.Serialization;

namespace Ltv.Core.Tests.Cli;

/// <summary>Issue 11 item 4, issue 15 items 7 and 11 through the command line.</summary>
public sealed class FitVerdictCliTests(CdnowCliFixture cdnow) : IClassFixture<CdnowCliFixture>
{
    [Fact]
    public void Fit_pnbd_on_a_three_customer_summary_exits_1_with_a_one_line_reason()
    {
        var path = cdnow.Path("three.csv");
        File.WriteAllText(path, "customer_id,frequency,recency,T,monetary_value,time_unit\na,2,5,10,10,week\nb,0,0,10,0,week\nc,5,8,12,20,week\n");

        var (exit, output, error) = CliRunner.Run("fit", "pnbd", path);

        Assert.Equal(1, exit);
        Assert.Equal(string.Empty, output);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal($"ltv: {path}: the Pareto/NBD model cannot be fitted: 3 customers cannot identify the 4 parameters r, alpha, s, beta; fit on more customers. Nothing was written.", line);
    }

    [Fact]
    public void Predict_with_a_parameter_outside_the_computable_range_is_refused_naming_the_param()
    {
        var (exit, output, error) = CliRunner.Run("predict", "pnbd", "--param", "r=1e308", "--param", "alpha=10", "--param", "s=0.6", "--param", "beta=11", cdnow.Summary, "--horizon", "39");

        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
        Assert.Equal("ltv: --param r: r must be within the computable range [1e-10, 1e10] (was '1E+308').", Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }

    [Fact]
    public void A_model_JSON_with_a_parameter_outside_the_computable_range_is_refused_naming_the_field()
    {
        var path = cdnow.Path("huge-r.json");
        File.WriteAllText(path, File.ReadAllText(cdnow.Model("pnbd")).Replace("\"R\": 0.", "\"R\": 1e308, \"Ignored\": 0.", StringComparison.Ordinal));

        var (exit, _, error) = CliRunner.Run("predict", path, cdnow.Summary, "--horizon", "39");

        Assert.Equal(1, exit);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("field Model.R must be within the computable range [1e-10, 1e10] (was '1E+308').", line, StringComparison.Ordinal);
    }

    [Fact]
    public void An_edited_copy_in_the_Parameters_list_that_disagrees_with_Model_is_refused()
    {
        var json = File.ReadAllText(cdnow.Model("bgnbd"));
        var fit = ProbabilisticJson.DeserializeBgNbd(json);
        var listed = Guard(fit.Parameters[2].Value);
        var path = cdnow.Path("edited.json");
        File.WriteAllText(path, json.Replace($"\"Value\": {listed}", "\"Value\": 0.9", StringComparison.Ordinal));

        var (exit, _, error) = CliRunner.Run("predict", path, cdnow.Summary, "--horizon", "39");

        Assert.Equal(1, exit);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"{path}: Parameters[2].Value (a) is 0.9 but Model.A is {listed}: the two copies of a parameter must agree", line, StringComparison.Ordinal);
        Assert.Throws<System.Text.Json.JsonException>(() => ProbabilisticJson.DeserializeBgNbd(File.ReadAllText(path)));
    }

    [Fact]
    public void The_library_refuses_parameters_outside_the_computable_range_by_name_and_never_returns_NaN_inside_it()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new ParetoNbdModel(1e308, 10, 0.6, 11, TimeUnit.Week));
        Assert.Equal("r", ex.ParamName);
        Assert.Contains("(was '1E+308')", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => new BgNbdModel(0.24, 4.4, 1e-300, 2.4, TimeUnit.Week));

        var rows = cdnow.Rows.Values.Take(5).ToArray();
        foreach (var r in new[] { 1e-10, 1e10 })
        {
            ICountModel[] models = [new ParetoNbdModel(r, 10, 0.6, 11, TimeUnit.Week), new BgNbdModel(r, 4.4, 0.79, 2.4, TimeUnit.Week), new MbgNbdModel(r, 4.4, 0.79, 2.4, TimeUnit.Week)];
            foreach (var model in models)
            {
                foreach (var row in rows)
                {
                    try
                    {
                        Assert.False(double.IsNaN(model.ProbabilityAlive(row.X, row.Tx, row.T)));
                        Assert.False(double.IsNaN(model.ConditionalExpectedPurchases(39, row.X, row.Tx, row.T)));
                    }
                    catch (Exception e) when (e is ArgumentException or ArithmeticException)
                    {
                        // A refusal naming the input is allowed; NaN is not.
                    }
                }
            }
        }
    }

    private static string Guard(double value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
