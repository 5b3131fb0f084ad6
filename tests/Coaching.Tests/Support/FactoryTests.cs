using Coaching.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coaching.Tests.Support;

/// <summary>The fixture itself: the app runs on the temporary database, migrated and seeded, with the fake clock.</summary>
[Collection(AppCollection.Name)]
public sealed class FactoryTests(CoachingAppFactory app)
{
    [Fact]
    public async Task App_uses_the_temporary_database_migrated_and_seeded()
    {
        var connection = await app.QueryAsync(db => Task.FromResult(db.Database.GetConnectionString()));
        if (TestProvider.IsPostgres)
        {
            Assert.True(await app.QueryAsync(db => Task.FromResult(db.Database.UsesXmin())), "Not on PostgreSQL.");
            Assert.Contains("coaching_test_", connection, StringComparison.Ordinal);
        }
        else
        {
            Assert.True(File.Exists(app.DatabasePath), $"No database at {app.DatabasePath}");
            Assert.Contains(app.DatabasePath, connection, StringComparison.Ordinal);
        }
        var pending = await app.QueryAsync(db => db.Database.GetPendingMigrationsAsync());
        Assert.Empty(pending);
        Assert.True(await app.QueryAsync(db => db.Merchants.CountAsync()) >= 60);
    }

    [Fact]
    public void App_reads_time_from_the_fake_clock()
    {
        Assert.Same(app.Clock, app.Services.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public void Demo_ids_follow_the_access_rules_they_are_named_after()
    {
        var ids = app.Ids;
        Assert.Equal(7, new[] { ids.MerchantA, ids.MerchantB, ids.MerchantOfAdvisorA, ids.MerchantOfAdvisorB,
            ids.UnassignedInAdvisorADepartments, ids.UnassignedInAdvisorBDepartments, ids.UnknownMerchant }.Distinct().Count());
        Assert.Equal("/dossiers/" + ids.MerchantOfAdvisorB, ids.Resolve("/dossiers/{merchantOfAdvisorB}"));
        Assert.Throws<ArgumentException>(() => ids.Resolve("/dossiers/{nope}"));
    }
}

[Collection(AppCollection.Name)]
public sealed class MigrationTests(CoachingAppFactory app)
{
    [Fact]
    public async Task The_migrations_describe_the_whole_model()
    {
        var pending = await app.QueryAsync(db => Task.FromResult(Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.HasPendingModelChanges(db.Database)));

        Assert.False(pending, "The model has changes no migration describes: run `dotnet ef migrations add <Name> --project migrations/Coaching.Migrations.Sqlite --output-dir Migrations`.");
    }
}
