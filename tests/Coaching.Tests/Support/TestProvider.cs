namespace Coaching.Tests.Support;

/// <summary>
/// Which database the test apps run on: SQLite in Coaching.Tests, PostgreSQL in Coaching.Tests.Postgres (the same
/// sources compiled with COACHING_POSTGRES, each test app on a database of its own: <see cref="PostgresTestDatabases"/>).
/// </summary>
public static class TestProvider
{
#if COACHING_POSTGRES
    public static bool IsPostgres { get; } = true;
#else
    public static bool IsPostgres { get; } = false;
#endif

    /// <summary>True under CI (CI=true), where a test that needs a missing service fails instead of skipping.</summary>
    public static bool IsCi { get; } = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
}
