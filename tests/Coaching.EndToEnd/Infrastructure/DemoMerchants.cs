using Coaching.Core.Data;
using Coaching.Core.Diagnostics.Assessments;
using Coaching.Core.Merchants;
using Coaching.Web.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coaching.EndToEnd.Infrastructure;

/// <summary>
/// Hands each test that changes a merchant a merchant of its own: every test class shares one app, and the demo
/// advisor's caseload holds only a few merchants being coached. A merchant is taken once per run; it is being coached
/// (so the demo data gave it a plan and sessions), has at least one completed diagnostic, none in progress, and no
/// merchant account (those belong to the merchant-space tests). When the demo advisor has no such merchant left,
/// one of the other advisor's is handed over to the demo advisor, as the club manager would do.
/// </summary>
public static class DemoMerchants
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly HashSet<int> Taken = [];

    /// <summary>A merchant of the demo advisor (conseiller@demo.local) that no other test of this run has taken.</summary>
    /// <param name="fits">An extra condition, e.g. on the plan proposal; null for none.</param>
    public static async Task<Merchant> TakeAsync(AppFixture fixture, Func<IServiceProvider, Merchant, Task<bool>>? fits = null)
    {
        await Gate.WaitAsync();
        try
        {
            await using var scope = fixture.App.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CoachingDbContext>();
            var advisorA = await db.Users.SingleAsync(u => u.Email == DemoAccounts.AdvisorA.Email);
            var withAccount = db.Users.Where(u => u.MerchantId != null).Select(u => u.MerchantId!.Value);
            var candidates = await db.Merchants
                .Where(m => m.AssignedAdvisorId != null && m.Status == CaseStatus.Coaching)
                .Where(m => !withAccount.Contains(m.Id))
                .Where(m => db.Assessments.Any(a => a.MerchantId == m.Id && a.Kind == AssessmentKind.AdvisorDiagnostic && a.Status == AssessmentStatus.Completed))
                .Where(m => !db.Assessments.Any(a => a.MerchantId == m.Id && a.Status == AssessmentStatus.InProgress))
                .OrderBy(m => m.AssignedAdvisorId == advisorA.Id ? 0 : 1).ThenByDescending(m => m.Id)
                .ToListAsync();
            foreach (var merchant in candidates.Where(m => !Taken.Contains(m.Id)))
            {
                if (fits is not null && !await fits(scope.ServiceProvider, merchant)) continue;
                Taken.Add(merchant.Id);
                if (merchant.AssignedAdvisorId != advisorA.Id)
                {
                    merchant.AssignedAdvisorId = advisorA.Id;
                    merchant.Version = Guid.NewGuid();
                    await db.SaveChangesAsync();
                }
                db.Entry(merchant).State = EntityState.Detached;
                return merchant;
            }
            throw new InvalidOperationException("No demo merchant being coached is left with a completed diagnostic and none in progress.");
        }
        finally
        {
            Gate.Release();
        }
    }
}
