namespace Coaching.Web.Features.Merchants;

public static class MerchantsServices
{
    public static IServiceCollection AddMerchants(this IServiceCollection services) => services
        .AddScoped<StaffDirectory>()
        .AddScoped<MerchantWrites>();
}
