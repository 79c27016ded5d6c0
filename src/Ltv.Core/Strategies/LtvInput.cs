namespace Ltv.Core.Strategies;

/// <summary>One input or assumption behind an <see cref="LtvEstimate"/>, as a reader of a report sees it.</summary>
/// <param name="Name">The input's name, for example "AveragePurchaseValue" or "Timing".</param>
/// <param name="Value">The value as invariant text with its unit, for example "500.00 SEK" or "6 per year".</param>
public sealed record LtvInput(string Name, string Value);
