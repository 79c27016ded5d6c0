using System.Globalization;
using System.Text;

using Ltv.Core.Domain;
using Ltv.Core.History;

namespace Ltv.Core.Pushdown;

/// <summary>
/// Writes the SQL that computes the per-customer repeat-purchase summary (or its compressed (x, t_x, T, count)
/// patterns) inside the database engine, with the conventions of <see cref="CustomerSummarizer"/>: rows of one
/// customer and day collapse into one transaction whose value is their sum; x = calibration transactions after
/// the first; t_x = last minus first; T = calibration end minus first; repeat spend excludes the first
/// transaction; rows after the calibration end form the holdout period; customers first seen after it are
/// excluded (and counted).
/// </summary>
/// <remarks>
/// <para>The engine returns whole days and exact minor-unit sums; <see cref="SqlSummaryReader"/> turns the result
/// into <see cref="CustomerSummaries"/> or <see cref="RfmPatterns"/>, dividing days by the length of the unit in
/// .NET exactly as the in-process summarizer does, so both give the same numbers. Only
/// <see cref="TransactionGrouping.SameDay"/> is written.</para>
/// <para>Every result row carries <c>bad_rows</c>: rows with a NULL or negative amount, a NULL date, a date after
/// the observation end or more decimals than the currency has. The reader refuses a result with any, naming the
/// customer: nothing is dropped silently. Result columns of the summary: customer_id, first_day, frequency,
/// recency_days, age_days, first_spend_minor, repeat_spend_minor, holdout_frequency, holdout_spend_minor,
/// row_count, calibration_row_count, bad_rows. Of the patterns: frequency, recency_days, age_days, customers,
/// excluded_customers, zero_age_customers, row_count, calibration_row_count, bad_rows.</para>
/// </remarks>
public static class SummarySql
{
    /// <summary>The per-customer summary query, one row per customer (excluded customers have a NULL first_day).</summary>
    /// <param name="dialect">The engine's dialect.</param>
    /// <param name="table">Where the rows are.</param>
    /// <param name="options">Observation end, calibration end, unit (same-day grouping only).</param>
    /// <param name="currency">The currency of the amounts (its minor unit scales the sums).</param>
    /// <returns>The SQL text.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An undefined dialect, a calibration end after the observation end.</exception>
    /// <exception cref="ArgumentException">Grouping other than same day.</exception>
    /// <exception cref="UnitMismatchException">Month or year without a convention.</exception>
    public static string Summary(SqlDialect dialect, PurchaseTable table, SummaryOptions options, Currency currency) =>
        CustomerQuery(dialect, table, options, currency) + "\nORDER BY first_day, customer_id";

    /// <summary>
    /// The compressed pattern query: one row per distinct (frequency, recency_days, age_days) with the number of
    /// customers; the fit's input, a few thousand rows whatever the number of customers.
    /// </summary>
    /// <param name="dialect">The engine's dialect.</param>
    /// <param name="table">Where the rows are.</param>
    /// <param name="options">Observation end, calibration end, unit (same-day grouping only).</param>
    /// <param name="currency">The currency of the amounts (for the precision check).</param>
    /// <returns>The SQL text.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An undefined dialect, a calibration end after the observation end.</exception>
    /// <exception cref="ArgumentException">Grouping other than same day.</exception>
    /// <exception cref="UnitMismatchException">Month or year without a convention.</exception>
    public static string Patterns(SqlDialect dialect, PurchaseTable table, SummaryOptions options, Currency currency)
    {
        var inner = CustomerQuery(dialect, table, options, currency);
        return $"""
            SELECT frequency, recency_days, age_days,
              SUM(CASE WHEN first_day IS NOT NULL AND age_days > 0 THEN 1 ELSE 0 END) AS customers,
              SUM(CASE WHEN first_day IS NULL THEN 1 ELSE 0 END) AS excluded_customers,
              SUM(CASE WHEN first_day IS NOT NULL AND age_days = 0 THEN 1 ELSE 0 END) AS zero_age_customers,
              SUM(row_count) AS row_count,
              SUM(calibration_row_count) AS calibration_row_count,
              SUM(bad_rows) AS bad_rows
            FROM (
            {inner}
            ) per_customer
            GROUP BY frequency, recency_days, age_days
            ORDER BY frequency, recency_days, age_days
            """;
    }

    private static string CustomerQuery(SqlDialect dialect, PurchaseTable table, SummaryOptions options, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(options);
        if (!Enum.IsDefined(dialect))
        {
            throw new ArgumentOutOfRangeException(nameof(dialect), dialect, $"dialect must be a defined SqlDialect (was '{dialect}').");
        }

        options.Validate();
        if (options.Grouping != TransactionGrouping.SameDay)
        {
            throw new ArgumentException($"grouping must be SameDay for SQL push-down (was '{options.Grouping}'); summarise same-period grouping in process.", "grouping");
        }

        var text = dialect == SqlDialect.SparkSql ? "STRING" : dialect == SqlDialect.PostgreSql ? "TEXT" : "VARCHAR";
        var scale = MinorUnits.Scale(currency).ToString(CultureInfo.InvariantCulture);
        var cal = Date(options.EffectiveCalibrationEnd);
        var obs = Date(options.ObservationEnd);
        var c = Quote(dialect, table.CustomerColumn, nameof(table.CustomerColumn));
        var d = Quote(dialect, table.DateColumn, nameof(table.DateColumn));
        var a = Quote(dialect, table.AmountColumn, nameof(table.AmountColumn));
        var recency = Diff(dialect, $"MAX(CASE WHEN d.day <= {cal} THEN d.day END)", "f.first_day");
        var age = Diff(dialect, cal, "f.first_day");
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"""
            WITH purchase_rows AS (
              SELECT CAST(src.{c} AS {text}) AS customer_id, CAST(src.{d} AS DATE) AS day, CAST(src.{a} AS DECIMAL(38, 9)) AS amount
              FROM {table.Source} src
            ),
            days AS (
              SELECT customer_id, day, SUM(amount) AS value, COUNT(*) AS row_count,
                SUM(CASE WHEN amount IS NULL OR amount < 0 OR day IS NULL OR day > {obs} OR amount * {scale} <> ROUND(amount * {scale}, 0) THEN 1 ELSE 0 END) AS bad_rows
              FROM purchase_rows
              GROUP BY customer_id, day
            ),
            firsts AS (
              SELECT customer_id, MIN(day) AS first_day FROM days WHERE day <= {cal} GROUP BY customer_id
            )
            SELECT d.customer_id AS customer_id,
              f.first_day AS first_day,
              SUM(CASE WHEN d.day <= {cal} THEN 1 ELSE 0 END) - 1 AS frequency,
              {recency} AS recency_days,
              {age} AS age_days,
              CAST(COALESCE(SUM(CASE WHEN d.day = f.first_day THEN d.value ELSE 0 END), 0) * {scale} AS BIGINT) AS first_spend_minor,
              CAST(COALESCE(SUM(CASE WHEN d.day > f.first_day AND d.day <= {cal} THEN d.value ELSE 0 END), 0) * {scale} AS BIGINT) AS repeat_spend_minor,
              SUM(CASE WHEN d.day > {cal} THEN 1 ELSE 0 END) AS holdout_frequency,
              CAST(COALESCE(SUM(CASE WHEN d.day > {cal} THEN d.value ELSE 0 END), 0) * {scale} AS BIGINT) AS holdout_spend_minor,
              SUM(d.row_count) AS row_count,
              SUM(CASE WHEN d.day <= {cal} THEN d.row_count ELSE 0 END) AS calibration_row_count,
              SUM(d.bad_rows) AS bad_rows
            FROM days d LEFT JOIN firsts f ON f.customer_id = d.customer_id
            GROUP BY d.customer_id, f.first_day
            """);
        return sb.ToString();
    }

    private static string Date(DateOnly date) => "DATE '" + date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "'";

    private static string Diff(SqlDialect dialect, string end, string start) => dialect switch
    {
        SqlDialect.SparkSql => $"datediff({end}, {start})",
        SqlDialect.DuckDb => $"date_diff('day', {start}, {end})",
        _ => $"({end} - {start})",
    };

    private static string Quote(SqlDialect dialect, string name, string property)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException($"{char.ToLowerInvariant(property[0])}{property[1..]} must not be empty or blank (was '{name}').", property);
        }

        return dialect == SqlDialect.SparkSql
            ? "`" + name.Replace("`", "``", StringComparison.Ordinal) + "`"
            : "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
