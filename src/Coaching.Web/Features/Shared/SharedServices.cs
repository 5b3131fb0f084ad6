namespace Coaching.Web.Features.Shared;

public static class SharedServices
{
    /// <summary>The one way every case-file page loads its merchant and checks the viewer's access.</summary>
    public static IServiceCollection AddCaseFileAccess(this IServiceCollection services) =>
        services.AddScoped<CaseFileAccess>();
}
