namespace Coaching.Tests.Support;

/// <summary>A test that needs a PostgreSQL server: runs when COACHING_TEST_POSTGRES holds a connection string (the
/// role must be allowed to create databases; `.ci/start-postgres` sets one up), skips otherwise.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public const string Variable = "COACHING_TEST_POSTGRES";

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    public PostgresFactAttribute()
    {
        if (ConnectionString is null)
            Skip ??= $"No PostgreSQL server: set {Variable} to an Npgsql connection string (.ci/start-postgres prints one).";
    }
}
