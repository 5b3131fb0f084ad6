namespace Coaching.Web.Features.Roadmaps;

public static class RoadmapsServices
{
    public static IServiceCollection AddRoadmaps(this IServiceCollection services) => services
        .AddScoped<RoadmapSource>()
        .AddScoped<RoadmapIssuer>();
}
