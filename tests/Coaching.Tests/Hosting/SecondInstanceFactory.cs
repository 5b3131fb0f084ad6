using Microsoft.AspNetCore.Hosting;
using Coaching.Web.Hosting;
using Coaching.Tests.Support;

namespace Coaching.Tests.Hosting;

/// <summary>Another instance of the app in this process, on the database and data folder of <paramref name="first"/>.</summary>
public sealed class SecondInstanceFactory(CoachingAppFactory first) : CoachingAppFactory
{
    protected override string DatabaseConnectionString => first.ConnectionString;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Coaching:DataFolder", first.DataFolder);
    }
}
