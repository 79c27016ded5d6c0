using System.Globalization;

using DuckDB.NET.Data;

using Ltv.Core.History;
using Ltv.Core.IO;

using Npgsql;

namespace Ltv.Core.Tests.TestSupport;

/// <summary>Loads a purchase log into a database table purchases(customer_id, date, amount) through CSV.</summary>
internal static class LogTables
{
    public static DuckDBConnection DuckDb(PurchaseLog? log = null, string table = "purchases")
    {
        var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        if (log is not null)
        {
            var path = Path.Combine(Path.GetTempPath(), $"ltv-duck-{Guid.NewGuid():N}.csv");
            try
            {
                using (var writer = new StreamWriter(path))
                {
                    CsvLogWriter.Write(log, writer);
                }

                Execute(connection, $"CREATE TABLE {table} AS SELECT CAST(customer_id AS VARCHAR) AS customer_id, CAST(date AS DATE) AS date, CAST(amount AS DECIMAL(18, 2)) AS amount FROM read_csv('{path}', header = true, all_varchar = true)");
            }
            finally
            {
                File.Delete(path);
            }
        }

        return connection;
    }

    public static NpgsqlConnection Postgres(PurchaseLog log, string table)
    {
        var connection = new NpgsqlConnection(PostgresServer.Required);
        connection.Open();
        Execute(connection, $"DROP TABLE IF EXISTS {table}; CREATE TABLE {table} (customer_id TEXT, date DATE, amount NUMERIC(18, 2), currency TEXT)");
        using (var writer = connection.BeginTextImport($"COPY {table} (customer_id, date, amount, currency) FROM STDIN (FORMAT csv, HEADER true)"))
        {
            CsvLogWriter.Write(log, writer);
        }

        return connection;
    }

    public static void Execute(System.Data.Common.DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>Asserts two summaries hold the same customers with the same numbers (in any row order).</summary>
    public static void AssertSameSummaries(CustomerSummaries expected, CustomerSummaries actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        Assert.Equal(expected.RowCount, actual.RowCount);
        Assert.Equal(expected.CalibrationRowCount, actual.CalibrationRowCount);
        Assert.Equal(expected.ExcludedCustomerCount, actual.ExcludedCustomerCount);
        for (var i = 0; i < expected.Count; i++)
        {
            var id = expected.CustomerIds[i];
            var j = actual.IndexOf(id);
            Assert.True(j >= 0, $"customer {id} is missing");
            var where = string.Create(CultureInfo.InvariantCulture, $"customer {id}");
            Assert.True(expected.FirstPurchaseDayNumber[i] == actual.FirstPurchaseDayNumber[j], where + " first day");
            Assert.True(expected.Frequency[i] == actual.Frequency[j], where + " frequency");
            Assert.True(expected.Recency[i] == actual.Recency[j], where + " recency");
            Assert.True(expected.Age[i] == actual.Age[j], where + " age");
            Assert.True(expected.FirstSpendMinor[i] == actual.FirstSpendMinor[j], where + " first spend");
            Assert.True(expected.RepeatSpendMinor[i] == actual.RepeatSpendMinor[j], where + " repeat spend");
            Assert.True(expected.HoldoutFrequency[i] == actual.HoldoutFrequency[j], where + " holdout frequency");
            Assert.True(expected.HoldoutSpendMinor[i] == actual.HoldoutSpendMinor[j], where + " holdout spend");
            Assert.Equal(expected.MonetaryAt(i), actual.MonetaryAt(j));
        }
    }

    /// <summary>Asserts two pattern tables hold the same weighted rows (in any order).</summary>
    public static void AssertSamePatterns(RfmPatterns expected, RfmPatterns actual)
    {
        static List<(double, double, double, double)> Rows(RfmPatterns p)
        {
            var rows = new List<(double, double, double, double)>();
            for (var i = 0; i < p.Count; i++)
            {
                rows.Add((p.Frequency[i], p.Recency[i], p.Age[i], p.Weight[i]));
            }

            rows.Sort();
            return rows;
        }

        Assert.Equal(expected.Unit, actual.Unit);
        Assert.Equal(Rows(expected), Rows(actual));
    }
}
