using System.Globalization;
using Coaching.Core.Data;
using Coaching.Core.Merchants;
using Coaching.Web.Demo;
using Microsoft.EntityFrameworkCore;

namespace Coaching.Tests.Support;

/// <summary>Ids of the seeded demo data, read from the database, named after their role in the access rules.</summary>
public sealed record DemoIds(
    int MerchantA,
    int MerchantB,
    int MerchantOfAdvisorA,
    int MerchantOfAdvisorB,
    int UnassignedInAdvisorADepartments,
    int UnassignedInAdvisorBDepartments,
    int UnknownMerchant,
    string AdvisorAUserId,
    string AdvisorBUserId,
    string MerchantAUserId,
    string MerchantBUserId,
    string ManagerUserId,
    string AdminUserId,
    DemoCaseworkIds Casework)
{
    /// <summary>
    /// What URL templates may contain, e.g. "/dossiers/{merchantOfAdvisorB}". Merchant A's file is assigned to advisor A
    /// and merchant B's to advisor B, but {merchantOfAdvisorA} and {merchantOfAdvisorB} are other merchants (no account).
    /// </summary>
    public IReadOnlyDictionary<string, string> Placeholders => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["merchantA"] = Text(MerchantA),
        ["merchantB"] = Text(MerchantB),
        ["merchantOfAdvisorA"] = Text(MerchantOfAdvisorA),
        ["merchantOfAdvisorB"] = Text(MerchantOfAdvisorB),
        ["unassignedOfAdvisorA"] = Text(UnassignedInAdvisorADepartments),
        ["unassignedOfAdvisorB"] = Text(UnassignedInAdvisorBDepartments),
        ["unknownMerchant"] = Text(UnknownMerchant),
        ["advisorA"] = AdvisorAUserId,
        ["advisorB"] = AdvisorBUserId,
        ["merchantAUser"] = MerchantAUserId,
        ["merchantBUser"] = MerchantBUserId,
        ["manager"] = ManagerUserId,
        ["admin"] = AdminUserId,
        ["diagnosticOfMerchantA"] = Text(Casework.DiagnosticOfMerchantA),
        ["diagnosticOfMerchantB"] = Text(Casework.DiagnosticOfMerchantB),
        ["diagnosticInProgress"] = Text(Casework.DiagnosticInProgress),
        ["merchantWithDiagnosticInProgress"] = Text(Casework.MerchantWithDiagnosticInProgress),
        ["sessionOfMerchantA"] = Text(Casework.SessionOfMerchantA),
        ["sessionOfMerchantB"] = Text(Casework.SessionOfMerchantB),
        ["sessionCoRunByAdvisorA"] = Text(Casework.SessionCoRunByAdvisorA),
        ["planItemOfMerchantA"] = Text(Casework.PlanItemOfMerchantA),
        ["planItemOfMerchantB"] = Text(Casework.PlanItemOfMerchantB),
        ["questionnaire"] = Text(Casework.PublishedQuestionnaire),
        ["roadmapOfMerchantA"] = Text(Casework.RoadmapOfMerchantA),
        ["roadmapOfMerchantB"] = Text(Casework.RoadmapOfMerchantB),
    };

    /// <summary>Replaces every {placeholder} of a URL template or form body; an unknown one throws, naming the known ones.</summary>
    public string Resolve(string template)
    {
        var result = template;
        foreach (var (name, value) in Placeholders)
            result = result.Replace("{" + name + "}", Uri.EscapeDataString(value), StringComparison.Ordinal);
        var start = result.IndexOf('{', StringComparison.Ordinal);
        if (start >= 0)
            throw new ArgumentException($"Unknown placeholder in '{template}'. Known: {string.Join(", ", Placeholders.Keys.Select(k => "{" + k + "}"))}.");
        return result;
    }

    public static async Task<DemoIds> LoadAsync(CoachingDbContext db)
    {
        var users = await db.Users.AsNoTracking()
            .Where(u => u.Email!.EndsWith("@demo.local"))
            .ToDictionaryAsync(u => u.Email!, u => u);
        if (users.Count < DemoAccounts.All.Count)
            throw new InvalidOperationException("The demo accounts are missing: was the demo club seeded?");

        var advisorA = users[DemoAccounts.AdvisorA.Email];
        var advisorB = users[DemoAccounts.AdvisorB.Email];
        var merchantA = users[DemoAccounts.MerchantA.Email].MerchantId ?? throw new InvalidOperationException("Merchant A has no case file.");
        var merchantB = users[DemoAccounts.MerchantB.Email].MerchantId ?? throw new InvalidOperationException("Merchant B has no case file.");
        var merchants = await db.Merchants.AsNoTracking()
            .Select(m => new { m.Id, m.AssignedAdvisorId, m.DepartmentCode })
            .OrderBy(m => m.Id)
            .ToListAsync();

        int First(string what, Func<int, string?, string, bool> predicate) =>
            merchants.FirstOrDefault(m => m.Id != merchantA && m.Id != merchantB && predicate(m.Id, m.AssignedAdvisorId, m.DepartmentCode))?.Id
            ?? throw new InvalidOperationException($"The demo data has no {what}.");

        return new DemoIds(
            MerchantA: merchantA,
            MerchantB: merchantB,
            MerchantOfAdvisorA: First("merchant assigned to advisor A", (_, advisor, _) => advisor == advisorA.Id),
            MerchantOfAdvisorB: First("merchant assigned to advisor B", (_, advisor, _) => advisor == advisorB.Id),
            UnassignedInAdvisorADepartments: First("unassigned merchant in advisor A's departments",
                (_, advisor, department) => advisor is null && advisorA.Departments.Contains(department) && !advisorB.Departments.Contains(department)),
            UnassignedInAdvisorBDepartments: First("unassigned merchant in advisor B's departments",
                (_, advisor, department) => advisor is null && advisorB.Departments.Contains(department) && !advisorA.Departments.Contains(department)),
            UnknownMerchant: merchants.Max(m => m.Id) + 100_000,
            AdvisorAUserId: advisorA.Id,
            AdvisorBUserId: advisorB.Id,
            MerchantAUserId: users[DemoAccounts.MerchantA.Email].Id,
            MerchantBUserId: users[DemoAccounts.MerchantB.Email].Id,
            ManagerUserId: users[DemoAccounts.Manager.Email].Id,
            AdminUserId: users[DemoAccounts.Admin.Email].Id,
            Casework: await DemoCaseworkIds.LoadAsync(db, merchantA, merchantB, advisorA.Id, advisorB.Id));
    }

    private static string Text(int id) => id.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Ids of the demo diagnostics, sessions and plans that the authorization table addresses.</summary>
public sealed record DemoCaseworkIds(
    int DiagnosticOfMerchantA,
    int DiagnosticOfMerchantB,
    int DiagnosticInProgress,
    int MerchantWithDiagnosticInProgress,
    int SessionOfMerchantA,
    int SessionOfMerchantB,
    int SessionCoRunByAdvisorA,
    int PlanItemOfMerchantA,
    int PlanItemOfMerchantB,
    int PublishedQuestionnaire,
    int RoadmapOfMerchantA,
    int RoadmapOfMerchantB)
{
    public static async Task<DemoCaseworkIds> LoadAsync(CoachingDbContext db, int merchantA, int merchantB, string advisorA, string advisorB)
    {
        async Task<int> Diagnostic(int merchant) =>
            await db.Assessments.Where(a => a.MerchantId == merchant && a.Status == Coaching.Core.Diagnostics.Assessments.AssessmentStatus.Completed)
                .OrderBy(a => a.Id).Select(a => a.Id).FirstOrDefaultAsync() is var id and > 0 ? id
                : throw new InvalidOperationException($"The demo data has no completed diagnostic for merchant {merchant}.");
        async Task<int> Session(int merchant) =>
            await db.SessionMerchants.Where(s => s.MerchantId == merchant).OrderBy(s => s.SessionId).Select(s => s.SessionId).FirstOrDefaultAsync() is var id and > 0 ? id
                : throw new InvalidOperationException($"The demo data has no session for merchant {merchant}.");
        async Task<int> PlanItem(int merchant) =>
            await db.ActionPlanItems.Where(i => db.ActionPlans.Any(p => p.Id == i.PlanId && p.MerchantId == merchant)).OrderBy(i => i.Id).Select(i => i.Id).FirstOrDefaultAsync() is var id and > 0 ? id
                : throw new InvalidOperationException($"The demo data has no plan for merchant {merchant}.");

        async Task<int> Roadmap(int merchant) =>
            await db.IssuedRoadmaps.Where(r => r.MerchantId == merchant).OrderBy(r => r.Id).Select(r => r.Id).FirstOrDefaultAsync() is var id and > 0 ? id
                : throw new InvalidOperationException($"The demo data has no issued roadmap for merchant {merchant}.");

        var inProgress = await db.Assessments.Where(a => a.Status == Coaching.Core.Diagnostics.Assessments.AssessmentStatus.InProgress)
            .Where(a => db.Merchants.Any(m => m.Id == a.MerchantId && m.AssignedAdvisorId == advisorA))
            .Select(a => new { a.Id, a.MerchantId }).FirstOrDefaultAsync()
            ?? throw new InvalidOperationException("The demo data has no diagnostic in progress for advisor A.");
        return new DemoCaseworkIds(
            await Diagnostic(merchantA),
            await Diagnostic(merchantB),
            inProgress.Id,
            inProgress.MerchantId,
            await Session(merchantA),
            await Session(merchantB),
            await CoRunSessionAsync(db, merchantB, advisorA, advisorB),
            await PlanItem(merchantA),
            await PlanItem(merchantB),
            await db.Questionnaires.Where(q => q.Status == Coaching.Core.Diagnostics.Questionnaires.QuestionnaireStatus.Published).Select(q => q.Id).FirstAsync(),
            await Roadmap(merchantA),
            await Roadmap(merchantB));
    }

    /// <summary>
    /// A session of merchant B (advisor B's caseload) that advisor B ran with advisor A as co-advisor. The demo data has
    /// none, so the first load adds it (later loads of the same database find it).
    /// </summary>
    private static async Task<int> CoRunSessionAsync(CoachingDbContext db, int merchantB, string advisorA, string advisorB)
    {
        const string Notes = "Atelier animé à deux conseillers (données de test).";
        var existing = await db.CoachingSessions.Where(s => s.Notes == Notes).Select(s => s.Id).FirstOrDefaultAsync();
        if (existing > 0) return existing;
        var merchant = await db.Merchants.SingleAsync(m => m.Id == merchantB);
        var startsAt = new DateTimeOffset(2025, 3, 4, 9, 0, 0, TimeSpan.Zero);
        var session = new Coaching.Core.Sessions.CoachingSession
        {
            ClubId = merchant.ClubId, StartsAt = startsAt, DurationMinutes = 60, Mode = Coaching.Core.Sessions.SessionMode.InShop, Notes = Notes,
            CreatedAt = startsAt, CreatedById = advisorB, UpdatedAt = startsAt, UpdatedById = advisorB,
            Merchants = [new Coaching.Core.Sessions.SessionMerchant { MerchantId = merchantB }],
            Advisors = [new Coaching.Core.Sessions.SessionAdvisor { AdvisorId = advisorB }, new Coaching.Core.Sessions.SessionAdvisor { AdvisorId = advisorA }],
        };
        db.CoachingSessions.Add(session);
        await db.SaveChangesAsync();
        return session.Id;
    }
}
