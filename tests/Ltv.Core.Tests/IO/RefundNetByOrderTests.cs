using Ltv.Core.Domain;
using Ltv.Core.History;
using Ltv.Core.IO;
using Ltv.Core.IO.Db;
using Ltv.Core.Tests.TestSupport;

using Microsoft.Data.Sqlite;

namespace Ltv.Core.Tests.IO;

/// <summary><see cref="RefundPolicy.NetSameOrder"/>: refunds net against the same customer's rows of their order id, in CSV and database reads.</summary>
public sealed class RefundNetByOrderTests
{
    // a's refund of o1 comes four days after the order (netting by order, not by day); b's o3 is refunded
    // whole; then four refunds that cannot be netted: an order c never placed, more than a's o2, a's order
    // o1 refunded to b, and a refund without an order id.
    private const string Csv = """
        customer_id,date,amount,order_id
        a,2024-01-01,50.00,o1
        a,2024-01-01,30.00,o1
        a,2024-01-05,-20.00,o1
        a,2024-02-01,40.00,o2
        b,2024-01-03,25.00,o3
        b,2024-01-09,-25.00,o3
        b,2024-03-01,10.00,o4
        c,2024-01-04,-5.00,o9
        a,2024-02-02,-50.00,o2
        b,2024-03-02,-1.00,o1
        a,2024-03-03,-1.00,
        """;

    private static readonly CsvLogOptions ByOrder = new() { Refunds = RefundPolicy.NetSameOrder, OrderColumn = "order_id", Mode = ReadMode.Lenient };

    private static void AssertNettedByOrder(LogReadResult read, string file, string rowWord, string amountColumn)
    {
        var report = read.Report;
        Assert.Equal(11, report.RowsRead);
        Assert.Equal(2, report.RefundRowsNetted);
        Assert.Equal(1, report.RowsCancelled);
        Assert.Equal(4, report.RowsAccepted);
        // A CSV's first row is on line 2, a query's is row 1.
        var first = rowWord == "line" ? 9 : 8;
        Assert.Equal([first, first + 1, first + 2, first + 3], report.Rejected.Select(r => r.Line));
        Assert.All(report.Rejected, r => Assert.Equal(RejectReason.UnmatchedRefund, r.Reason));
        Assert.Equal($"{file}, {rowWord} {first}, column 3 ({amountColumn}): a refund must not exceed customer 'c''s purchases of order 'o9' (0.00 USD) (was '-5.00').", report.Rejected[0].Message);
        Assert.Equal($"{file}, {rowWord} {first + 1}, column 3 ({amountColumn}): a refund must not exceed customer 'a''s purchases of order 'o2' (40.00 USD) (was '-50.00').", report.Rejected[1].Message);
        Assert.Equal($"{file}, {rowWord} {first + 2}, column 3 ({amountColumn}): a refund must not exceed customer 'b''s purchases of order 'o1' (0.00 USD) (was '-1.00').", report.Rejected[2].Message);
        Assert.Equal($"{file}, {rowWord} {first + 3}, column 3 ({amountColumn}): a refund must name its order to be netted by order (its order id is blank, or no order column is read) (was '-1.00').", report.Rejected[3].Message);

        // o1 loses the 20.00 from its first row; o3 (b's only purchase before March) is gone.
        Assert.Equal(new Money(110m, Currency.USD), read.Log.Total);
        Assert.Equal([3000L, 3000L, 4000L, 1000L], read.Log.AmountMinor.ToArray());
        Assert.Equal(new DateOnly(2024, 3, 1), read.Log.DateAt(3));
    }

    [Fact]
    public void Csv_refunds_net_against_their_order_whatever_the_day_and_unmatched_ones_are_rejected_naming_the_line()
    {
        var read = CsvLogReader.Read(new StringReader(Csv), "orders.csv", ByOrder);
        AssertNettedByOrder(read, "orders.csv", "line", "amount");
        Assert.Equal("orders.csv: 11 rows read, 4 accepted, 4 rejected, 2 refunds netted, 1 cancelled", read.Report.ToString());
    }

    [Fact]
    public void Csv_strict_mode_throws_on_the_first_unmatched_refund()
    {
        var e = Assert.Throws<LogFormatException>(() => CsvLogReader.Read(new StringReader(Csv), "orders.csv", ByOrder with { Mode = ReadMode.Strict }));
        Assert.Equal(RejectReason.UnmatchedRefund, e.Reason);
        Assert.Equal(9, e.Line);
    }

    [Fact]
    public void Without_an_order_column_every_refund_is_rejected_and_purchases_stay_gross()
    {
        var read = CsvLogReader.Read(new StringReader(Csv), "orders.csv", ByOrder with { OrderColumn = null });
        Assert.Equal(6, read.Report.RowsRejected);
        Assert.All(read.Report.Rejected, r => Assert.EndsWith("a refund must name its order to be netted by order (its order id is blank, or no order column is read) (was '" + r.Text + "').", r.Message, StringComparison.Ordinal));
        Assert.Equal(new Money(155m, Currency.USD), read.Log.Total);
    }

    [Fact]
    public void A_named_order_column_the_header_lacks_is_a_header_error()
    {
        var e = Assert.Throws<LogFormatException>(() => CsvLogReader.Read(new StringReader("customer_id,date,amount\na,2024-01-01,5\n"), "o.csv", ByOrder));
        Assert.Equal("o.csv, line 1: the header has no column 'order_id' (was 'customer_id,date,amount').", e.Message);
    }

    [Fact]
    public void Other_policies_ignore_the_order_column()
    {
        var read = CsvLogReader.Read(new StringReader(Csv), "orders.csv", ByOrder with { Refunds = RefundPolicy.Drop });
        Assert.Equal(6, read.Report.RefundRowsDropped);
        Assert.Equal(new Money(155m, Currency.USD), read.Log.Total);
    }

    [Fact]
    public void Sqlite_rows_net_by_order_with_the_same_rules_and_null_as_no_order()
    {
        using var db = new SqliteConnection("Data Source=:memory:");
        db.Open();
        var values = string.Join(",", Csv.Split('\n').Skip(1).Select(l => l.Split(',')).Select(f => $"('{f[0]}', '{f[1]}', {f[2]}, {(f[3].Length == 0 ? "NULL" : $"'{f[3]}'")})"));
        LogTables.Execute(db, $"CREATE TABLE o (customer_id TEXT, date TEXT, amount TEXT, order_id TEXT); INSERT INTO o VALUES {values};");
        using var command = db.CreateCommand();
        command.CommandText = "SELECT customer_id, date, amount, order_id FROM o ORDER BY rowid";
        using var reader = command.ExecuteReader();
        var read = DbLogReader.Read(reader, new DbLogOptions { Refunds = RefundPolicy.NetSameOrder, OrderColumn = "order_id", Mode = ReadMode.Lenient, SourceName = "o" });
        AssertNettedByOrder(read, "o", "row", "amount");
    }

    [Fact]
    public void DuckDb_integer_order_ids_cancel_a_fully_refunded_order()
    {
        using var duck = LogTables.DuckDb();
        using var command = duck.CreateCommand();
        command.CommandText = "SELECT * FROM (VALUES ('a', DATE '2024-01-01', 10.00::DECIMAL(18,2), 7::BIGINT), ('a', DATE '2024-01-02', 5.00, 8), ('a', DATE '2024-01-03', -10.00, 7)) t(customer_id, date, amount, order_no)";
        using var reader = command.ExecuteReader();
        var read = DbLogReader.Read(reader, new DbLogOptions { Refunds = RefundPolicy.NetSameOrder, OrderColumn = "order_no" });
        Assert.Equal(1, read.Report.RowsCancelled);
        Assert.Equal(1, read.Report.RefundRowsNetted);
        Assert.Equal(new Money(5m, Currency.USD), read.Log.Total);
        Assert.Equal(new DateOnly(2024, 1, 2), read.Log.DateAt(0));
    }
}
