using Coaching.Tests.Support;
using Coaching.Web.Commands;
using Coaching.Web.Hosting;

namespace Coaching.Tests;

/// <summary>The SQLite-only maintenance command `backup` refuses on PostgreSQL with a pointer to pg_dump.</summary>
[Collection(AppCollection.Name)]
public sealed class PostgresCommandsTests(CoachingAppFactory app)
{
    [Fact]
    public async Task Backup_refuses_and_points_to_pg_dump()
    {
        var target = Path.Combine(app.DataFolder, "sauvegarde.db");
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await app.WithScopeAsync(services => DatabaseBackup.RunAsync(services, ["--out", target], output, error));

        Assert.Equal(1, exitCode);
        Assert.Contains("pg_dump", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", error.ToString(), StringComparison.Ordinal);
        Assert.Equal("", output.ToString());
        Assert.False(File.Exists(target));
    }
}
