namespace Ltv.Core.Probabilistic.Holdout;

/// <summary>One row of the calibration-vs-holdout table: customers with a calibration frequency in [<see cref="MinimumFrequency"/>, <see cref="MaximumFrequency"/>].</summary>
/// <param name="Label">"0", "1", ... or "7+" for an open top bin.</param>
/// <param name="MinimumFrequency">The smallest calibration frequency in the bin.</param>
/// <param name="MaximumFrequency">The largest; <see langword="null"/> for an open top bin.</param>
/// <param name="CustomerCount">Customers in the bin.</param>
/// <param name="MeanActual">Mean actual holdout transactions per customer.</param>
/// <param name="MeanPredicted">Mean predicted (conditional expected) holdout transactions per customer.</param>
public sealed record HoldoutBin(string Label, int MinimumFrequency, int? MaximumFrequency, int CustomerCount, double MeanActual, double MeanPredicted);
