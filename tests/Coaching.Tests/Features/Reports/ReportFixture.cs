using Coaching.Core.Clubs;
using Coaching.Core.Data;
using Coaching.Core.Diagnostics.Assessments;
using Coaching.Core.Diagnostics.Questionnaires;
using Coaching.Core.Identity;
using Coaching.Core.Merchants;
using Coaching.Core.Plans;
using Coaching.Core.ReferenceData;
using Coaching.Core.Sessions;
using Coaching.Web.Demo;
using Coaching.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Coaching.Tests.Support;
using Coaching.Tests.Features.Diagnostics;

namespace Coaching.Tests.Features.Reports;

/// <summary>
/// A second club, inside an app of its own with the clock at 15 June 2026, holding a few merchants whose report
/// figures were computed by hand (see the comments). Its manager and advisors sign in with the demo password.
/// </summary>
public sealed class ReportFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset Now = new(2026, 6, 15, 10, 0, 0, TimeSpan.Zero);
    public const string Period = "From=2026-01-01&To=2026-06-15";

    public CoachingAppFactory App { get; } = new() { Clock = new FakeTimeProvider(Now) };
    public int ClubId { get; private set; }
    public string ManagerEmail { get; } = $"responsable-{Guid.NewGuid():N}@club2.fr";
    public string AdvisorXEmail { get; } = $"conseiller-x-{Guid.NewGuid():N}@club2.fr";
    public string AdvisorXId { get; private set; } = "";
    public string AdvisorYId { get; private set; } = "";

    private static DateTimeOffset D(int year, int month, int day) => new(year, month, day, 0, 0, 0, TimeSpan.Zero);

    public async Task InitializeAsync()
    {
        await App.InitializeAsync();
        await App.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<CoachingDbContext>();
            var users = services.GetRequiredService<UserManager<AppUser>>();
            var club = new Club { Name = "Club des tests", RegionCode = "75" };
            db.Clubs.Add(club);
            await db.SaveChangesAsync();
            ClubId = club.Id;

            async Task<AppUser> User(string email, string role, string departments)
            {
                var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email[..12], ClubId = club.Id, DepartmentCodes = departments, CreatedAt = Now };
                var created = await users.CreateAsync(user, DemoAccounts.Password);
                if (!created.Succeeded) throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
                await users.AddToRoleAsync(user, role);
                return user;
            }
            await User(ManagerEmail, Roles.ClubManager, "");
            var x = await User(AdvisorXEmail, Roles.Advisor, "33");
            var y = await User($"conseiller-y-{Guid.NewGuid():N}@club2.fr", Roles.Advisor, "64");
            AdvisorXId = x.Id;
            AdvisorYId = y.Id;

            Merchant Merchant(int n, string department, DateTimeOffset created, CaseStatus status, string advisor)
            {
                var commune = department == "33" ? FrenchGeography.Instance.FindCommune("33063")! : FrenchGeography.Instance.FindCommune("64445")!;
                var merchant = new Merchant
                {
                    ClubId = club.Id, BusinessName = $"Commerce test {n}", Siret = TestData.NewSiret(), NafCode = department == "33" ? "10.71C" : "47.71Z",
                    Sector = department == "33" ? SectorFamily.FoodCraft : SectorFamilies.FromNaf("47.71Z"),
                    AddressLine = "1 rue du Test", Postcode = commune.Postcodes[0], CommuneCode = commune.InseeCode, CommuneName = commune.Name,
                    DepartmentCode = commune.DepartmentCode, RegionCode = commune.RegionCode, ContactName = "Contact " + n,
                    ManagerAgeBand = n <= 3 ? AgeBand.From46To55 : AgeBand.From30To45, Status = status, AssignedAdvisorId = advisor,
                    CreatedAt = created, UpdatedAt = created,
                };
                merchant.RefreshSearchText();
                return merchant;
            }
            // M1–M5: opened 1 Oct 2025 (before the period); M6 opened in the period; M7, M8 in another department.
            var m = new List<Merchant>
            {
                Merchant(1, "33", D(2025, 10, 1), CaseStatus.Coaching, x.Id),
                Merchant(2, "33", D(2025, 10, 1), CaseStatus.Coaching, x.Id),
                Merchant(3, "33", D(2025, 10, 1), CaseStatus.Coaching, x.Id),
                Merchant(4, "33", D(2025, 10, 1), CaseStatus.Coaching, x.Id),
                Merchant(5, "33", D(2025, 10, 1), CaseStatus.Finished, x.Id),
                Merchant(6, "33", D(2026, 2, 1), CaseStatus.Coaching, x.Id),
                Merchant(7, "64", D(2025, 5, 1), CaseStatus.Prospect, y.Id),
                Merchant(8, "64", D(2025, 5, 1), CaseStatus.Prospect, y.Id),
            };
            db.Merchants.AddRange(m);
            await db.SaveChangesAsync();

            var questionnaire = await db.Questionnaires.Where(q => q.Status == QuestionnaireStatus.Published).OrderBy(q => q.Id).FirstAsync();
            Assessment Diagnostic(Merchant merchant, DateTimeOffset completed, double overall, string level, double axis, string customerFile) => new()
            {
                MerchantId = merchant.Id, QuestionnaireId = questionnaire.Id, Status = AssessmentStatus.Completed, Kind = AssessmentKind.AdvisorDiagnostic,
                StartedAt = completed, UpdatedAt = completed, CompletedAt = completed, OverallScore = overall, LevelName = level,
                AxisScores = [new AssessmentAxisScore { AxisCode = "CLIENTS", AxisTitle = "Relation client et fichier clients", Position = 2, Score = axis }],
                Answers = [new AssessmentAnswer { QuestionCode = "customer_file", OptionCodes = customerFile, AnsweredAt = completed }],
            };
            // First diagnostics (before the period): overall 20, 30, 40, 50, 60 (mean 40); axis 10…50 (mean 30); one customer file in five.
            // Latest (10 March 2026): overall 30, 40, 50, 60, 80 (mean 52); axis 20…60 (mean 40); three customer files in five.
            string[] firstLevels = ["Débutant", "Initié", "Initié", "Initié", "Engagé"];
            string[] latestLevels = ["Initié", "Initié", "Initié", "Engagé", "Avancé"];
            double[] latestScores = [30, 40, 50, 60, 80];
            for (var i = 0; i < 5; i++)
            {
                db.Assessments.Add(Diagnostic(m[i], D(2025, 10, 10), 20 + 10 * i, firstLevels[i], 10 + 10 * i, i == 0 ? "file" : "none"));
                db.Assessments.Add(Diagnostic(m[i], D(2026, 3, 10), latestScores[i], latestLevels[i], 20 + 10 * i, i < 2 ? "file" : i == 2 ? "segmented" : "scattered"));
            }
            // M6: a single (first) diagnostic in the period.
            db.Assessments.Add(Diagnostic(m[5], D(2026, 2, 10), 10, "Débutant", 5, "none"));

            CoachingSession Session(DateTimeOffset starts, int minutes, SessionMode mode, params Merchant[] merchants) => new()
            {
                ClubId = club.Id, StartsAt = starts, DurationMinutes = minutes, Mode = mode, CreatedAt = starts, UpdatedAt = starts,
                Merchants = merchants.Select(x => new SessionMerchant { MerchantId = x.Id }).ToList(),
                Advisors = [new SessionAdvisor { AdvisorId = x.Id }],
            };
            // In the period: 5 sessions, 360 minutes. Before it: one with M1.
            db.CoachingSessions.AddRange(
                Session(D(2025, 11, 1), 60, SessionMode.InShop, m[0]),
                Session(D(2026, 1, 15), 60, SessionMode.InShop, m[0]),
                Session(D(2026, 2, 15), 90, SessionMode.Phone, m[1]),
                Session(D(2026, 3, 1), 120, SessionMode.GroupWorkshop, m[2], m[3], m[4]),
                Session(D(2026, 2, 20), 30, SessionMode.Video, m[5]),
                Session(D(2026, 4, 1), 60, SessionMode.InShop, m[1]));

            var plan = new ActionPlan { MerchantId = m[0].Id, CreatedAt = D(2025, 10, 12), UpdatedAt = D(2025, 10, 12) };
            var codes = await db.CatalogActions.OrderBy(a => a.Code).Select(a => a.Code).Take(5).ToListAsync();
            ActionPlanItem Item(int k, PlanItemStatus status, DateOnly? due, DateTimeOffset? completed) => new()
            {
                ActionCode = codes[k], Position = k + 1, Status = status, DueDate = due, CompletedAt = completed, CreatedAt = D(2025, 10, 12), UpdatedAt = D(2025, 10, 12),
            };
            plan.Items.AddRange([
                Item(0, PlanItemStatus.Done, new DateOnly(2026, 2, 1), D(2026, 2, 1)),
                Item(1, PlanItemStatus.Done, new DateOnly(2025, 12, 1), D(2025, 12, 1)),
                Item(2, PlanItemStatus.ToDo, new DateOnly(2026, 5, 1), null),
                Item(3, PlanItemStatus.InProgress, new DateOnly(2026, 7, 1), null),
                Item(4, PlanItemStatus.Dropped, new DateOnly(2026, 1, 1), null),
            ]);
            db.ActionPlans.Add(plan);
            await db.SaveChangesAsync();
            return 0;
        });
    }

    public Task<HttpClient> ManagerAsync() => App.SignInAsync(ManagerEmail, DemoAccounts.Password);

    public Task<HttpClient> AdvisorXAsync() => App.SignInAsync(AdvisorXEmail, DemoAccounts.Password);

    public async Task DisposeAsync() => await App.DisposeAsync();
}
