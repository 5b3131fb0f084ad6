using Coaching.Core.Audit;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Coaching.Tests.Support;

namespace Coaching.Tests.Features.Audit;

[Collection(AppCollection.Name)]
public sealed class AppendOnlyTests(CoachingAppFactory app)
{
    [Fact]
    public async Task The_DbContext_refuses_to_modify_or_delete_an_entry()
    {
        var id = await AddAsync(app.Clock.GetUtcNow().AddMonths(-13));
        await Assert.ThrowsAsync<InvalidOperationException>(() => app.QueryAsync(async db =>
        {
            var entry = await db.AuditEntries.SingleAsync(e => e.Id == id);
            entry.Detail = "changé";
            return await db.SaveChangesAsync();
        }));
        await Assert.ThrowsAsync<InvalidOperationException>(() => app.QueryAsync(async db =>
        {
            db.AuditEntries.Remove(await db.AuditEntries.SingleAsync(e => e.Id == id));
            return await db.SaveChangesAsync();
        }));
        Assert.True(await app.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.Id == id)));
    }

    [Fact]
    public async Task The_database_refuses_any_update_and_the_delete_of_entries_younger_than_six_months()
    {
        var fresh = await AddAsync(DateTimeOffset.UtcNow.AddMonths(-5));
        var old = await AddAsync(DateTimeOffset.UtcNow.AddMonths(-7));

        var update = await Assert.ThrowsAnyAsync<DbException>(() => SqlAsync($"UPDATE \"AuditEntries\" SET \"Detail\" = 'x' WHERE \"Id\" = {old}"));
        Assert.Contains("append-only", update.Message);
        var delete = await Assert.ThrowsAnyAsync<DbException>(() => SqlAsync($"DELETE FROM \"AuditEntries\" WHERE \"Id\" = {fresh}"));
        Assert.Contains("append-only", delete.Message);
        Assert.Equal(1, await SqlAsync($"DELETE FROM \"AuditEntries\" WHERE \"Id\" = {old}"));
        Assert.True(await app.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.Id == fresh)));
    }

    [Fact]
    public async Task The_purge_deletes_only_the_entries_past_the_retention()
    {
        var now = app.Clock.GetUtcNow();
        var expired = await AddAsync(now.AddMonths(-12).AddDays(-2));
        var kept = await AddAsync(now.AddMonths(-11));
        var recent = await AddAsync(now.AddMinutes(-1));

        await app.WithScopeAsync(services => services.GetRequiredService<AuditPurge>().RunAsync(12));
        var left = await app.QueryAsync(db => db.AuditEntries.Where(e => e.Id == expired || e.Id == kept || e.Id == recent).Select(e => e.Id).ToListAsync());
        Assert.Equal([kept, recent], left.Order());

        await app.WithScopeAsync(services => services.GetRequiredService<AuditPurge>().RunAsync(6));
        Assert.False(await app.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.Id == kept)));
        Assert.True(await app.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.Id == recent)));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => app.WithScopeAsync(services => services.GetRequiredService<AuditPurge>().RunAsync(3)));
    }

    private Task<long> AddAsync(DateTimeOffset at) => app.QueryAsync(async db =>
    {
        var entry = new AuditEntry { OccurredAt = at, Action = AuditAction.Read, TargetType = AuditTarget.Merchant, TargetId = "0", Detail = "test" };
        db.AuditEntries.Add(entry);
        await db.SaveChangesAsync();
        return entry.Id;
    });

    /// <summary>SQL run by hand, past the DbContext's own guard: only the database's triggers can refuse it.</summary>
    private async Task<int> SqlAsync(string sql)
    {
        var connectionString = await app.QueryAsync(db => Task.FromResult(db.Database.GetConnectionString()!));
        await using DbConnection connection = TestProvider.IsPostgres
            ? new Npgsql.NpgsqlConnection(connectionString)
            : new Microsoft.Data.Sqlite.SqliteConnection(connectionString + ";Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteNonQueryAsync();
    }
}
