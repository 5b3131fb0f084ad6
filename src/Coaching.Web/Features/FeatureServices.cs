using Coaching.Web.Features.Diagnostics;
using Coaching.Web.Features.Import;
using Coaching.Web.Features.Merchants;
using Coaching.Web.Features.MySpace;
using Coaching.Web.Features.Plans;
using Coaching.Web.Features.Questionnaires;
using Coaching.Web.Features.Reports;
using Coaching.Web.Features.Roadmaps;
using Coaching.Web.Features.Sessions;
using Coaching.Web.Features.Users;
using Coaching.Web.Features.Account;
using Coaching.Web.Features.Audit;
using Coaching.Web.Features.Caseloads;
using Coaching.Web.Features.Portfolio;
using Coaching.Web.Features.Settings;
using Coaching.Web.Features.Shared;
using Coaching.Web.Features.Privacy;

namespace Coaching.Web.Features;

/// <summary>Each feature registers its own services next to its code; this is the one list that names them all.</summary>
public static class FeatureServices
{
    public static IServiceCollection AddCoachingFeatures(this IServiceCollection services, IConfiguration configuration) => services
        .AddAccount()
        .AddAudit(configuration)
        .AddPrivacy(configuration)
        .AddSettings()
        .AddCaseFileAccess()
        .AddMerchants()
        .AddImport()
        .AddCaseloads()
        .AddUsers()
        .AddQuestionnaires()
        .AddDiagnostics()
        .AddSessions()
        .AddPlans()
        .AddRoadmaps()
        .AddMySpace()
        .AddPortfolio(configuration)
        .AddReports();
}
