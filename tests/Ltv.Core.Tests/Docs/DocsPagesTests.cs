using System.Text;
using System.Text.RegularExpressions;

using Ltv.Core.Datasets;
using Ltv.Core.Domain;

namespace Ltv.Core.Tests.Docs;

/// <summary>
/// The ```csharp blocks of the docs pages, compiled and run. A page's blocks read like notebook cells: they run in
/// order as one program (a later block uses what an earlier one made), with a <c>using</c> for every public
/// namespace of Ltv.Core and Ltv.Core.Datasets besides the console app's implicit global usings; a block's own
/// <c>using</c> directives are hoisted to the top. Every <c>Console.WriteLine(...); // value</c> promises that the
/// value (the comment's first word) appears in what that line printed. Errors name the page and its line.
/// To cover another page, add a row to <see cref="Pages"/>.
/// </summary>
public partial class DocsPagesTests
{
    /// <summary>The pages whose blocks run, with the number of blocks each has (so a block cannot silently vanish).</summary>
    public static TheoryData<string, int> Pages => new()
    {
        { "docs/validation-and-scenarios.md", 5 },
        { "docs/probabilistic.md", 11 },
        { "docs/unit-economics.md", 4 },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public void A_pages_blocks_run_in_order_as_one_program_and_print_what_their_comments_promise(string page, int blocks)
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryRoot(), page));
        var found = Blocks(lines);
        Assert.Equal(blocks, found.Count);

        var (program, promises) = Program(page, lines, found);
        var output = ReadmeBlocksTests.CompileAndRun(program, page);

        var printed = output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.StartsWith(Marker, StringComparison.Ordinal)).ToList();
        Assert.Equal(promises.Count, printed.Count);
        for (var i = 0; i < promises.Count; i++)
        {
            var (line, value) = promises[i];
            var text = printed[i][Marker.Length..];
            Assert.True(text.Contains(value, StringComparison.Ordinal), $"{page} line {line}: the block should print '{value}'; it printed '{text}'");
        }
    }

    [Fact]
    public void A_broken_promise_or_block_fails_naming_the_page_line()
    {
        string[] page = ["# t", "", "```csharp", "var m = Money.Of(1m, Currency.SEK);", "m.Amount;", "```"];
        var (program, _) = Program("t.md", page, Blocks(page));
        var e = Assert.Throws<Xunit.Sdk.TrueException>(() => ReadmeBlocksTests.CompileAndRun(program, "t.md"));
        Assert.Contains("t.md(5,", e.Message, StringComparison.Ordinal);
        Assert.Contains("CS0201", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_promise_is_read_from_its_own_lines_output()
    {
        string[] page = ["```csharp", "var m = Money.Of(12.5m, Currency.SEK);", "Console.WriteLine(m.Amount); // 12.5 SEK", "Console.WriteLine(m * 2); // 25.00 SEK", "```"];
        var (program, promises) = Program("t.md", page, Blocks(page));

        Assert.Equal([(3, "12.5"), (4, "25.00")], promises);
        var printed = ReadmeBlocksTests.CompileAndRun(program, "t.md").Split('\n').Where(l => l.StartsWith(Marker, StringComparison.Ordinal)).Select(l => l[Marker.Length..].TrimEnd('\r'));
        Assert.Equal(["12.5", "25.00 SEK"], printed);
    }

    private const string Marker = "\u0001promise:";

    /// <summary>The blocks as (index of the first code line, index after the last).</summary>
    private static List<(int Start, int End)> Blocks(string[] lines)
    {
        var blocks = new List<(int, int)>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim() == "```csharp")
            {
                var end = Array.FindIndex(lines, i + 1, l => l.Trim() == "```");
                blocks.Add((i + 1, end));
                i = end;
            }
        }

        return blocks;
    }

    private static (string Program, List<(int Line, string Value)> Promises) Program(string page, string[] lines, List<(int Start, int End)> blocks)
    {
        var usings = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var ns in typeof(Money).Assembly.GetExportedTypes().Concat(typeof(CdnowDatasets).Assembly.GetExportedTypes()).Select(t => t.Namespace).OfType<string>())
        {
            usings.Add($"using {ns};");
        }

        var body = new StringBuilder();
        var promises = new List<(int, string)>();
        foreach (var (start, end) in blocks)
        {
            for (var i = start; i < end; i++)
            {
                var line = lines[i];
                if (UsingDirective().IsMatch(line))
                {
                    usings.Add(line.Trim());
                    line = string.Empty;
                }
                else if (PrintedComment().Match(line) is { Success: true } m)
                {
                    // Mark what this line prints, so each promise is checked against its own line's output.
                    var value = m.Groups["value"].Value.Trim().Split(' ')[0].TrimEnd(':', ',');
                    promises.Add((i + 1, value));
                    line = line[..m.Index] + "Console.Write(\"" + Marker.Replace("\u0001", "\\u0001", StringComparison.Ordinal) + "\"); " + line[m.Index..];
                }

                body.Append(System.Globalization.CultureInfo.InvariantCulture, $"#line {i + 1} \"{page}\"\n{line}\n");
            }
        }

        return (string.Join('\n', usings) + "\n" + body, promises);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Ltv.Core.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Ltv.Core.sln not found above the test folder.");
    }

    [GeneratedRegex(@"^\s*using\s+(static\s+)?[A-Za-z_][\w.]*\s*;\s*$")]
    private static partial Regex UsingDirective();

    [GeneratedRegex(@"Console\.WriteLine\(.*\);\s*//(?<value>[^\n]*)")]
    private static partial Regex PrintedComment();
}
