using System.Globalization;
using Ltv.Core.Datasets;

namespace Ltv.Core.Tests.Cli;

/// <summary>
/// The CDNOW sample run through <c>ltv summarize</c> (weeks, calibration to 1997-09-30) and <c>ltv fit</c> once per
/// test class: the summary CSV and the four fitted model JSON files in a temporary folder.
/// </summary>
public sealed class CdnowCliFixture : IDisposable
{
    public CdnowCliFixture()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("ltv-cli-models-").FullName;
        var log = Path("CDNOW_sample.txt");
        File.WriteAllText(log, EmbeddedData.ReadAllText(EmbeddedData.CdnowSample));
        Summary = Path("summary.csv");
        Check(CliRunner.Run("summarize", log, "--format", "cdnow", "--observation-end", "1998-06-30", "--calibration-end", "1997-09-30", "--unit", "week", "-o", Summary));
        foreach (var model in new[] { "bgnbd", "mbgnbd", "pnbd", "gg" })
        {
            FitOutput[model] = Check(CliRunner.Run("fit", model, Summary, "-o", Model(model)));
        }

        Rows = File.ReadLines(Summary).Skip(1).Select(l => l.Split(',')).ToDictionary(
            r => r[0],
            r => (X: Parse(r[1]), Tx: Parse(r[2]), T: Parse(r[3]), M: Parse(r[4])));
    }

    public string Directory { get; }

    public string Summary { get; }

    /// <summary>Standard output of each fit, by model name.</summary>
    public Dictionary<string, string> FitOutput { get; } = [];

    /// <summary>The summary's rows by customer id.</summary>
    public Dictionary<string, (double X, double Tx, double T, double M)> Rows { get; }

    public string Path(string name) => System.IO.Path.Combine(Directory, name);

    /// <summary>The fitted model JSON of a model name (bgnbd, mbgnbd, pnbd, gg).</summary>
    public string Model(string name) => Path(name + ".json");

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);

    public static double Parse(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    /// <summary>Parses an output CSV into its header and rows keyed by the first column.</summary>
    public static (string Header, Dictionary<string, double[]> Rows) ReadCsv(string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return (lines[0], lines.Skip(1).Select(l => l.Split(',')).ToDictionary(r => r[0], r => r.Skip(1).Select(Parse).ToArray()));
    }

    private static string Check((int Exit, string Output, string Error) run) =>
        run.Exit == 0 ? run.Output : throw new InvalidOperationException($"ltv failed ({run.Exit}): {run.Error}");
}
