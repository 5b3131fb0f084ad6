using Coaching.Core.Data;
using Coaching.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Coaching.Web.Commands;
using Coaching.Web.Demo;
using Coaching.Web.Hosting;

namespace Coaching.Tests.Hosting;

/// <summary>
/// Three real app processes started at the same moment on one database (a SQLite file, or a PostgreSQL database in
/// Coaching.Tests.Postgres): on an empty database, then on one a migration behind. The start-up lock
/// (<c>DatabaseStartupLock</c>) lets one migrate and create the first-run rows while the others wait: all become ready and
/// every first-run row exists once.
/// </summary>
public sealed class ConcurrentStartTests : IDisposable
{
    private const int Processes = 3;
    private readonly ServerFolder _folder = new("coaching-start-", () => PostgresTestDatabases.CreateEmpty("coaching_test_start_"));

    [Fact]
    public async Task Three_processes_start_together_on_an_empty_database_and_on_one_a_migration_behind()
    {
        await StartTogetherAsync();
        var firstRun = await CountFirstRunRowsAsync();
        Assert.Equal(1, firstRun.Clubs);

        await using (var db = NewContext())
        {
            var applied = (await db.Database.GetAppliedMigrationsAsync()).ToList();
            await db.GetService<IMigrator>().MigrateAsync(applied[^2]);
            Assert.Single(await db.Database.GetPendingMigrationsAsync());
        }

        await StartTogetherAsync();
        Assert.Equal(firstRun, await CountFirstRunRowsAsync());
        await using (var db = NewContext()) Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    private async Task StartTogetherAsync()
    {
        var starts = Enumerable.Range(0, Processes).Select(i => ServerProcess.StartAsync(_folder.Path, _folder.Environment(i.ToString(System.Globalization.CultureInfo.InvariantCulture)))).ToList();
        try
        {
            // StartAsync returns once GET /health/ready answers 200; a process that died at start-up throws with its output.
            await Task.WhenAll(starts);
        }
        finally
        {
            foreach (var start in starts.Where(s => s.IsCompletedSuccessfully)) start.Result.Dispose();
        }
    }

    private async Task<FirstRunRows> CountFirstRunRowsAsync()
    {
        await using var db = NewContext();
        var duplicatedRoles = await db.Roles.GroupBy(r => r.NormalizedName).CountAsync(g => g.Count() > 1);
        var duplicatedQuestionnaires = await db.Questionnaires.GroupBy(q => new { q.Code, q.Version }).CountAsync(g => g.Count() > 1);
        var duplicatedActions = await db.CatalogActions.GroupBy(a => a.Code).CountAsync(g => g.Count() > 1);
        var duplicatedUsers = await db.Users.GroupBy(u => u.NormalizedEmail).CountAsync(g => g.Count() > 1);
        Assert.Equal((0, 0, 0, 0), (duplicatedRoles, duplicatedQuestionnaires, duplicatedActions, duplicatedUsers));
        return new FirstRunRows(await db.Roles.CountAsync(), await db.Clubs.CountAsync(), await db.Questionnaires.CountAsync(),
            await db.CatalogActions.CountAsync(), await db.Users.CountAsync(), await db.Merchants.CountAsync());
    }

    private CoachingDbContext NewContext()
    {
        var options = new DbContextOptionsBuilder<CoachingDbContext>();
        if (_folder.Postgres is not null) options.UseNpgsql(_folder.Postgres, o => o.MigrationsAssembly(DataServices.PostgresMigrationsAssembly));
        else options.UseSqlite($"Data Source={ServerProcess.DatabasePath(_folder.Path)};Pooling=False", o => o.MigrationsAssembly(DataServices.SqliteMigrationsAssembly));
        return new CoachingDbContext(options.Options);
    }

    public void Dispose() => _folder.Dispose();

    private sealed record FirstRunRows(int Roles, int Clubs, int Questionnaires, int CatalogActions, int Users, int Merchants);
}
