using Coaching.Core.Data;
using Microsoft.AspNetCore.DataProtection;

namespace Coaching.Web.Hosting;

public static class InstanceServices
{
    public const string ApplicationName = "Coaching";

    /// <summary>What lets several instances of the app serve the same database: a shared key ring and job leases.</summary>
    public static IServiceCollection AddCoachingInstances(this IServiceCollection services)
    {
        // One key ring in the database: a cookie or an antiforgery token issued by one instance is read by all others.
        services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<CoachingDbContext>();

        services.AddSingleton(InstanceId.ForThisProcess());
        services.AddHealthChecks().AddCheck<MigrationsHealthCheck>("migrations", tags: [HealthEndpoints.ReadyTag]);
        return services;
    }
}
