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
    public static async Task SeedDemoIfAskedAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var options = scope.ServiceProvider.GetRequiredService<IOptions<CoachingOptions>>().Value;
        if (options.SeedDemoData ?? app.Environment.IsDevelopment())
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedIfEmptyAsync();
    }
}
