using System.Reflection;
using Coaching.Core.Reports;

namespace Coaching.Tests.Features.Reports;

/// <summary>
/// The ReportFacts migration freezes the SQL that creates and fills the report facts. If ReportFactsSql changes, an
/// existing database would keep the old shape or content: the change needs a migration of its own that rebuilds them.
/// </summary>
public sealed class ReportFactsMigrationTests
{
    private static string Frozen(string name) =>
        (string)typeof(Coaching.Migrations.Sqlite.Migrations.ReportFacts).GetField(name, BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null)!;

    private static string Normalized(string sql) => string.Join("\n", sql.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));

    [Fact]
    public void The_latest_facts_migration_creates_and_fills_what_ReportFactsSql_describes()
    {
        const string Hint = "ReportFactsSql changed: add a migration that recreates and refills the report facts, and point this test at it.";
        Assert.True(Normalized(ReportFactsSql.CreateTables()) == Normalized(Frozen("CreateReportFactTables")), Hint);
        Assert.True(Normalized(ReportFactsSql.RebuildAll()) == Normalized(Frozen("FillReportFacts")), Hint);
    }
}
