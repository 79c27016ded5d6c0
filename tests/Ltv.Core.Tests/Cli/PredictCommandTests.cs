using Ltv.Core.Domain;
using Ltv.Core.Probabilistic.Models;
using Ltv.Core.Probabilistic.Serialization;

namespace Ltv.Core.Tests.Cli;

public sealed class PredictCommandTests(CdnowCliFixture cdnow) : IClassFixture<CdnowCliFixture>
{
    private static readonly string[] Customers = ["0001", "0002", "0018", "1516"];

    private static readonly string[] PublishedBgNbd = ["--param", "r=0.243", "--param", "alpha=4.414", "--param", "a=0.793", "--param", "b=2.426"];

    [Theory]
    [InlineData("bgnbd")]
    [InlineData("mbgnbd")]
    [InlineData("pnbd")]
    public void Count_model_JSON_predictions_are_the_library_predictions_for_every_customer(string name)
    {
        var output = cdnow.Path($"predict-{name}.csv");
        var json = File.ReadAllText(cdnow.Model(name));
        ICountModel model = name switch
        {
            "bgnbd" => ProbabilisticJson.DeserializeBgNbd(json).Model,
            "mbgnbd" => ProbabilisticJson.DeserializeMbgNbd(json).Model,
            _ => ProbabilisticJson.DeserializeParetoNbd(json).Model,
        };

        var (exit, _, error) = CliRunner.Run("predict", cdnow.Model(name), cdnow.Summary, "--horizon", "39", "-o", output);

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        var (header, rows) = CdnowCliFixture.ReadCsv(File.ReadAllText(output));
        Assert.Equal("customer_id,expected_purchases,p_alive", header);
        Assert.Equal(2357, rows.Count);
        foreach (var (id, r) in cdnow.Rows)
        {
            Assert.Equal(model.ConditionalExpectedPurchases(39, r.X, r.Tx, r.T), rows[id][0], 1e-12);
            Assert.Equal(model.ProbabilityAlive(r.X, r.Tx, r.T), rows[id][1], 1e-12);
        }
    }

    [Fact]
    public void Published_parameters_evaluate_without_fitting()
    {
        var (exit, output, _) = CliRunner.Run(["predict", "bgnbd", .. PublishedBgNbd, cdnow.Summary, "--horizon", "39"]);

        Assert.Equal(0, exit);
        var (header, rows) = CdnowCliFixture.ReadCsv(output);
        Assert.Equal("customer_id,expected_purchases,p_alive", header);
        var model = new BgNbdModel(0.243, 4.414, 0.793, 2.426, TimeUnit.Week);
        foreach (var id in Customers)
        {
            var r = cdnow.Rows[id];
            Assert.Equal(model.ConditionalExpectedPurchases(39, r.X, r.Tx, r.T), rows[id][0], 1e-12);
            Assert.Equal(model.ProbabilityAlive(r.X, r.Tx, r.T), rows[id][1], 1e-12);
        }

        // docs/probabilistic.md, customer 1: P(alive) 0.7266, 1.2259 purchases in 39 weeks.
        Assert.Equal(0.7266, rows["0001"][1], 0.0005);
        Assert.Equal(1.2259, rows["0001"][0], 0.0005);
    }

    [Fact]
    public void Pareto_NBD_parameters_are_r_alpha_s_beta()
    {
        var (exit, output, _) = CliRunner.Run("predict", "pnbd", "--param", "r=0.553", "--param", "alpha=10.578", "--param", "s=0.606", "--param", "beta=11.669", cdnow.Summary, "--horizon", "39");

        Assert.Equal(0, exit);
        var rows = CdnowCliFixture.ReadCsv(output).Rows;
        Assert.Equal(0.8691, rows["0001"][1], 0.0005);
        Assert.Equal(1.4551, rows["0001"][0], 0.0005);
    }

    [Fact]
    public void Gamma_Gamma_predicts_expected_average_spend_from_JSON_and_from_parameters()
    {
        var model = ProbabilisticJson.DeserializeGammaGamma(File.ReadAllText(cdnow.Model("gg"))).Model;

        var fromJson = CliRunner.Run("predict", cdnow.Model("gg"), cdnow.Summary);
        var fromParams = CliRunner.Run("predict", "gg", "--param", "p=6.25", "--param", "q=3.74", "--param", "gamma=15.44", cdnow.Summary);

        Assert.Equal(0, fromJson.Exit);
        var (header, rows) = CdnowCliFixture.ReadCsv(fromJson.Output);
        Assert.Equal("customer_id,expected_avg_spend", header);
        Assert.Equal(2357, rows.Count);
        foreach (var id in Customers)
        {
            var r = cdnow.Rows[id];
            Assert.Equal(model.ConditionalExpectedSpend(r.X, r.M), Assert.Single(rows[id]));
        }

        Assert.Equal(0, fromParams.Exit);
        Assert.Equal(24.66, CdnowCliFixture.ReadCsv(fromParams.Output).Rows["0001"][0], 0.01);
    }

    [Fact]
    public void Numbers_are_written_in_round_trip_form()
    {
        var (_, output, _) = CliRunner.Run(["predict", "bgnbd", .. PublishedBgNbd, cdnow.Summary, "--horizon", "39"]);
        var model = new BgNbdModel(0.243, 4.414, 0.793, 2.426, TimeUnit.Week);
        var r = cdnow.Rows["0001"];
        var expected = new double[1];
        model.ProbabilityAlive([r.X], [r.Tx], [r.T], expected);

        Assert.Equal(expected[0], CdnowCliFixture.ReadCsv(output).Rows["0001"][1]);
    }

    [Theory]
    [InlineData("missing b", "--param", "r=0.243", "--param", "alpha=4.414", "--param", "a=0.793")]
    [InlineData("'s' is not a parameter of bgnbd (its parameters are r, alpha, a, b)", "--param", "r=0.243", "--param", "alpha=4.414", "--param", "a=0.793", "--param", "b=2.426", "--param", "s=1")]
    [InlineData("'r' is given twice", "--param", "r=0.243", "--param", "r=0.3", "--param", "alpha=4.414", "--param", "a=0.793", "--param", "b=2.426")]
    [InlineData("r must be a finite positive number with '.' decimals (was '0,243')", "--param", "r=0,243", "--param", "alpha=4.414", "--param", "a=0.793", "--param", "b=2.426")]
    [InlineData("(was '-1')", "--param", "r=-1", "--param", "alpha=4.414", "--param", "a=0.793", "--param", "b=2.426")]
    [InlineData("'r' is not name=value", "--param", "r", "--param", "alpha=4.414", "--param", "a=0.793", "--param", "b=2.426")]
    [InlineData("needs r, alpha, a, b; missing r, alpha, a, b")]
    public void Bad_parameters_exit_2_naming_the_parameter(string expected, params string[] parameters)
    {
        var (exit, output, error) = CliRunner.Run(["predict", "bgnbd", .. parameters, cdnow.Summary, "--horizon", "39"]);

        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
        Assert.Contains(expected, Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--param: only with a model name", "MODEL:bgnbd", "--param", "r=1", "--horizon", "39")]
    [InlineData("--horizon: the BG/NBD model needs the horizon", "MODEL:bgnbd")]
    [InlineData("--horizon: must be a finite number, zero or more", "MODEL:bgnbd", "--horizon", "-1")]
    [InlineData("leave --horizon out", "MODEL:gg", "--horizon", "39")]
    [InlineData("is neither a model name", "bgnbdd", "--horizon", "39")]
    public void Bad_usage_exits_2(string expected, string model, params string[] more)
    {
        var modelArgument = model.StartsWith("MODEL:", StringComparison.Ordinal) ? cdnow.Model(model[6..]) : model;

        var (exit, _, error) = CliRunner.Run(["predict", modelArgument, cdnow.Summary, .. more]);

        Assert.Equal(2, exit);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_unit_other_than_the_model_s_is_bad_data()
    {
        var (exit, _, error) = CliRunner.Run("predict", cdnow.Model("bgnbd"), cdnow.Summary, "--horizon", "39", "--unit", "day");

        Assert.Equal(1, exit);
        Assert.Contains("the model was fitted on data in weeks, but --unit says the summary is in days (was 'day')", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ \"ModelName\": \"BG/NBD\",\n  \"Model\": { \"R\": 1,, } }", ", line 2, column ")]
    [InlineData("{ \"ModelName\": \"GGom/NBD\" }", ": 'ModelName' must be BG/NBD, MBG/NBD, Pareto/NBD, Gamma-Gamma, BG/BB or sBG (was 'GGom/NBD')")]
    [InlineData("[1, 2]", ": 'ModelName' must be BG/NBD, MBG/NBD, Pareto/NBD, Gamma-Gamma, BG/BB or sBG (was 'missing')")]
    [InlineData("{ \"ModelName\": \"BG/NBD\" }", ", line 1, column 26: not a model JSON written by 'ltv fit' (JSON deserialization")]
    public void A_broken_model_file_is_bad_data_naming_the_file(string json, string expected)
    {
        var path = cdnow.Path("broken.json");
        File.WriteAllText(path, json);

        var (exit, _, error) = CliRunner.Run("predict", path, cdnow.Summary, "--horizon", "39");

        Assert.Equal(1, exit);
        Assert.Contains(path + expected, Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_file_with_a_parameter_out_of_range_is_bad_data()
    {
        var path = cdnow.Path("negative.json");
        File.WriteAllText(path, File.ReadAllText(cdnow.Model("gg")).Replace("\"P\": 6.", "\"P\": -6.", StringComparison.Ordinal));

        var (exit, _, error) = CliRunner.Run("predict", path, cdnow.Summary);

        Assert.Equal(1, exit);
        Assert.Contains($"{path}: field Model.P must be", error, StringComparison.Ordinal);
        Assert.Contains("-6.", error, StringComparison.Ordinal);
    }
}
