using Coaching.Core.Data;
using Coaching.Core.Merchants;
using Coaching.Core.Reports;
using Coaching.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Coaching.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL migrations, checked without a server: EF Core compares the model with the migrations' snapshot
/// offline, and the report SQL refuses before it would open a connection.
/// </summary>
public sealed class PostgresModelTests
{
    private static CoachingDbContext Postgres() =>
        new(new DbContextOptionsBuilder<CoachingDbContext>()
            .UseNpgsql("Host=postgres.invalid;Database=coaching_never_opened", o => o.MigrationsAssembly(DataServices.PostgresMigrationsAssembly))
            .Options);

    private static CoachingDbContext Sqlite() =>
        new(new DbContextOptionsBuilder<CoachingDbContext>()
            .UseSqlite("Data Source=:memory:", o => o.MigrationsAssembly(DataServices.SqliteMigrationsAssembly))
            .Options);

    [Fact]
    public void The_postgres_migrations_describe_the_whole_model()
    {
        using var db = Postgres();

        Assert.False(db.Database.HasPendingModelChanges(),
            "The model has changes no PostgreSQL migration describes: run `dotnet ef migrations add <Name> --project migrations/Coaching.Migrations.Postgres --output-dir Migrations`.");
    }

    [Fact]
    public void Every_entity_of_the_model_is_in_the_postgres_snapshot_with_its_table()
    {
        using var db = Postgres();
        var snapshot = db.GetService<IMigrationsAssembly>().ModelSnapshot?.Model;
        Assert.NotNull(snapshot);

        var expected = db.Model.GetEntityTypes().Select(e => (e.Name, e.GetTableName())).Order().ToList();
        var inSnapshot = snapshot.GetEntityTypes().Select(e => (e.Name, e.GetTableName())).Order().ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, inSnapshot);
    }

    [Fact]
    public void Every_sqlite_migration_added_after_the_postgres_initial_has_a_postgres_twin()
    {
        using var postgres = Postgres();
        using var sqlite = Sqlite();
        var postgresIds = postgres.GetService<IMigrationsAssembly>().Migrations.Keys.ToList();
        var sqliteIds = sqlite.GetService<IMigrationsAssembly>().Migrations.Keys.ToList();
        var postgresInitial = Assert.Single(postgresIds, id => id.EndsWith("_Initial", StringComparison.Ordinal));

        static string Name(string id) => id[(id.IndexOf('_', StringComparison.Ordinal) + 1)..];
        var laterSqlite = sqliteIds.Where(id => string.CompareOrdinal(id, postgresInitial) > 0).Select(Name).Order().ToList();
        var laterPostgres = postgresIds.Where(id => id != postgresInitial).Select(Name).Order().ToList();

        // PostgreSQL may have migrations of its own (XminConcurrency: its row version replaces SQLite's Guid token).
        Assert.NotEmpty(laterSqlite);
        Assert.Empty(laterSqlite.Except(laterPostgres));
    }

    [Fact]
    public async Task The_club_report_refuses_on_postgres_rather_than_send_sqlite_sql()
    {
        await using var db = Postgres();
        var filter = new ReportFilter(ClubId: 1, From: DateTimeOffset.UnixEpoch, To: DateTimeOffset.UnixEpoch.AddDays(30));

        var error = await Assert.ThrowsAsync<NotSupportedException>(() => new ReportQuery(db).RunAsync(filter));
        Assert.Contains("issue 8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Saving_a_merchant_refuses_on_postgres_before_writing()
    {
        await using var db = Postgres();
        db.Merchants.Add(new Merchant { ClubId = 1, BusinessName = "Boulangerie test" });

        var error = await Assert.ThrowsAsync<NotSupportedException>(() => db.SaveChangesAsync());
        Assert.Contains("report facts", error.Message, StringComparison.Ordinal);
    }
}
