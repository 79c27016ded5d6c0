using System.Text.Json.Serialization.Metadata;

using Ltv.Core.Domain;
using Ltv.Core.History;
using Ltv.Core.Probabilistic.Catalog;
using Ltv.Core.Probabilistic.Fitting;
using Ltv.Core.Probabilistic.Models;

namespace Ltv.Core.Tests.Probabilistic.Catalog;

/// <summary>The declaring constructors of <see cref="ModelDefinition"/> and <see cref="ModelDefinition{TModel}"/>, and the shared fit and record parts.</summary>
public sealed class ModelDefinitionDeclarationTests
{
    [Fact]
    public void A_definition_declared_through_the_constructor_answers_with_what_it_passed()
    {
        var definition = DeclaredPoisson.Instance;

        Assert.Equal("poisson-declared", definition.Key);
        Assert.Equal("Poisson (declared)", definition.Name);
        Assert.Equal("one Poisson rate, declared through the constructor", definition.Description);
        Assert.Equal(["lambda"], definition.ParameterNames);
        Assert.Equal([CustomerSummaries.FrequencyColumn, CustomerSummaries.AgeColumn], definition.InputColumns);
        Assert.Equal(["expected_purchases"], definition.PredictionColumns);
        Assert.True(definition.PredictionNeedsHorizon);
        Assert.False(definition.HasTimeUnit);
        var built = definition.Create([0.25], TimeUnit.Week);
        Assert.Equal([0.25], built.ParameterValues);
        Assert.Equal(new PoissonTestModel(0.25, TimeUnit.Week), built.Model);
    }

    [Fact]
    public void A_definition_that_neither_passes_nor_overrides_a_member_says_which()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => Undeclared.Instance.Key);

        Assert.Equal("Undeclared must pass Key to the ModelDefinition constructor or override it.", ex.Message);
        Assert.Contains("ParameterNames", Assert.Throws<InvalidOperationException>(() => Undeclared.Instance.ParameterNames).Message, StringComparison.Ordinal);
        Assert.Contains("Values", Assert.Throws<InvalidOperationException>(() => Undeclared.Instance.Values(new PoissonTestModel(1, TimeUnit.Day))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_declaring_constructor_refuses_an_empty_parameter_list_by_name()
    {
        var ex = Assert.Throws<ArgumentException>(() => new DeclaredPoisson([]));

        Assert.Equal("parameterNames", ex.ParamName);
    }

    [Fact]
    public void The_declared_definition_keeps_its_own_copy_of_the_lists()
    {
        string[] names = ["lambda"];
        var definition = new DeclaredPoisson(names);
        names[0] = "changed";

        Assert.Equal(["lambda"], definition.ParameterNames);
    }

    [Fact]
    public void Values_refuses_a_null_model()
    {
        Assert.Throws<ArgumentNullException>(() => BgNbdDefinition.Instance.Values(null!));
    }

    [Theory]
    [InlineData("bgnbd", "acquired at the calibration end")]
    [InlineData("mbgnbd", "acquired at the calibration end")]
    [InlineData("pnbd", "acquired at the calibration end")]
    [InlineData("bgbb", "no opportunity after the first yet")]
    public void Customers_with_T_zero_are_left_out_with_one_note(string key, string why)
    {
        Assert.True(ModelCatalog.BuiltIn.TryFind(key, out var definition));
        var summary = CustomerSummaries.FromColumns(
            ["a", "b", "c", "d", "e"],
            [2, 0, 3, 1, 0],
            [4, 0, 5, 2, 0],
            [6, 3, 7, 4, 0],
            [0, 0, 0, 0, 0],
            TimeUnit.Week);

        var fit = definition.Fit(summary, TimeUnit.Week, new FitOptions { MaximumIterations = 3 });

        Assert.Equal([$"left out 1 customers with T = 0 ({why})"], fit.Notes);
    }

    [Fact]
    public void The_BG_NBD_and_MBG_NBD_records_keep_value_equality_and_print_their_parameters_only()
    {
        var bg = new BgNbdModel(0.243, 4.414, 0.793, 2.426, TimeUnit.Week);
        var mbg = new MbgNbdModel(0.243, 4.414, 0.793, 2.426, TimeUnit.Week);

        Assert.Equal(new BgNbdModel(0.243, 4.414, 0.793, 2.426, TimeUnit.Week), bg);
        Assert.NotEqual(bg with { }, new BgNbdModel(0.243, 4.414, 0.793, 2.5, TimeUnit.Week));
        Assert.Equal("BgNbdModel { R = 0.243, Alpha = 4.414, A = 0.793, B = 2.426, Unit = Week, Name = BG/NBD }", bg.ToString());
        Assert.Equal("MbgNbdModel { R = 0.243, Alpha = 4.414, A = 0.793, B = 2.426, Unit = Week, Name = MBG/NBD }", mbg.ToString());
    }

    [Theory]
    [InlineData(0, "r")]
    [InlineData(1, "alpha")]
    [InlineData(2, "a")]
    [InlineData(3, "b")]
    public void The_shared_constructor_check_names_the_parameter_and_the_value(int index, string name)
    {
        double[] p = [1, 2, 3, 4];
        p[index] = -0.5;

        var bg = Assert.Throws<ArgumentOutOfRangeException>(() => new BgNbdModel(p[0], p[1], p[2], p[3], TimeUnit.Week));
        var mbg = Assert.Throws<ArgumentOutOfRangeException>(() => new MbgNbdModel(p[0], p[1], p[2], p[3], TimeUnit.Week));

        Assert.Equal(name, bg.ParamName);
        Assert.Equal(name, mbg.ParamName);
        Assert.Contains("-0.5", bg.Message, StringComparison.Ordinal);
    }

    private sealed class DeclaredPoisson(IReadOnlyList<string> names) : ModelDefinition<PoissonTestModel>(
        "poisson-declared",
        "Poisson (declared)",
        "one Poisson rate, declared through the constructor",
        names,
        [CustomerSummaries.FrequencyColumn, CustomerSummaries.AgeColumn],
        ["expected_purchases"],
        predictionNeedsHorizon: true,
        hasTimeUnit: false,
        PoissonTestJsonContext.Default.FitResultPoissonTestModel,
        m => [m.Lambda],
        (p, unit) => new PoissonTestModel(p[0], unit))
    {
        public static DeclaredPoisson Instance { get; } = new(["lambda"]);

        public override TimeUnit? UnitOf(PoissonTestModel model) => null;

        public override FitResult<PoissonTestModel> FitTyped(CustomerSummaries summary, TimeUnit unit, FitOptions? options, IProgress<FitProgress>? progress, ICollection<string> notes, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        protected override void Predict(PoissonTestModel model, CustomerSummaries summary, double? horizon, double[][] destination) =>
            Array.Fill(destination[0], model.Lambda * horizon!.Value);
    }

    private sealed class Undeclared : ModelDefinition<PoissonTestModel>
    {
        public static Undeclared Instance { get; } = new();

        public override TimeUnit? UnitOf(PoissonTestModel model) => null;

        public override FitResult<PoissonTestModel> FitTyped(CustomerSummaries summary, TimeUnit unit, FitOptions? options, IProgress<FitProgress>? progress, ICollection<string> notes, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        protected override void Predict(PoissonTestModel model, CustomerSummaries summary, double? horizon, double[][] destination) =>
            throw new NotSupportedException();
    }
}
