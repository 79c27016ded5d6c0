namespace Ltv.Cli.Models;

/// <summary>Command-line names, library names and parameter names of the <see cref="ModelKind"/> values.</summary>
internal static class ModelKinds
{
    /// <summary>The command-line names, a documented contract: bgnbd, mbgnbd, pnbd, gg.</summary>
    public static readonly string[] CommandNames = ["bgnbd", "mbgnbd", "pnbd", "gg"];

    public static bool TryParse(string name, out ModelKind kind)
    {
        var i = Array.IndexOf(CommandNames, name);
        kind = i < 0 ? default : (ModelKind)i;
        return i >= 0;
    }

    public static string CommandName(this ModelKind kind) => CommandNames[(int)kind];

    /// <summary>The name the library writes into <c>ModelName</c> of the model JSON.</summary>
    public static string LibraryName(this ModelKind kind) => kind switch
    {
        ModelKind.BgNbd => "BG/NBD",
        ModelKind.MbgNbd => "MBG/NBD",
        ModelKind.ParetoNbd => "Pareto/NBD",
        _ => "Gamma-Gamma",
    };

    public static bool TryParseLibraryName(string? name, out ModelKind kind)
    {
        foreach (var k in Enum.GetValues<ModelKind>())
        {
            if (k.LibraryName() == name)
            {
                kind = k;
                return true;
            }
        }

        kind = default;
        return false;
    }

    /// <summary>The parameters in the model's constructor order, named as in the literature and the model JSON.</summary>
    public static string[] ParameterNames(this ModelKind kind) => kind switch
    {
        ModelKind.BgNbd or ModelKind.MbgNbd => ["r", "alpha", "a", "b"],
        ModelKind.ParetoNbd => ["r", "alpha", "s", "beta"],
        _ => ["p", "q", "gamma"],
    };

    public static bool IsCountModel(this ModelKind kind) => kind != ModelKind.GammaGamma;
}
