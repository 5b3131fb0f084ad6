namespace Coaching.Web.Hosting;

public static class HostingServices
{
    /// <summary>What every page stands on: the database, Identity, cookies and server-side sessions, rate limits, MVC, several instances, the proxy headers.</summary>
    public static IServiceCollection AddCoachingHosting(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment) => services
        .AddCoachingData(configuration, environment)
        .AddCoachingIdentity()
        .AddCoachingCookieSecurity(configuration, environment)
        .AddCoachingWeb()
        .AddCoachingServerSideSessions(configuration)
        .AddCoachingRateLimits(configuration)
        .AddCoachingInstances()
        .AddCoachingProxyHeaders(configuration);
}
