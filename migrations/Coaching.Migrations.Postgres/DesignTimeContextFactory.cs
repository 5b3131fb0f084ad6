using Coaching.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Coaching.Migrations.Postgres;

/// <summary>Lets `dotnet ef migrations add` build the PostgreSQL model without starting the web host; it never connects,
/// so the connection string only has to be well-formed.</summary>
public sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<CoachingDbContext>
{
    public CoachingDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<CoachingDbContext>()
            .UseNpgsql("Host=localhost;Database=coaching_design_time", postgres => postgres.MigrationsAssembly(typeof(DesignTimeContextFactory).Assembly.GetName().Name))
            .Options);
}
