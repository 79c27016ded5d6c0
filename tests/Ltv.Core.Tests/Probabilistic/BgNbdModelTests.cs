using Ltv.Core.Probabilistic.Models;

namespace Ltv.Core.Tests.Probabilistic;

public class BgNbdModelTests
{
    [Fact]
    public void Fit_on_cdnow_reproduces_the_published_estimates()
    {
        var fit = BgNbdModel.Fit(CdnowSampleFixture.Sample.Patterns).EnsureConverged();
        Assert.Equal(0.243, fit.Model.R, 0.0005);
        Assert.Equal(4.414, fit.Model.Alpha, 0.0005);
        Assert.Equal(0.793, fit.Model.A, 0.0005);
        Assert.Equal(2.426, fit.Model.B, 0.0005);
        Assert.Equal(-9582.4, fit.LogLikelihood, 0.05);
        Assert.Equal(2357, fit.CustomerCount);
    }
}
