namespace Coaching.Web.Features.Portfolio;

public static class PortfolioServices
{
    public static IServiceCollection AddPortfolio(this IServiceCollection services, IConfiguration configuration) => services
        .Configure<FollowUpOptions>(configuration.GetSection(FollowUpOptions.Section))
        .AddScoped<FollowUpQuery>();
}
