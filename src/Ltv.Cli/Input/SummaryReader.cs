using System.Globalization;
using nietras.SeparatedValues;

namespace Ltv.Cli.Input;

/// <summary>
/// Reads the summary CSV that <c>ltv summarize</c> writes (comma separated, header with at least
/// <c>customer_id,frequency,recency,T,monetary_value</c>, other columns ignored), strictly: the first bad row
/// stops the read with one message naming the file, the line, the column and the value.
/// </summary>
/// <remarks>
/// Rows are checked against the conventions every model shares: frequency whole and zero or more;
/// recency and T finite and zero or more with recency ≤ T; recency 0 exactly when frequency is 0;
/// monetary_value finite and zero or more; customer ids present and unique.
/// </remarks>
internal static class SummaryReader
{
    /// <summary>The columns a summary must have, in the order <c>ltv summarize</c> writes them.</summary>
    public static readonly string[] Columns = ["customer_id", "frequency", "recency", "T", "monetary_value"];

    public static SummaryTable Read(string path) => Read(path, "SUMMARY");

    /// <summary>Reads a summary from a file or, for <c>-</c>, from standard input claimed for <paramref name="input"/>.</summary>
    public static SummaryTable Read(string path, string input)
    {
        using var stream = InputFile.Open(path, input);
        return Read(stream, InputFile.DisplayName(path));
    }

    /// <summary>Reads a summary from a stream; <paramref name="path"/> names it in messages.</summary>
    public static SummaryTable Read(Stream stream, string path)
    {
        var options = new SepReaderOptions(new Sep(','))
        {
            HasHeader = true,
            DisableColCountCheck = true,
            Unescape = true,
            CultureInfo = CultureInfo.InvariantCulture,
        };
        using var reader = Open(options, stream, path);
        if (reader.IsEmpty)
        {
            throw new InvalidDataException($"{path}, line 1: the file is empty; a header '{string.Join(',', Columns)}' is needed.");
        }

        var index = new int[Columns.Length];
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var c = 0; c < Columns.Length; c++)
        {
            if (!reader.Header.TryIndexOf(Columns[c], out index[c]))
            {
                throw new InvalidDataException($"{path}, line 1: the header has no column '{Columns[c]}' (was '{string.Join(',', reader.Header.ColNames)}').");
            }

            numbers[Columns[c]] = index[c] + 1;
        }

        var needed = index.Max();
        var ids = new List<string>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        List<double> x = [], tx = [], t = [], m = [];
        var lines = new List<int>();
        foreach (var row in reader)
        {
            var line = row.LineNumberFrom;
            if (row.ColCount <= needed)
            {
                var colCount = row.ColCount;
                var missing = Columns[Array.FindIndex(index, i => i >= colCount)];
                throw Error(path, line, numbers[missing], missing, $"the row has {row.ColCount} columns, {missing} is missing", row.Span.ToString());
            }

            var id = row[index[0]].Span.Trim().ToString();
            if (id.Length == 0)
            {
                throw Error(path, line, index[0] + 1, Columns[0], "the customer id is blank", id);
            }

            if (!seen.TryAdd(id, line))
            {
                throw Error(path, line, index[0] + 1, Columns[0], $"the customer id is also on line {seen[id].ToString(CultureInfo.InvariantCulture)}", id);
            }

            var frequency = Number(row, index[1], Columns[1], path, line);
            var recency = Number(row, index[2], Columns[2], path, line);
            var age = Number(row, index[3], Columns[3], path, line);
            var monetary = Number(row, index[4], Columns[4], path, line);
            string? problem = null;
            var column = 1;
            if (frequency != Math.Floor(frequency))
            {
                problem = "frequency must be a whole number";
            }
            else if (recency > age)
            {
                (problem, column) = ($"recency must not exceed T = {Show(age)}", 2);
            }
            else if (frequency == 0 && recency != 0)
            {
                (problem, column) = ("recency must be 0 when frequency is 0", 2);
            }
            else if (frequency > 0 && recency == 0)
            {
                (problem, column) = ("recency must be greater than 0 when frequency is greater than 0", 2);
            }

            if (problem is not null)
            {
                throw Error(path, line, index[column] + 1, Columns[column], problem, row[index[column]].ToString());
            }

            ids.Add(id);
            x.Add(frequency);
            tx.Add(recency);
            t.Add(age);
            m.Add(monetary);
            lines.Add(line);
        }

        return new SummaryTable(path, [.. ids], [.. x], [.. tx], [.. t], [.. m], [.. lines], numbers);
    }

    public static InvalidDataException Error(string file, int line, int column, string name, string problem, string value) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{file}, line {line}, column {column} ({name}): {problem} (was '{value}')."));

    public static string Show(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static SepReader Open(SepReaderOptions options, Stream stream, string path)
    {
        try
        {
            return options.From(stream);
        }
        catch (Exception e) when (e is not OutOfMemoryException and not IOException and not UnauthorizedAccessException)
        {
            throw new InvalidDataException($"{path}, line 1: the header cannot be read ({e.Message}).", e);
        }
    }

    private static double Number(SepReader.Row row, int index, string name, string path, int line)
    {
        var span = row[index].Span;
        if (!double.TryParse(span, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            throw Error(path, line, index + 1, name, $"{name} must be a finite number with '.' decimals", span.ToString());
        }

        if (value < 0)
        {
            throw Error(path, line, index + 1, name, $"{name} must be zero or more", span.ToString());
        }

        return value;
    }
}
