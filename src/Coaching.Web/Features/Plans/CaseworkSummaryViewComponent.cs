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
        var sessions = await db.CoachingSessions.AsNoTracking()
            .Where(s => s.Merchants.Any(m => m.MerchantId == merchantId))
            .OrderByDescending(s => s.StartsAt)
            .Take(5)
            .Select(s => new SessionRow(s.Id, s.StartsAt, s.DurationMinutes, s.Mode, s.NextAppointmentAt,
                s.Merchants.Select(m => new MerchantLink(m.MerchantId, m.Merchant!.BusinessName)).ToList()))
            .ToListAsync();
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
