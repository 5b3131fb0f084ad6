using Coaching.Core.Data;
using Coaching.Core.Diagnostics.Assessments;
using Coaching.Core.Merchants;
using Coaching.Web.Infrastructure.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coaching.EndToEnd.Infrastructure;

/// <summary>
/// Picks seeded demo merchants for the tests that change them. Every test class shares one app, so each journey takes
/// its own merchant: from the end of the demo advisor's caseload (other tests take theirs from the start), never the
/// one a demo merchant account signs into, and never one with a diagnostic in progress.
/// </summary>
public static class DemoMerchants
{
    /// <summary>
    /// Merchants coached by the demo advisor (conseiller@demo.local) with at least one completed diagnostic and none
    /// in progress, highest id first.
    /// </summary>
    public static async Task<IReadOnlyList<Merchant>> CoachedWithDiagnosticAsync(AppFixture fixture)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoachingDbContext>();
        var withAccount = db.Users.Where(u => u.MerchantId != null).Select(u => u.MerchantId!.Value);
        return await db.Merchants.AsNoTracking()
            .Where(m => m.AssignedAdvisor!.Email == DemoAccounts.AdvisorA.Email && m.Status == CaseStatus.Coaching)
            .Where(m => !withAccount.Contains(m.Id))
            .Where(m => db.Assessments.Any(a => a.MerchantId == m.Id && a.Kind == AssessmentKind.AdvisorDiagnostic && a.Status == AssessmentStatus.Completed))
            .Where(m => !db.Assessments.Any(a => a.MerchantId == m.Id && a.Status == AssessmentStatus.InProgress))
            .OrderByDescending(m => m.Id)
            .ToListAsync();
    }
}
