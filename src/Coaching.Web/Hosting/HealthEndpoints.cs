using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Coaching.Web.Hosting;

/// <summary>
/// What a load balancer or an orchestrator probes. Liveness: the process answers (no dependency checked, so a database
/// outage does not get every instance restarted). Readiness: the database answers and has all migrations (503 otherwise).
/// </summary>
public static class HealthEndpoints
{
    public const string ReadyTag = "ready";

    public static WebApplication MapCoachingHealth(this WebApplication app)
    {
        var ready = new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) };
        app.MapHealthChecks("/health", ready);
        app.MapHealthChecks("/health/ready", ready);
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        return app;
    }
}
