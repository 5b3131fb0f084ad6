using Coaching.Core.Clubs;
using Coaching.Core.Data;
using Coaching.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Coaching.Tests.Infrastructure;

/// <summary>The PostgreSQL migrations on a real server, each test in a database of its own, dropped afterwards.</summary>
public sealed class PostgresMigrationTests : IAsyncLifetime
{
    private readonly string _database = "coaching_test_" + Guid.NewGuid().ToString("N");
    private string _connectionString = "";

    public async Task InitializeAsync()
    {
        if (PostgresFactAttribute.ConnectionString is not { } server) return;
        _connectionString = new NpgsqlConnectionStringBuilder(server) { Database = _database, Pooling = false }.ConnectionString;
        await using var db = Context();
        await db.Database.MigrateAsync();
    }

    public async Task DisposeAsync()
    {
        if (PostgresFactAttribute.ConnectionString is not { } server) return;
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
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
}
