using Coaching.Core.Data;
using Coaching.Core.Diagnostics.Assessments;
using Coaching.Core.Diagnostics.Questionnaires;
using Coaching.Core.Identity;
using Coaching.Web.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coaching.Benchmarks.Load;

/// <summary>
/// Who the virtual users are, read from the database under test: advisors are the club's advisors with the largest
/// caseloads (the generated ones share the demo password), each virtual advisor with a diagnostic of its own on a
/// merchant of its caseload; managers are the demo club manager.
/// </summary>
public static class LoadPlan
{
    public static readonly string[] SearchWords = ["boulangerie", "fleurs", "bordeaux", "pau", "limoges", "cafe", "garage", "coiffure"];

    public static readonly string[] ReportFilters =
    [
        "/rapports?Department=33",
        "/rapports?Department=64&Sector=FoodCraft",
        "/rapports?Department=87&Status=Coaching",
        "/rapports?From=2025-01-01&To=2025-12-31&Department=17",
    ];

    public sealed record Account(string Email, string Password, string UserId, IReadOnlyList<int> Caseload, int? DiagnosticMerchantId);

    public sealed record Question(string Code, IReadOnlyList<string> Options);

    public static async Task<(List<Account> Users, List<Question> Questions)> PrepareAsync(IServiceProvider services, int advisors, int managers)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoachingDbContext>();
        var advisorRole = await db.Roles.Where(r => r.Name == Roles.Advisor).Select(r => r.Id).SingleAsync();
        var advisorIds = db.UserRoles.Where(ur => ur.RoleId == advisorRole).Select(ur => ur.UserId);
        var caseloads = await db.Merchants.AsNoTracking()
            .Where(m => m.AssignedAdvisorId != null && advisorIds.Contains(m.AssignedAdvisorId))
            .Select(m => new { m.Id, AdvisorId = m.AssignedAdvisorId! })
            .ToListAsync();
        var busy = (await db.Assessments.Where(a => a.Status == AssessmentStatus.InProgress).Select(a => a.MerchantId).ToListAsync()).ToHashSet();
        var emails = await db.Users.AsNoTracking().Where(u => advisorIds.Contains(u.Id) && u.IsActive).ToDictionaryAsync(u => u.Id, u => u.Email!);

        var byAdvisor = caseloads.GroupBy(m => m.AdvisorId).Where(g => emails.ContainsKey(g.Key))
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (AdvisorId: g.Key, Merchants: g.Select(m => m.Id).Order().ToList(), Free: new Queue<int>(g.Select(m => m.Id).Where(id => !busy.Contains(id)).Order())))
            .ToList();
        if (byAdvisor.Count == 0) throw new InvalidOperationException("The database has no advisor with a caseload: generate one first (README, `generate`).");

        var users = new List<Account>();
        for (var i = 0; i < advisors; i++)
        {
            var (advisorId, merchants, free) = byAdvisor[i % byAdvisor.Count];
            if (!free.TryDequeue(out var merchantId))
                throw new InvalidOperationException($"Advisor {emails[advisorId]} has no merchant left without a diagnostic in progress.");
            users.Add(new Account(emails[advisorId], DemoAccounts.Password, advisorId, merchants, merchantId));
        }
        var managerId = await db.Users.Where(u => u.Email == DemoAccounts.Manager.Email).Select(u => u.Id).SingleAsync();
        for (var i = 0; i < managers; i++)
            users.Add(new Account(DemoAccounts.Manager.Email, DemoAccounts.Password, managerId, [], null));

        var questionnaire = await db.Questionnaires.AsNoTracking().WithContent()
            .Where(q => q.Status == QuestionnaireStatus.Published).OrderByDescending(q => q.PublishedAt).FirstAsync();
        var questions = questionnaire.AllQuestions
            .Where(q => (q.Type is QuestionType.SingleChoice or QuestionType.YesPartialNo or QuestionType.Scale0To5) && !q.HasCondition)
            .Select(q => new Question(q.Code, (q.Options.Count > 0 ? q.OrderedOptions : QuestionTypes.FixedOptions(q.Type)).Select(o => o.Code).ToList()))
            .ToList();
        return (users, questions);
    }
}
