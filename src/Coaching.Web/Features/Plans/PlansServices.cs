namespace Coaching.Web.Features.Plans;

public static class PlansServices
{
    public static IServiceCollection AddPlans(this IServiceCollection services) =>
        services.AddScoped<PlanEditor>();
}
