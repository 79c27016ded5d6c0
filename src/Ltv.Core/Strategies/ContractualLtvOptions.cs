using Ltv.Core.Domain;

namespace Ltv.Core.Strategies;

/// <summary>Assumptions of a <see cref="ContractualLtvModel"/>: discounting, horizon and whether the subscriber is new.</summary>
/// <remarks>Validated when the model is created; see <see cref="ContractualLtvModel(Probabilistic.Contractual.SbgModel, ContractualLtvOptions?)"/>.</remarks>
public sealed record ContractualLtvOptions
{
    /// <summary>The default options: undiscounted, infinite horizon, a new subscriber.</summary>
    public static ContractualLtvOptions Default { get; } = new();

    /// <summary>The discount rate per contract period (its period must be the retention curve's), or <see langword="null"/> for none.</summary>
    /// <value>Default <see langword="null"/>: undiscounted, which needs α &gt; 1 or a finite <see cref="Horizon"/> (otherwise the expected lifetime is infinite).</value>
    public DiscountRate? DiscountRate { get; init; }

    /// <summary>
    /// Renewals an existing subscriber has made (they have paid for <c>Renewals + 1</c> periods and are about to decide on the
    /// next): the value is then the residual value, margin x DERL. <see langword="null"/> values a new subscriber (margin x DEL,
    /// first payment counted).
    /// </summary>
    /// <value>Default <see langword="null"/>: a new subscriber.</value>
    public int? Renewals { get; init; }

    /// <summary>A finite horizon, a whole number of contract periods after exact conversion, or <see langword="null"/> for none.</summary>
    /// <value>Default <see langword="null"/>: an infinite horizon.</value>
    public Duration? Horizon { get; init; }
}
