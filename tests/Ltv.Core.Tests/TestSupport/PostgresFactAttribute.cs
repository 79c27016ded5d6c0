namespace Ltv.Core.Tests.TestSupport;

/// <summary>
/// A fact that needs the PostgreSQL server .ci/run starts: its connection string comes from
/// LTV_TEST_POSTGRES. Skipped with the reason only when .ci/run could not install a server
/// (LTV_TEST_POSTGRES_UNAVAILABLE) or, outside CI, when no server is configured; in CI without a server
/// the test runs and fails, so CI never passes by skipping it silently.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    /// <summary>Sets Skip when no server is available.</summary>
    public PostgresFactAttribute()
    {
        if (PostgresServer.ConnectionString is not null)
        {
            return;
        }

        var unavailable = Environment.GetEnvironmentVariable("LTV_TEST_POSTGRES_UNAVAILABLE");
        if (!string.IsNullOrWhiteSpace(unavailable))
        {
            Skip = "PostgreSQL could not be installed: " + unavailable;
        }
        else if (!string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Skip = "no PostgreSQL server: set LTV_TEST_POSTGRES to a connection string (.ci/run starts one)";
        }
    }
}

/// <summary>The test server's connection string.</summary>
internal static class PostgresServer
{
    public static string? ConnectionString =>
        Environment.GetEnvironmentVariable("LTV_TEST_POSTGRES") is { Length: > 0 } s ? s : null;

    public static string Required =>
        ConnectionString ?? throw new InvalidOperationException("LTV_TEST_POSTGRES is not set, but CI=true: .ci/run must start PostgreSQL and set it (or set LTV_TEST_POSTGRES_UNAVAILABLE with the reason).");
}
