namespace Ltv.Cli.Input;

/// <summary>
/// The rows of a summary CSV written by <c>ltv summarize</c>, one per customer, as the columns the models read,
/// with the line each row started on so later checks can name it.
/// </summary>
internal sealed class SummaryTable
{
    public SummaryTable(string file, string[] customerIds, double[] frequency, double[] recency, double[] age, double[] monetary, int[] lines, IReadOnlyDictionary<string, int> columnNumbers)
    {
        ColumnNumbers = columnNumbers;
        File = file;
        CustomerIds = customerIds;
        Frequency = frequency;
        Recency = recency;
        Age = age;
        Monetary = monetary;
        Lines = lines;
    }

    /// <summary>The file name as given on the command line.</summary>
    public string File { get; }

    public string[] CustomerIds { get; }

    /// <summary>x, repeat purchases.</summary>
    public double[] Frequency { get; }

    /// <summary>t_x.</summary>
    public double[] Recency { get; }

    /// <summary>T.</summary>
    public double[] Age { get; }

    /// <summary>Mean spend of the repeat purchases (0 when x = 0).</summary>
    public double[] Monetary { get; }

    /// <summary>The 1-based line of each row in <see cref="File"/>.</summary>
    public int[] Lines { get; }

    /// <summary>The 1-based number of each needed column in the file's header.</summary>
    public IReadOnlyDictionary<string, int> ColumnNumbers { get; }

    public int Count => CustomerIds.Length;

    /// <summary>The error for a value of a row that a command cannot use: names file, line, column and value.</summary>
    public InvalidDataException Error(int row, string column, string problem) =>
        SummaryReader.Error(File, Lines[row], ColumnNumbers[column], column, problem, SummaryReader.Show(column switch
        {
            "frequency" => Frequency[row],
            "recency" => Recency[row],
            "T" => Age[row],
            _ => Monetary[row],
        }));
}
