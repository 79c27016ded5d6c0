namespace Ltv.Core.Datasets;

/// <summary>
/// Raw access to the embedded data files, as they were copied from their sources (see the package
/// README for attribution). Typed loaders live beside this class.
/// </summary>
public static class EmbeddedData
{
    /// <summary>The CDNOW master log: 69,659 rows of 23,570 customers, with a header line.</summary>
    public const string CdnowMaster = "CDNOW_master.txt";

    /// <summary>The CDNOW 1/10 sample log: 6,919 rows of 2,357 customers, no header.</summary>
    public const string CdnowSample = "CDNOW_sample.txt";

    /// <summary>The published calibration summary of the CDNOW sample (ID,x,t_x,T,zbar; weeks; 2 decimals).</summary>
    public const string CdnowSampleSummary = "cdnow_customers_summary_with_transactions.csv";

    /// <summary>The donations BG/BB pattern summary (frequency,recency,periods,weights).</summary>
    public const string Donations = "donations.csv";

    /// <summary>Opens an embedded file for reading.</summary>
    /// <param name="name">One of the constants of this class.</param>
    /// <returns>A read-only stream the caller disposes.</returns>
    /// <exception cref="ArgumentException">No embedded file has that name; the message lists the names.</exception>
    public static Stream Open(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return typeof(EmbeddedData).Assembly.GetManifestResourceStream("Ltv.Core.Datasets." + name)
            ?? throw new ArgumentException($"name must be one of {CdnowMaster}, {CdnowSample}, {CdnowSampleSummary}, {Donations} (was '{name}').", nameof(name));
    }

    /// <summary>Reads an embedded text file whole.</summary>
    /// <param name="name">One of the constants of this class.</param>
    /// <returns>The file's text.</returns>
    public static string ReadAllText(string name)
    {
        using var reader = new StreamReader(Open(name));
        return reader.ReadToEnd();
    }
}
