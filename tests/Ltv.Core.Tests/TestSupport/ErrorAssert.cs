namespace Ltv.Core.Tests.TestSupport;

/// <summary>Checks that a failure is typed and that its message names the field and shows the value.</summary>
internal static class ErrorAssert
{
    public static TException Throws<TException>(Action action, string field, string value)
        where TException : Exception
    {
        var ex = Assert.Throws<TException>(action);
        Assert.Contains(field, ex.Message, StringComparison.Ordinal);
        Assert.Contains(value, ex.Message, StringComparison.Ordinal);
        return ex;
    }

    public static TException ThrowsAny<TException>(Action action, string field, string value)
        where TException : Exception
    {
        var ex = Assert.ThrowsAny<TException>(action);
        Assert.Contains(field, ex.Message, StringComparison.Ordinal);
        Assert.Contains(value, ex.Message, StringComparison.Ordinal);
        return ex;
    }
}
