using System.Globalization;
using System.Text;

using Ltv.Core.Domain;
using Ltv.Core.History;
using Ltv.Core.Pushdown;

namespace Ltv.Core.Benchmarks.Pushdown;

/// <summary>
/// The summary query as Ltv.Core wrote it before the one-pass form (kept here as the push-down benchmark's
/// baseline): the day rows joined with each customer's first day, then grouped per customer. DuckDB only.
/// </summary>
internal static class PreviousSummarySql
{
    public static string Summary(PurchaseTable table, SummaryOptions options, Currency currency)
    {
        var dialect = SqlDialect.DuckDb;
        var text = dialect == SqlDialect.SparkSql ? "STRING" : dialect == SqlDialect.PostgreSql ? "TEXT" : "VARCHAR";
        var scale = MinorUnits.Scale(currency).ToString(CultureInfo.InvariantCulture);
        var cal = Date(options.EffectiveCalibrationEnd);
        var obs = Date(options.ObservationEnd);
        var c = Quote(table.CustomerColumn);
        var d = Quote(table.DateColumn);
        var a = Quote(table.AmountColumn);
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
        return sb + "\nORDER BY first_day, customer_id";
    }

    private static string Date(DateOnly date) => "DATE '" + date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "'";

    private static string Diff(SqlDialect dialect, string end, string start) => $"date_diff('day', {start}, {end})";

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
