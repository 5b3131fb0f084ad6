using System.Reflection;
using Coaching.Core.Reports;

namespace Coaching.Tests.Features.Reports;

/// <summary>
/// The ReportFacts migration freezes the SQL that creates and fills the report facts. If ReportFactsSql changes, an
/// existing database would keep the old shape or content: the change needs a migration of its own that rebuilds them.
/// </summary>
public sealed class ReportFactsMigrationTests
{
    private static string Frozen(string name) => Frozen(typeof(Coaching.Migrations.Sqlite.Migrations.ReportFacts), name);

    private static string Frozen(Type migration, string name) =>
        (string)migration.GetField(name, BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null)!;

    private static string Normalized(string sql) => string.Join("\n", sql.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));

    [Fact]
    public void The_latest_facts_migration_creates_and_fills_what_ReportFactsSql_describes()
    {
        const string Hint = "ReportFactsSql changed: add a migration that recreates and refills the report facts, and point this test at it.";
        Assert.True(Normalized(ReportFactsSql.CreateTables(ReportSqlDialect.Sqlite)) == Normalized(Frozen("CreateReportFactTables")), Hint);
        Assert.True(Normalized(ReportFactsSql.RebuildAll(ReportSqlDialect.Sqlite)) == Normalized(Frozen("FillReportFacts")), Hint);
    }

    [Fact]
    public void The_latest_postgres_facts_migration_creates_and_fills_what_ReportFactsSql_describes()
    {
        const string Hint = "ReportFactsSql changed for PostgreSQL: add a PostgreSQL migration that recreates and refills the report facts, and point this test at it.";
        var migration = typeof(Coaching.Migrations.Postgres.Migrations.ReportFactsAndAuditGuard);
        Assert.True(Normalized(ReportFactsSql.CreateTables(ReportSqlDialect.Postgres)) == Normalized(Frozen(migration, "CreateReportFactTables")), Hint);
        Assert.True(Normalized(ReportFactsSql.RebuildAll(ReportSqlDialect.Postgres)) == Normalized(Frozen(migration, "FillReportFacts")), Hint);
    }
}
