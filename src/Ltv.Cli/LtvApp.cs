using System.CommandLine;
using Ltv.Cli.Commands;
using Ltv.Cli.Input;
using Ltv.Core.Probabilistic.Catalog;

namespace Ltv.Cli;

/// <summary>The <c>ltv</c> command line: builds the commands and maps failures to exit codes.</summary>
internal static class LtvApp
{
    /// <summary>Runs one command line.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="output">Standard output.</param>
    /// <param name="error">Standard error: one line per failure.</param>
    /// <param name="catalog">The models fit, predict and clv know, or <see langword="null"/> for <see cref="ModelCatalog.BuiltIn"/>.</param>
    /// <returns>0 on success, 1 on bad data, 2 on bad usage.</returns>
    public static int Run(string[] args, TextWriter output, TextWriter error, ModelCatalog? catalog = null) => Run(args, Stream.Null, output, error, catalog);

    /// <summary>Runs one command line with a standard input.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="input">Standard input, read by the one input given as <c>-</c>.</param>
    /// <param name="output">Standard output.</param>
    /// <param name="error">Standard error: one line per failure.</param>
    /// <param name="catalog">The models fit, predict and clv know, or <see langword="null"/> for <see cref="ModelCatalog.BuiltIn"/>.</param>
    /// <param name="connect">Opens the database of <c>summarize --sql --connection</c>, or <see langword="null"/> for PostgreSQL (Npgsql); tests give another driver.</param>
    /// <returns>0 on success, 1 on bad data, 2 on bad usage.</returns>
    public static int Run(string[] args, Stream input, TextWriter output, TextWriter error, ModelCatalog? catalog = null, Func<string, System.Data.Common.DbConnection>? connect = null)
    {
        catalog ??= ModelCatalog.BuiltIn;
        using var standardInput = StandardInput.Use(input);
        var root = new RootCommand("ltv: customer lifetime value from the command line (Ltv.Core).")
        {
            SummarizeCommand.Create(output, error, connect),
            FitCommand.Create(catalog, output, error),
            PredictCommand.Create(catalog, output),
            ClvCommand.Create(catalog, output),
            ValueCommand.Create(output),
            CompareCommand.Create(catalog, output),
        };

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var parseError in parse.Errors)
            {
                error.WriteLine($"ltv: {DataErrors.OneLine(parseError.Message)}");
            }

            error.WriteLine("Run 'ltv --help' (or 'ltv COMMAND --help') for usage.");
            return ExitCodes.BadUsage;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (UsageException ex)
        {
            error.WriteLine($"ltv: {DataErrors.OneLine(ex.Message)}");
            return ExitCodes.BadUsage;
        }
        catch (Exception ex) when (DataErrors.IsDataError(ex))
        {
            error.WriteLine($"ltv: {DataErrors.OneLine(ex.Message)}");
            return ExitCodes.BadData;
        }
    }
}
