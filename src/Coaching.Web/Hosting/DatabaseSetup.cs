using Coaching.Core.Actions;
using Coaching.Core.Clubs;
using Coaching.Core.Data;
using Coaching.Core.Diagnostics.Default;
using Coaching.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Coaching.Web.Hosting;

public static class DatabaseSetup
{
    /// <summary>Applies migrations and makes sure the first-run rows exist (roles, the club, the default questionnaire and catalogue).</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app, Func<IServiceProvider, Task>? thenUnderLock = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        // Instances started together: one at a time migrates and creates the first-run rows, the others find them.
        await using var startupLock = await DatabaseStartupLock.AcquireAsync(services);
        await MigrateLockedAsync(services);
        if (thenUnderLock is not null) await thenUnderLock(services);
    }

    /// <summary>Migrates and creates the first-run rows under the start-up lock (<see cref="DatabaseStartupLock"/>).</summary>
    public static async Task MigrateAsync(IServiceProvider services)
    {
        await using var startupLock = await DatabaseStartupLock.AcquireAsync(services);
        await MigrateLockedAsync(services);
    }

    private static async Task MigrateLockedAsync(IServiceProvider services)
    {
        var db = services.GetRequiredService<CoachingDbContext>();
        var connection = db.Database.GetDbConnection();
        if (connection is Microsoft.Data.Sqlite.SqliteConnection sqlite && sqlite.DataSource is { Length: > 0 } file)
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);

        await db.Database.MigrateAsync();
        if (db.Database.IsSqlite())
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");

        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole(role));
        }

        if (!await db.Clubs.AnyAsync())
        {
            var options = services.GetRequiredService<IOptions<CoachingOptions>>().Value;
            db.Clubs.Add(new Club { Name = options.ClubName, RegionCode = options.RegionCode });
            await db.SaveChangesAsync();
        }

        await DefaultQuestionnaire.SeedIfNoneAsync(db, services.GetRequiredService<TimeProvider>());
        await ActionCatalogSeeder.SeedMissingAsync(db, services.GetRequiredService<TimeProvider>());
        await SharedStateImport.RunAsync(db, services.GetRequiredService<DataFolder>(), services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SharedStateImport)));
    }
}
