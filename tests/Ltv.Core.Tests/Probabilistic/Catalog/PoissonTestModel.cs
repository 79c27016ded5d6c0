using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

using Ltv.Core.Domain;
using Ltv.Core.History;
using Ltv.Core.Probabilistic.Catalog;
using Ltv.Core.Probabilistic.Fitting;
using Ltv.Core.Validation;

namespace Ltv.Core.Tests.Probabilistic.Catalog;

/// <summary>A test-only model kind: every customer buys as a Poisson process with one rate λ (no dropout).</summary>
public sealed record PoissonTestModel
{
    public PoissonTestModel(double lambda, TimeUnit unit)
    {
        Lambda = Guard.FinitePositive(lambda, nameof(lambda));
        Unit = unit;
    }

    public double Lambda { get; }

    public TimeUnit Unit { get; }
}

/// <summary>Its declaration: written only in the test assembly, with the public catalog API and no edit of src/Ltv.Cli.</summary>
public sealed class PoissonTestDefinition : ModelDefinition<PoissonTestModel>
{
    public static PoissonTestDefinition Instance { get; } = new();

    public override string Key => "poisson";

    public override string Name => "Poisson";

    public override string Description => "one Poisson purchase rate for everybody (a test-only model)";

    public override IReadOnlyList<string> ParameterNames => ["lambda"];

    public override IReadOnlyList<string> InputColumns => [CustomerSummaries.FrequencyColumn, CustomerSummaries.AgeColumn];

    public override IReadOnlyList<string> PredictionColumns => ["expected_purchases"];

    public override bool PredictionNeedsHorizon => true;

    public override bool HasTimeUnit => true;

    protected override JsonTypeInfo<FitResult<PoissonTestModel>> JsonTypeInfo => PoissonTestJsonContext.Default.FitResultPoissonTestModel;

    public override IReadOnlyList<double> Values(PoissonTestModel model) => [model.Lambda];

    public override TimeUnit? UnitOf(PoissonTestModel model) => model.Unit;

    /// <summary>The maximum-likelihood rate is closed form: total repeat purchases over total time.</summary>
    public override FitResult<PoissonTestModel> FitTyped(CustomerSummaries summary, TimeUnit unit, FitOptions? options, IProgress<FitProgress>? progress, ICollection<string> notes, CancellationToken cancellationToken)
    {
        double purchases = 0, time = 0;
        for (var i = 0; i < summary.Count; i++)
        {
            purchases += summary.Frequency[i];
            time += summary.Age[i];
        }

        var lambda = purchases / time;
        var logLikelihood = (purchases * Math.Log(lambda)) - (lambda * time);
        return new FitResult<PoissonTestModel>
        {
            Model = new PoissonTestModel(lambda, unit),
            ModelName = Name,
            Parameters = [new ParameterEstimate("lambda", lambda, Math.Sqrt(lambda / time))],
            LogLikelihood = logLikelihood,
            CustomerCount = summary.Count,
            RowCount = summary.Count,
            Iterations = 0,
            Evaluations = 1,
            GradientNorm = 0,
            ExitReason = FitExitReason.Converged,
        };
    }

    protected override PoissonTestModel Build(IReadOnlyList<double> parameters, TimeUnit unit) => new(parameters[0], unit);

    protected override void Predict(PoissonTestModel model, CustomerSummaries summary, double? horizon, double[][] destination) =>
        Array.Fill(destination[0], model.Lambda * horizon!.Value);
}

[JsonSourceGenerationOptions(WriteIndented = true, UseStringEnumConverter = true)]
[JsonSerializable(typeof(FitResult<PoissonTestModel>))]
internal sealed partial class PoissonTestJsonContext : JsonSerializerContext;
