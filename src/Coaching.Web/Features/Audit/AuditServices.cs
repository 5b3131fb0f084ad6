using Coaching.Core.Audit;
using Microsoft.Extensions.Options;

namespace Coaching.Web.Features.Audit;

public static class AuditServices
{
    /// <summary>The audit trail: its retention, the key of the e-mail hashes, the writer used by <see cref="AuditedAttribute"/> and the daily purge.</summary>
    public static IServiceCollection AddAudit(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AuditOptions>().Bind(configuration.GetSection(AuditOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuditOptions>, AuditOptionsValidator>();
        services.AddHttpContextAccessor();
        services.AddSingleton(sp => EmailHashKey.CreateHasher(sp.GetRequiredService<IOptions<AuditOptions>>().Value, sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddScoped<AuditLog>();
        services.AddScoped<AuditPurge>();
        return services;
    }
}
