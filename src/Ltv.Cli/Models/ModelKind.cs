namespace Ltv.Cli.Models;

/// <summary>The models the <c>ltv</c> commands fit, load and evaluate.</summary>
internal enum ModelKind
{
    /// <summary>BG/NBD (<c>bgnbd</c>).</summary>
    BgNbd,

    /// <summary>MBG/NBD (<c>mbgnbd</c>).</summary>
    MbgNbd,

    /// <summary>Pareto/NBD (<c>pnbd</c>).</summary>
    ParetoNbd,

    /// <summary>Gamma-Gamma spend model (<c>gg</c>).</summary>
    GammaGamma,
}
