using System.Reflection;
using System.Runtime.Loader;
using System.Text.RegularExpressions;

using Ltv.Core.Datasets;
using Ltv.Core.Domain;

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Ltv.Core.Tests.Docs;

/// <summary>
/// Every ```csharp block of README.md, compiled as pasted into a new console app (`dotnet new console`: its
/// implicit global usings, nothing else) against Ltv.Core and Ltv.Core.Datasets, then run; each value a
/// <c>Console.WriteLine(...); // value</c> line promises must appear in what the block prints.
/// </summary>
public partial class ReadmeBlocksTests
{
    private static readonly Lock ConsoleGate = new();

    /// <summary>The global usings of a .NET 10 console project with ImplicitUsings on.</summary>
    private const string ImplicitUsings =
        "global using System; global using System.Collections.Generic; global using System.IO; global using System.Linq; " +
        "global using System.Net.Http; global using System.Threading; global using System.Threading.Tasks;";

    public static TheoryData<int> Blocks => [.. Enumerable.Range(0, ReadBlocks().Count)];

    [Fact]
    public void The_readme_has_its_four_blocks()
    {
        Assert.Equal(4, ReadBlocks().Count);
    }

    [Theory]
    [MemberData(nameof(Blocks))]
    public void Each_block_compiles_as_pasted_and_prints_what_its_comments_promise(int index)
    {
        var (line, code) = ReadBlocks()[index];
        var folder = Directory.CreateTempSubdirectory("ltv-readme-").FullName;
        try
        {
            // The purchase-log block reads orders.csv from the working folder: give it one, by absolute path
            // (the working folder is shared by every test running in parallel).
            var orders = Path.Combine(folder, "orders.csv");
            File.WriteAllText(orders, "customer_id,date,amount\nB2B-1,2024-01-05,1200.00\nC-7,2024-02-10,99.50\nB2B-1,2024-06-01,800.00\n");
            var runnable = code.Replace("\"orders.csv\"", "@\"" + orders + "\"", StringComparison.Ordinal);

            var output = CompileAndRun(runnable, $"README.md line {line}");
            foreach (var promise in Promises(code))
            {
                Assert.True(output.Contains(promise, StringComparison.Ordinal), $"README.md line {line}: the block should print '{promise}'; it printed:\n{output}");
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_block_that_does_not_compile_fails()
    {
        // The check can fail: a bare expression, as two README blocks once had.
        var e = Assert.Throws<Xunit.Sdk.TrueException>(() => CompileAndRun("using Ltv.Core.Domain;\nvar m = Money.Of(1m, Currency.SEK);\nm.Amount;\n", "bad"));
        Assert.Contains("CS0201", e.Message, StringComparison.Ordinal);
    }

    /// <summary>The blocks with the 1-based line of their opening fence.</summary>
    private static List<(int Line, string Code)> ReadBlocks()
    {
        var lines = File.ReadAllLines(FindReadme());
        var blocks = new List<(int, string)>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim() == "```csharp")
            {
                var end = Array.FindIndex(lines, i + 1, l => l.Trim() == "```");
                blocks.Add((i + 1, string.Join('\n', lines[(i + 1)..end])));
                i = end;
            }
        }

        return blocks;
    }

    /// <summary>The value each <c>Console.WriteLine(...); // value</c> comment promises: the comment up to " for " or " in the ".</summary>
    private static IEnumerable<string> Promises(string code)
    {
        foreach (Match m in PrintedComment().Matches(code))
        {
            var text = m.Groups["value"].Value.Trim();
            foreach (var tail in new[] { " for ", " in the " })
            {
                var at = text.IndexOf(tail, StringComparison.Ordinal);
                text = at >= 0 ? text[..at] : text;
            }

            yield return text;
        }
    }

    internal static string CompileAndRun(string code, string name)
    {
        var trees = new[]
        {
            CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(LanguageVersion.Latest), path: name),
            CSharpSyntaxTree.ParseText(ImplicitUsings, new CSharpParseOptions(LanguageVersion.Latest)),
        };
        var framework = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var references = framework.Concat([typeof(Money).Assembly.Location, typeof(CdnowDatasets).Assembly.Location])
            .Distinct()
            .Select(p => MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create(
            "ReadmeBlock",
            trees,
            references,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        var problems = result.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()).ToList();
        Assert.True(problems.Count == 0, $"{name} does not compile cleanly as pasted:\n{string.Join('\n', problems)}");

        image.Position = 0;
        var context = new AssemblyLoadContext(name, isCollectible: true);
        try
        {
            var entry = context.LoadFromStream(image).EntryPoint!;
            using var output = new StringWriter();
            lock (ConsoleGate)
            {
                var console = Console.Out;
                Console.SetOut(output);
                try
                {
                    entry.Invoke(null, entry.GetParameters().Length == 0 ? null : [Array.Empty<string>()]);
                }
                catch (TargetInvocationException e) when (e.InnerException is not null)
                {
                    Assert.Fail($"{name} throws when run: {e.InnerException}");
                }
                finally
                {
                    Console.SetOut(console);
                }
            }

            return output.ToString();
        }
        finally
        {
            context.Unload();
        }
    }

    private static string FindReadme()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "README.md");
            if (File.Exists(path) && File.Exists(Path.Combine(dir.FullName, "Ltv.Core.sln")))
            {
                return path;
            }
        }

        throw new FileNotFoundException("README.md not found above the test folder.");
    }

    [GeneratedRegex(@"Console\.WriteLine\(.*\);\s*//(?<value>[^\n]*)")]
    private static partial Regex PrintedComment();
}
