using System.Text;

using Ltv.Core.Domain;
using Ltv.Core.History;
using Ltv.Core.IO;

namespace Ltv.Core.Tests.IO;

public class SummaryCsvWriterTests
{
    private static readonly DateOnly D0 = new(2024, 1, 1);

    private static CustomerSummaries Summaries(DateOnly? calibrationEnd)
    {
        static Purchase P(string id, int day, decimal amount) => new(id, D0.AddDays(day).ToDateTime(TimeOnly.MinValue), Money.Of(amount, Currency.EUR));
        return PurchaseLog.FromPurchases([P("a", 0, 10m), P("a", 7, 20.5m), P("a", 14, 30.51m), P("b,\"x\"", 3, 5m), P("b,\"x\"", 30, 7m)])
            .Summarize(new SummaryOptions(D0.AddDays(35), TimeUnit.Week) { CalibrationEnd = calibrationEnd });
    }

    private static string Write(CustomerSummaries s)
    {
        var text = new StringWriter();
        SummaryCsvWriter.Write(s, text);
        return text.ToString();
    }

    [Fact]
    public void Writes_the_lifetimes_columns_with_the_unit_and_exact_spend()
    {
        var lines = Write(Summaries(null)).Split(Environment.NewLine);
        Assert.Equal("customer_id,frequency,recency,T,monetary_value,time_unit", lines[0]);
        Assert.Equal("a,2,2,5,25.505,week", lines[1]);
        Assert.Equal("\"b,\"\"x\"\"\",1,3.857142857142857,4.571428571428571,7,week", lines[2]);
    }

    [Fact]
    public void Writes_the_holdout_columns_with_a_calibration_end()
    {
        var lines = Write(Summaries(D0.AddDays(21))).Split(Environment.NewLine);
        Assert.Equal("customer_id,frequency,recency,T,monetary_value,frequency_holdout,monetary_value_holdout,duration_holdout,time_unit", lines[0]);
        Assert.Equal("\"b,\"\"x\"\"\",0,0,2.5714285714285716,0,1,7,2,week", lines[2]);
    }

    [Fact]
    public void What_it_writes_reads_back_as_the_same_summary()
    {
        var s = Summaries(null);
        var back = SummaryCsvReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(Write(s))), "s.csv", SummaryCsvReader.LifetimesColumns);
        Assert.Equal(s.CustomerIds, back.CustomerIds);
        Assert.Equal(TimeUnit.Week, back.Unit);
        Assert.Equal(s.Frequency.ToArray(), back.Frequency.ToArray());
        Assert.Equal(s.Recency.ToArray(), back.Recency.ToArray());
        Assert.Equal(s.Age.ToArray(), back.Age.ToArray());
        Assert.Equal(s.Monetary.ToArray(), back.Monetary.ToArray());
        Assert.Equal(Write(s), Write(back));   // a summary read back writes the same file
    }

    [Fact]
    public void A_summary_without_purchase_history_is_written_column_by_column()
    {
        var file = SummaryCsvReader.Read(new MemoryStream("customer_id,T,frequency,recency,periods\na,2.5,1,0.5,3\n"u8.ToArray()), "s.csv", ["periods"]);
        Assert.Equal("customer_id,frequency,recency,T,periods\na,1,0.5,2.5,3\n", Write(file).ReplaceLineEndings("\n"));
    }
}
