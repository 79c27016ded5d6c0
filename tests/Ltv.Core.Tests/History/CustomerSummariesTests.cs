using System.Text;

using Ltv.Core.Domain;
using Ltv.Core.History;
using Ltv.Core.IO;

namespace Ltv.Core.Tests.History;

/// <summary>One per-customer summary type: a summarised log and a summary file are the same type, with the purchase history only where a log was summarised.</summary>
public class CustomerSummariesTests
{
    private static readonly DateOnly D0 = new(2024, 1, 1);

    private static CustomerSummaries FromLog()
    {
        static Purchase P(string id, int day, decimal amount) => new(id, D0.AddDays(day).ToDateTime(TimeOnly.MinValue), Money.Of(amount, Currency.EUR));
        return PurchaseLog.FromPurchases([P("a", 0, 10m), P("a", 7, 20.5m), P("a", 14, 30.51m), P("b", 7, 5m)])
            .Summarize(new SummaryOptions(D0.AddDays(21), TimeUnit.Week));
    }

    private static CustomerSummaries FromFile(string csv) =>
        SummaryCsvReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "s.csv", SummaryCsvReader.LifetimesColumns);

    [Fact]
    public void A_summarised_log_has_the_named_columns_of_a_summary_file()
    {
        var s = FromLog();
        Assert.True(s.HasPurchaseHistory);
        Assert.Equal(TimeUnit.Week, s.Unit);
        Assert.Equal(["T", "frequency", "monetary_value", "recency"], s.ColumnNames.Order(StringComparer.Ordinal));
        Assert.Equal([2d, 0d], s.Column(CustomerSummaries.FrequencyColumn).ToArray());
        Assert.Equal([2, 0], s.Frequency.ToArray());
        Assert.Equal(s.Recency.ToArray(), s.Column(CustomerSummaries.RecencyColumn).ToArray());
        Assert.Equal(s.Age.ToArray(), s.Column(CustomerSummaries.AgeColumn).ToArray());
        Assert.Equal((double)s.MonetaryAt(0).Amount, s.Monetary[0], 12);
        Assert.Equal(25.505, s.Monetary[0], 12);
        Assert.Equal(0d, s.Monetary[1]);
        Assert.Equal(2, s.LineOf(1));
    }

    [Fact]
    public void A_summary_file_has_no_purchase_history_and_says_so_naming_the_member_and_the_file()
    {
        var s = FromFile("customer_id,frequency,recency,T,monetary_value\na,2,14,21,25.5\nb,0,0,14,0\n");
        Assert.False(s.HasPurchaseHistory);
        Assert.Null(s.Unit);
        Assert.Equal([2, 0], s.Frequency.ToArray());
        Assert.Equal([25.5, 0d], s.Monetary.ToArray());
        Assert.Equal(3, s.LineOf(1));
        Assert.Equal(1, s.IndexOf("b"));
        var e = Assert.Throws<InvalidOperationException>(() => s.FirstSpendMinor.Length);
        Assert.StartsWith("FirstSpendMinor: s.csv holds only summary columns (", e.Message, StringComparison.Ordinal);
        Assert.Contains("summarise the purchase log", e.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => s.Currency);
        Assert.Throws<InvalidOperationException>(() => s.MonetaryAt(0));
        Assert.Throws<InvalidOperationException>(() => s.Options);
    }

    [Fact]
    public void Patterns_of_a_file_without_a_unit_need_the_unit()
    {
        var s = FromFile("customer_id,frequency,recency,T,monetary_value\na,2,14,21,25.5\nb,0,0,14,0\nc,0,0,0,0\n");
        var e = Assert.Throws<InvalidOperationException>(() => s.ToPatterns());
        Assert.Contains("s.csv does not record its time unit", e.Message, StringComparison.Ordinal);
        var patterns = s.ToPatterns(TimeUnit.Day);
        Assert.Equal(2d, patterns.CustomerCount);
        Assert.Equal(1, s.ZeroAgeCount);
        Assert.Equal(TimeUnit.Day, patterns.Unit);
    }

    [Fact]
    public void Patterns_in_another_unit_than_the_recorded_one_are_refused()
    {
        var s = FromFile("customer_id,frequency,recency,T,monetary_value,time_unit\na,2,14,21,25.5,week\n");
        Assert.Equal(TimeUnit.Week, s.Unit);
        Assert.Throws<UnitMismatchException>(() => s.ToPatterns(TimeUnit.Day));
        Assert.Equal(1d, s.ToPatterns().CustomerCount);
    }

    [Fact]
    public void Library_methods_that_need_the_purchase_history_refuse_a_summary_file_by_name()
    {
        var s = FromFile("customer_id,frequency,recency,T,monetary_value,time_unit\na,2,14,21,25.5,week\n");
        var e = Assert.Throws<ArgumentException>(() => SegmentAggregator.Aggregate(s, _ => "all"));
        Assert.StartsWith("SegmentAggregator.Aggregate needs the purchase history", e.Message, StringComparison.Ordinal);
        Assert.Contains("s.csv holds only summary columns", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(3e9, "summary, row 1, column 2 (frequency): frequency must be a whole number up to 2147483647 (was '3000000000').")]
    [InlineData(-1d, "summary, row 1, column 2 (frequency): frequency must be finite and zero or more (was '-1').")]
    public void Columns_from_elsewhere_are_checked_naming_the_row(double frequency, string message)
    {
        var e = Assert.Throws<InvalidDataException>(() => CustomerSummaries.FromColumns(["a"], [frequency], [1d], [2d], [0d], TimeUnit.Week));
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void Columns_from_elsewhere_name_a_repeated_id_by_row()
    {
        var e = Assert.Throws<InvalidDataException>(() => CustomerSummaries.FromColumns(["a", "a"], [0d, 0d], [0d, 0d], [2d, 2d], [0d, 0d], TimeUnit.Week));
        Assert.Equal("summary, row 2, column 1 (customer_id): the customer id is blank or repeated (was 'a').", e.Message);
    }

    [Fact]
    public void Columns_from_elsewhere_fit_like_the_summarised_log()
    {
        var log = FromLog();
        var copy = CustomerSummaries.FromColumns(log.CustomerIds, log.Column(CustomerSummaries.FrequencyColumn), log.Recency, log.Age, log.Monetary, TimeUnit.Week);
        Assert.False(copy.HasPurchaseHistory);
        Assert.Equal(log.Frequency.ToArray(), copy.Frequency.ToArray());
        var a = log.ToPatterns();
        var b = copy.ToPatterns();
        Assert.Equal(a.Frequency.ToArray(), b.Frequency.ToArray());
        Assert.Equal(a.Recency.ToArray(), b.Recency.ToArray());
        Assert.Equal(a.Age.ToArray(), b.Age.ToArray());
        Assert.Equal(a.Weight.ToArray(), b.Weight.ToArray());
    }
}
