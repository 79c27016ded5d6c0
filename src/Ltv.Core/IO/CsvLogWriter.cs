using System.Globalization;

using Ltv.Core.History;

using nietras.SeparatedValues;

namespace Ltv.Core.IO;

/// <summary>
/// Writes a <see cref="PurchaseLog"/> as CSV that <see cref="CsvLogReader"/> reads back unchanged: header
/// <c>customer_id,date,amount,currency</c>, ISO dates, invariant amounts with the currency's minor-unit
/// decimals; ids holding separators or quotes are quoted.
/// </summary>
public static class CsvLogWriter
{
    /// <summary>Writes the log.</summary>
    /// <param name="log">The log.</param>
    /// <param name="writer">The target; left open and flushed.</param>
    /// <param name="separator">',', ';' or '\t'.</param>
    /// <exception cref="ArgumentOutOfRangeException">Another separator.</exception>
    public static void Write(PurchaseLog log, TextWriter writer, char separator = ',')
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(writer);
        if (separator is not (',' or ';' or '\t'))
        {
            throw new ArgumentOutOfRangeException(nameof(separator), separator, $"separator must be ',', ';' or tab (was '{separator}').");
        }

        var format = "F" + log.Currency.MinorUnitDigits.ToString(CultureInfo.InvariantCulture);
        var code = log.Currency.Code;
        using var sep = Sep.Writer(o => o with { Sep = new Sep(separator), Escape = true, CultureInfo = CultureInfo.InvariantCulture }).To(writer, leaveOpen: true);
        var ids = log.CustomerIdArray;
        var customer = log.CustomerIndex;
        var day = log.DayNumber;
        var amount = log.AmountMinor;
        for (var i = 0; i < log.Count; i++)
        {
            using var row = sep.NewRow();
            row["customer_id"].Set(ids[customer[i]]);
            row["date"].Format(DateOnly.FromDayNumber(day[i]), "yyyy-MM-dd");
            row["amount"].Format((decimal)amount[i] / log.MinorUnitScale, format);
            row["currency"].Set(code);
        }

        sep.Flush();
        writer.Flush();
    }
}
