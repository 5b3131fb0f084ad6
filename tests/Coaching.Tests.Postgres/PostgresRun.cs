using Coaching.Tests.Support;

namespace Coaching.Tests;

/// <summary>
/// Every <c>[Fact]</c> of the shared sources resolves to this one in this project (it is nearer than Xunit's): without
/// COACHING_TEST_POSTGRES the tests skip with the reason, except under CI, where they run and fail.
/// </summary>
public class FactAttribute : Xunit.FactAttribute
{
    public FactAttribute()
    {
        Skip ??= PostgresRun.SkipReason;
    }
}

/// <summary>The same for every <c>[Theory]</c>.</summary>
public class TheoryAttribute : Xunit.TheoryAttribute
{
    public TheoryAttribute()
    {
        Skip ??= PostgresRun.SkipReason;
    }
}

public static class PostgresRun
{
    public static string? SkipReason => PostgresFactAttribute.ConnectionString is not null || TestProvider.IsCi
        ? null
        : $"Coaching.Tests.Postgres runs the tests on PostgreSQL: set {PostgresFactAttribute.Variable} to an Npgsql connection string " +
          "for a role that may create databases (`export COACHING_TEST_POSTGRES=\"$(sudo bash .ci/start-postgres)\"`).";
}

public sealed class PostgresRunTests
{
    [Fact]
    public void The_tests_have_a_postgresql_server()
    {
        Assert.True(PostgresFactAttribute.ConnectionString is not null,
            $"{PostgresFactAttribute.Variable} is not set: under CI the PostgreSQL run of the tests must not be skipped.");
        Assert.True(TestProvider.IsPostgres);
    }
}
