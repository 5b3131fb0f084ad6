using Coaching.Core.Audit;
using Coaching.Core.Privacy;
using Microsoft.Extensions.Options;

namespace Coaching.Web.Infrastructure.Trust;

public static class TrustServices
{
    /// <summary>Audit trail and personal-data services (issue « Trust »).</summary>
    public static IServiceCollection AddCoachingTrust(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AuditOptions>().Bind(configuration.GetSection(AuditOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuditOptions>, AuditOptionsValidator>();
        services.AddOptions<PrivacyOptions>().Bind(configuration.GetSection(PrivacyOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PrivacyOptions>, PrivacyOptionsValidator>();

        services.AddHttpContextAccessor();
        services.AddSingleton(sp => EmailHashKey.CreateHasher(sp.GetRequiredService<IOptions<AuditOptions>>().Value, sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddScoped<AuditLog>();
        services.AddScoped<AuditPurge>();
        services.AddScoped<MerchantAnonymiser>();
        services.AddScoped<ClosedCaseAnonymisation>();
        services.AddScoped<Features.Privacy.MerchantExport>();
        services.AddHostedService<DailyTrustJobs>();
        services.AddCoachingServerSideSessions(configuration);
        services.AddCoachingRateLimits(configuration);
        services.AddSingleton<Features.Account.DecoyPasswordHash>();
        services.AddScoped<Features.Account.DecoyPasswordCheck>();
        return services;
    }
}
