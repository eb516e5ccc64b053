namespace Rari.Actors.Tests.Support;

/// <summary>
/// A fact that runs only against a real PostgreSQL: when the environment variable <see cref="Variable"/> holds a
/// connection string (<c>.ci/run</c> sets it and starts a throwaway server); skipped, and reported as skipped, otherwise.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    /// <summary>The environment variable with the test server's connection string.</summary>
    public const string Variable = "RARI_TEST_POSTGRES";

    /// <summary>Skips the fact when no test server is configured.</summary>
    public PostgresFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            Skip = $"{Variable} is not set: no PostgreSQL to test against (.ci/run sets it).";
        }
    }

    /// <summary>The test server's connection string, or null.</summary>
    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable);
}
