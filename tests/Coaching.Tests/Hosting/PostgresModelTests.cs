using Coaching.Core.Data;
using Coaching.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Coaching.Tests.Hosting;

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

    /// <summary>PostgreSQL versions of raw SQL that SQLite migrations older than the PostgreSQL Initial hold (the report
    /// facts of ReportFacts, the audit triggers of AuditAndPrivacy): no model change, so no SQLite twin.</summary>
    private static readonly string[] PostgresCatchUp = ["ReportFactsAndAuditGuard"];

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
        var laterPostgres = postgresIds.Where(id => id != postgresInitial).Select(Name).Except(PostgresCatchUp).Order().ToList();

        // PostgreSQL may have migrations of its own (XminConcurrency: its row version replaces SQLite's Guid token).
        Assert.NotEmpty(laterSqlite);
        Assert.Empty(laterSqlite.Except(laterPostgres));
    }

}
