namespace Coaching.Web.Features.Import;

public static class ImportServices
{
    public static IServiceCollection AddImport(this IServiceCollection services) => services
        .AddScoped<MerchantImporter>()
        .AddScoped<PendingImports>();
}
