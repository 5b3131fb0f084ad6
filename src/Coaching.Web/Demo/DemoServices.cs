using Coaching.Web.Hosting;
using Microsoft.Extensions.Options;

namespace Coaching.Web.Demo;

public static class DemoServices
{
    /// <summary>The demo club's seeders and the synthetic club generator (`generate`).</summary>
    public static IServiceCollection AddCoachingDemo(this IServiceCollection services) => services
        .AddScoped<DemoSeeder>()
        .AddScoped<DiagnosticsDemoSeeder>()
        .AddScoped<CaseworkDemoSeeder>()
        .AddScoped<RoadmapDemoSeeder>()
        .AddScoped<SyntheticClubGenerator>();

    /// <summary>Seeds the demo club into an empty database when `Coaching:SeedDemoData` asks (by default in Development).</summary>
    public static async Task SeedDemoIfAskedAsync(IServiceProvider services, IHostEnvironment environment)
    {
        var options = services.GetRequiredService<IOptions<CoachingOptions>>().Value;
        if (options.SeedDemoData ?? environment.IsDevelopment())
            await services.GetRequiredService<DemoSeeder>().SeedIfEmptyAsync();
    }
}
