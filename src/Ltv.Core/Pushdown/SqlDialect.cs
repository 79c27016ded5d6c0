namespace Ltv.Core.Pushdown;

/// <summary>The SQL dialect <see cref="SummarySql"/> writes.</summary>
public enum SqlDialect
{
    /// <summary>DuckDB (embedded, or over Parquet and CSV files with <c>read_parquet</c> / <c>read_csv</c>).</summary>
    DuckDb,

    /// <summary>PostgreSQL 12 or later.</summary>
    PostgreSql,

    /// <summary>Spark SQL 3 or later (Databricks, EMR, any Spark cluster).</summary>
    SparkSql,
}
