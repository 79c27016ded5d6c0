namespace Ltv.Core.Tests.Probabilistic;

public class CdnowSampleFixtureTests
{
    [Fact]
    public void Fixture_matches_the_published_summary_within_its_rounding()
    {
        var sample = CdnowSampleFixture.Sample;
        var published = CdnowSampleFixture.Published();
        Assert.Equal(2357, sample.Count);
        Assert.Equal(published.Length, sample.Count);
        Assert.Equal(946, sample.X.Count(v => v > 0));
        Assert.Equal(2457, sample.X.Sum());
        for (var i = 0; i < sample.Count; i++)
        {
            var row = published[i];
            Assert.Equal(row.Id, sample.Ids[i]);
            Assert.Equal(row.X, sample.X[i]);
            Assert.Equal(row.Tx, sample.Tx[i], 0.005 + 1e-9);
            Assert.Equal(row.T, sample.T[i], 0.005 + 1e-9);
            Assert.Equal(row.Zbar, sample.Zbar[i], 0.005 + 1e-9);
        }
    }
}
