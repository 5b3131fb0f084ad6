using Coaching.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Coaching.Migrations.Sqlite;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the web host.</summary>
public sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<CoachingDbContext>
{
    public CoachingDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<CoachingDbContext>()
            .UseSqlite("Data Source=design-time.db", sqlite => sqlite.MigrationsAssembly(typeof(DesignTimeContextFactory).Assembly.GetName().Name))
            .Options);
}
