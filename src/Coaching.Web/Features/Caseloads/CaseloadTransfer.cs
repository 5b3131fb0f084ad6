using Coaching.Core.Data;
using Coaching.Core.Merchants;
using Coaching.Web.Features.Merchants;
using Microsoft.EntityFrameworkCore;
using Coaching.Web.Hosting;

namespace Coaching.Web.Features.Caseloads;

/// <summary>Hands every merchant of one advisor to another in one save, each with its timeline entry.</summary>
public sealed class CaseloadTransfer(CoachingDbContext db, TimeProvider clock)
{
    /// <summary>The number of files transferred.</summary>
    public async Task<int> TransferAsync(Viewer viewer, StaffMember from, StaffMember to, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var merchants = await db.Merchants.Where(m => m.ClubId == viewer.ClubId && m.AssignedAdvisorId == from.Id).ToListAsync(cancellationToken);
        foreach (var merchant in merchants)
        {
            merchant.AssignedAdvisorId = to.Id;
            merchant.UpdatedAt = now;
            db.CaseEvents.Add(Timeline.Entry(CaseEventKind.Reassigned, $"Portefeuille de {from.DisplayName} transféré à {to.DisplayName}.", viewer.UserId, now, merchant.Id));
        }
        await db.SaveChangesAsync(cancellationToken);
        return merchants.Count;
    }
}
