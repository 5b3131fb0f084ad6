namespace Coaching.Web.Features.MySpace;

public static class MySpaceServices
{
    public static IServiceCollection AddMySpace(this IServiceCollection services) =>
        services.AddScoped<MerchantPlanUpdates>();
}
