using Coaching.Core.Reports;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Coaching.Web.Features.Reports;

public static class ReportsServices
{
    /// <summary>
    /// The club reports read pre-aggregated facts; <see cref="ReportFactsRefresh"/> keeps them in step with every save
    /// of the app (registered here as a save interceptor, added to every database context by the hosting).
    /// </summary>
    public static IServiceCollection AddReports(this IServiceCollection services) => services
        .AddScoped<ReportQuery>()
        .AddSingleton<IInterceptor, ReportFactsRefresh>();
}
