using Coaching.Core.Audit;
using Coaching.Core.Clubs;
using Coaching.Core.Data;
using Coaching.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Coaching.Tests.Support;

namespace Coaching.Tests.Hosting;

/// <summary>The PostgreSQL migrations on a real server, each test in a database of its own, dropped afterwards.</summary>
public sealed class PostgresMigrationTests : IAsyncLifetime
{
    private string _connectionString = "";

    public async Task InitializeAsync()
    {
        if (PostgresFactAttribute.ConnectionString is null) return;
        _connectionString = PostgresTestDatabases.CreateEmpty("coaching_test_");
        await using var db = Context();
        await db.Database.MigrateAsync();
    }

    public Task DisposeAsync()
    {
        if (_connectionString.Length > 0) PostgresTestDatabases.Drop(_connectionString);
        return Task.CompletedTask;
    }

    private CoachingDbContext Context() =>
        new(new DbContextOptionsBuilder<CoachingDbContext>()
            .UseNpgsql(_connectionString, o => o.MigrationsAssembly(DataServices.PostgresMigrationsAssembly))
            .Options);

    [PostgresFact]
    public async Task The_migrations_apply_to_an_empty_database_and_leave_nothing_pending()
    {
        await using var db = Context();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.False(db.Database.HasPendingModelChanges());
        Assert.Equal(0, await db.Clubs.CountAsync());
        Assert.Equal(0, await db.Users.CountAsync());
    }

    [PostgresFact]
    public async Task A_stale_version_is_refused_on_postgres_as_on_sqlite()
    {
        await using (var setup = Context())
        {
            setup.Clubs.Add(new Club { Name = "Club de test", RegionCode = "75" });
            await setup.SaveChangesAsync();
        }
        await using var first = Context();
        await using var second = Context();
        var mine = await first.Clubs.SingleAsync();
        var theirs = await second.Clubs.SingleAsync();

        mine.Name = "Premier";
        await first.SaveChangesAsync();
        theirs.Name = "Second";

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        await using var check = Context();
        var stored = await check.Clubs.SingleAsync();
        Assert.Equal("Premier", stored.Name);
        Assert.Equal(first.VersionOf(mine), check.VersionOf(stored));
        Assert.NotEqual(second.VersionOf(theirs), check.VersionOf(stored));
        // PostgreSQL's own row version, not the application-managed Guid of SQLite.
        Assert.Equal("xmin", check.Model.FindEntityType(typeof(Club))!.FindProperty(nameof(Club.RowVersion))!.GetColumnName());
        Assert.Null(check.Model.FindEntityType(typeof(Club))!.FindProperty(nameof(Club.Version)));
    }

    [PostgresFact]
    public async Task The_database_refuses_any_update_and_the_delete_of_audit_entries_younger_than_six_months()
    {
        var fresh = await AddAuditEntryAsync(DateTimeOffset.UtcNow.AddMonths(-5));
        var old = await AddAuditEntryAsync(DateTimeOffset.UtcNow.AddMonths(-7));

        var update = await Assert.ThrowsAsync<PostgresException>(() => SqlAsync($"UPDATE \"AuditEntries\" SET \"Detail\" = 'x' WHERE \"Id\" = {old}"));
        Assert.Contains("append-only", update.MessageText, StringComparison.Ordinal);
        var delete = await Assert.ThrowsAsync<PostgresException>(() => SqlAsync($"DELETE FROM \"AuditEntries\" WHERE \"Id\" = {fresh}"));
        Assert.Contains("append-only", delete.MessageText, StringComparison.Ordinal);
        Assert.Equal(1, await SqlAsync($"DELETE FROM \"AuditEntries\" WHERE \"Id\" = {old}"));
        await using var db = Context();
        Assert.Equal([fresh], await db.AuditEntries.Select(e => e.Id).ToListAsync());
    }

    [PostgresFact]
    public async Task The_audit_purge_deletes_the_entries_past_the_retention_on_postgres()
    {
        var now = DateTimeOffset.UtcNow;
        var expired = await AddAuditEntryAsync(now.AddMonths(-12).AddDays(-2));
        var kept = await AddAuditEntryAsync(now.AddMonths(-11));
        var recent = await AddAuditEntryAsync(now.AddMinutes(-1));
        var clock = new FakeTimeProvider(now);

        await using (var db = Context()) Assert.Equal(1, await new AuditPurge(db, clock).RunAsync(12));
        await using (var db = Context()) Assert.Equal([kept, recent], (await db.AuditEntries.Select(e => e.Id).ToListAsync()).Order());
        await using (var db = Context()) Assert.Equal(1, await new AuditPurge(db, clock).RunAsync(6));
        await using (var db = Context()) Assert.Equal([recent], await db.AuditEntries.Select(e => e.Id).ToListAsync());
    }

    [PostgresFact]
    public async Task The_report_facts_and_audit_guard_migration_goes_down_and_up_again()
    {
        const string Objects = """
            SELECT (SELECT COUNT(*) FROM pg_class WHERE relname IN ('ReportMerchantFacts', 'ReportAssessmentFacts', 'ReportAxes', 'ReportDailyTotals'))
                 + (SELECT COUNT(*) FROM pg_trigger WHERE tgname LIKE 'AuditEntries_%')
            """;
        Assert.Equal(6L, await ScalarAsync(Objects));
        await using (var db = Context()) await db.GetService<IMigrator>().MigrateAsync("SharedStateInDatabase");
        Assert.Equal(0L, await ScalarAsync(Objects));
        await using (var db = Context()) await db.Database.MigrateAsync();
        Assert.Equal(6L, await ScalarAsync(Objects));
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task<long> AddAuditEntryAsync(DateTimeOffset at)
    {
        await using var db = Context();
        var entry = new AuditEntry { OccurredAt = at, Action = AuditAction.Read, TargetType = AuditTarget.Merchant, TargetId = "0", Detail = "test" };
        db.AuditEntries.Add(entry);
        await db.SaveChangesAsync();
        return entry.Id;
    }

    private async Task<int> SqlAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteNonQueryAsync();
    }
}
