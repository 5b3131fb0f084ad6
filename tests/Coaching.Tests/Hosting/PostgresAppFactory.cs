using Microsoft.AspNetCore.Hosting;
using Coaching.Tests.Support;

namespace Coaching.Tests.Hosting;

/// <summary>The app on a PostgreSQL database (e.g. the copy of another factory's SQLite file); nothing is seeded.</summary>
public sealed class PostgresAppFactory(string connectionString) : CoachingAppFactory
{
    protected override string DatabaseConnectionString => connectionString;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Database:Provider", "Postgres");
        builder.UseSetting("Coaching:SeedDemoData", "false");
    }
}
