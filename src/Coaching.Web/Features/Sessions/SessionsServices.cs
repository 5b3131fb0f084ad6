namespace Coaching.Web.Features.Sessions;

public static class SessionsServices
{
    public static IServiceCollection AddSessions(this IServiceCollection services) =>
        services.AddScoped<SessionEditor>();
}
