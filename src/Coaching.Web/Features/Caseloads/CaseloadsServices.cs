namespace Coaching.Web.Features.Caseloads;

public static class CaseloadsServices
{
    public static IServiceCollection AddCaseloads(this IServiceCollection services) =>
        services.AddScoped<CaseloadTransfer>();
}
