using Coaching.Core.Data;
using Coaching.Core.Plans;
using Coaching.Core.Time;
using Coaching.Web.Features.Sessions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Coaching.Web.Features.Plans;

/// <summary>The coaching block of a case file: the plan at a glance, the latest sessions and the next appointment.</summary>
public sealed class CaseworkSummaryViewComponent(CoachingDbContext db, TimeProvider clock) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int merchantId, bool canEdit)
    {
        var today = clock.TodayInParis();
        var now = clock.GetUtcNow();
        var items = await db.ActionPlanItems.AsNoTracking().Where(i => i.Plan!.MerchantId == merchantId)
            .Select(i => new { i.Status, i.DueDate }).ToListAsync();
        // Two small queries instead of one: as a single query SQLite scanned every session of the club (EXISTS per
        // session) and materialised every (session, merchant) pair for the merchant names (docs/benchmarks.md « Load »).
        var recent = await db.CoachingSessions.AsNoTracking()
            .Where(s => db.SessionMerchants.Where(m => m.MerchantId == merchantId).Select(m => m.SessionId).Contains(s.Id))
            .OrderByDescending(s => s.StartsAt)
            .Take(5)
            .Select(s => new { s.Id, s.StartsAt, s.DurationMinutes, s.Mode, s.NextAppointmentAt })
            .ToListAsync();
        var recentIds = recent.Select(s => s.Id).ToList();
        var links = await db.SessionMerchants.AsNoTracking()
            .Where(m => recentIds.Contains(m.SessionId))
            .OrderBy(m => m.MerchantId)
            .Select(m => new { m.SessionId, Link = new MerchantLink(m.MerchantId, m.Merchant!.BusinessName) })
            .ToListAsync();
        var sessions = recent.Select(s => new SessionRow(s.Id, s.StartsAt, s.DurationMinutes, s.Mode, s.NextAppointmentAt,
            links.Where(l => l.SessionId == s.Id).Select(l => l.Link).ToList())).ToList();
        var latest = sessions.FirstOrDefault();
        var model = new CaseworkSummaryViewModel(
            merchantId, canEdit,
            items.Count(i => i.Status is PlanItemStatus.ToDo or PlanItemStatus.InProgress),
            items.Count(i => i.Status == PlanItemStatus.Done),
            items.Count(i => i.Status is PlanItemStatus.ToDo or PlanItemStatus.InProgress && i.DueDate < today),
            sessions,
            latest?.NextAppointmentAt > now ? latest : null);
        return View("/Features/Plans/_CaseworkSummary.cshtml", model);
    }
}

public sealed record CaseworkSummaryViewModel(int MerchantId, bool CanEdit, int OpenActions, int DoneActions, int OverdueActions,
    IReadOnlyList<SessionRow> Sessions, SessionRow? NextAppointment);
