using Coaching.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Coaching.Web.Hosting;

public static class DataServices
{
    public const string SqliteMigrationsAssembly = "Coaching.Migrations.Sqlite";
    public const string PostgresMigrationsAssembly = "Coaching.Migrations.Postgres";
    public const string ProviderSetting = "Database:Provider";

    /// <summary>
    /// The database of the configured provider. The interceptors that features register as <see cref="IInterceptor"/>
    /// (e.g. the reports' <see cref="Coaching.Core.Reports.ReportFactsRefresh"/>) are added to every context: what runs on
    /// a save is named by the feature that needs it.
    /// </summary>
    public static IServiceCollection AddCoachingData(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.Configure<CoachingOptions>(configuration.GetSection(CoachingOptions.Section));
        var options = configuration.GetSection(CoachingOptions.Section).Get<CoachingOptions>() ?? new CoachingOptions();
        var dataFolder = Path.GetFullPath(options.DataFolder, environment.ContentRootPath);
        var sqlite = configuration.GetSection(SqliteOptions.Section).Get<SqliteOptions>() ?? new SqliteOptions();
        var provider = ParseProvider(configuration[ProviderSetting]);

        services.AddSingleton(new DataFolder(dataFolder));
        services.AddSingleton(sqlite);
        services.AddSingleton(TimeProvider.System);
        if (provider == DatabaseProvider.Postgres)
        {
            var connectionString = configuration.GetConnectionString("Coaching")
                ?? throw new InvalidOperationException($"{ProviderSetting} is Postgres but ConnectionStrings:Coaching is not set.");
            services.AddDbContext<CoachingDbContext>((registered, db) => db
                .UseNpgsql(connectionString, postgres => postgres.MigrationsAssembly(PostgresMigrationsAssembly))
                .AddInterceptors(registered.GetServices<IInterceptor>()));
        }
        else
        {
            var connectionString = ResolveSqlitePath(configuration.GetConnectionString("Coaching") ?? "Data Source=coaching.db", dataFolder);
            services.AddDbContext<CoachingDbContext>((registered, db) => db
                .UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(SqliteMigrationsAssembly))
                .AddInterceptors(new SqliteBusyTimeout(sqlite))
                .AddInterceptors(new SqliteSecureDelete())
                .AddInterceptors(registered.GetServices<IInterceptor>()));
        }
        services.AddHealthChecks().AddDbContextCheck<CoachingDbContext>("database", tags: [HealthEndpoints.ReadyTag]);
        return services;
    }

    /// <summary>Reads `Database:Provider`: `Sqlite` when absent, otherwise `Sqlite` or `Postgres` in any case.</summary>
    public static DatabaseProvider ParseProvider(string? value) => value?.Trim() switch
    {
        null or "" => DatabaseProvider.Sqlite,
        var name when name.Equals("Sqlite", StringComparison.OrdinalIgnoreCase) => DatabaseProvider.Sqlite,
        var name when name.Equals("Postgres", StringComparison.OrdinalIgnoreCase) => DatabaseProvider.Postgres,
        _ => throw new InvalidOperationException($"{ProviderSetting} is '{value}': use Sqlite (the default) or Postgres."),
    };

    /// <summary>A relative SQLite file is placed in the data folder, so that the app finds it whatever the working directory.</summary>
    public static string ResolveSqlitePath(string connectionString, string dataFolder)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource != ":memory:" && builder.Mode != SqliteOpenMode.Memory && !Path.IsPathRooted(builder.DataSource))
        {
            var relative = builder.DataSource.StartsWith("data/", StringComparison.Ordinal) ? builder.DataSource[5..] : builder.DataSource;
            builder.DataSource = Path.Combine(dataFolder, relative);
        }
        return builder.ToString();
    }
}

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>The absolute folder where the app keeps its files.</summary>
public sealed record DataFolder(string Path)
{
    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);
}
