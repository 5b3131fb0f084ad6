namespace Coaching.Web.Hosting;

public static class HostingServices
{
    /// <summary>What every page stands on: the database, Identity and cookies, MVC, several instances, the proxy headers.</summary>
    public static IServiceCollection AddCoachingHosting(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment) => services
        .AddCoachingData(configuration, environment)
        .AddCoachingIdentity()
        .AddCoachingCookieSecurity(configuration, environment)
        .AddCoachingWeb()
        .AddCoachingInstances()
        .AddCoachingProxyHeaders(configuration);
}
