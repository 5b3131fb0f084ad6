using Coaching.Core.Privacy;
using Microsoft.Extensions.Options;

namespace Coaching.Web.Features.Privacy;

public static class PrivacyServices
{
    /// <summary>Personal data: the export, the erasure and the automatic anonymisation of closed case files.</summary>
    public static IServiceCollection AddPrivacy(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PrivacyOptions>().Bind(configuration.GetSection(PrivacyOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PrivacyOptions>, PrivacyOptionsValidator>();
        services.AddScoped<MerchantAnonymiser>();
        services.AddScoped<ClosedCaseAnonymisation>();
        services.AddScoped<MerchantExport>();
        return services;
    }
}
