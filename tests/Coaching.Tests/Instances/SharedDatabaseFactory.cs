using Coaching.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Coaching.Tests.Instances;

/// <summary>
/// Another instance of the app on the database of <paramref name="first"/> but with a data folder of its own, as an
/// instance on another machine would have.
/// </summary>
public sealed class SharedDatabaseFactory(CoachingAppFactory first) : CoachingAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ConnectionStrings:Coaching", $"Data Source={first.DatabasePath}");
    }
}
