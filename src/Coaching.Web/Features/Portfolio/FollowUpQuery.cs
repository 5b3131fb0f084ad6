using Coaching.Core.Data;
using Coaching.Core.Diagnostics.Assessments;
using Coaching.Core.FollowUp;
using Coaching.Core.Merchants;
using Coaching.Core.Plans;
using Coaching.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Coaching.Web.Features.Portfolio;

/// <summary>A merchant and what needs doing about it.</summary>
public sealed record MerchantFollowUp(MerchantFollowUpFacts Facts, IReadOnlyList<FollowUpItem> Items);

/// <summary>Gathers the facts the follow-up rules need for a set of merchants, in a few queries, at the clock's now.</summary>
public sealed class FollowUpQuery(CoachingDbContext db, TimeProvider clock, IOptions<FollowUpOptions> options)
{
    public FollowUpSettings Settings => options.Value.ToSettings();

    public async Task<IReadOnlyList<MerchantFollowUp>> EvaluateAsync(IQueryable<Merchant> merchants, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var today = clock.TodayInParis();
        var settings = Settings;

        var list = await merchants.AsNoTracking()
            .Select(m => new { m.Id, m.BusinessName, m.AssignedAdvisorId, m.Status, m.CreatedAt })
            .ToListAsync(cancellationToken);
        // A subquery, not a list of ids: SQLite then walks the (MerchantId, …) indexes merchant by merchant instead of
        // scanning every session and action of the club against a JSON array of hundreds of ids.
        var ids = merchants.Select(m => m.Id);

        var overdue = await db.ActionPlanItems.AsNoTracking()
            .Where(i => ids.Contains(i.Plan!.MerchantId)
                && (i.Status == PlanItemStatus.ToDo || i.Status == PlanItemStatus.InProgress)
                && i.DueDate != null && i.DueDate < today)
            .Select(i => new { i.Plan!.MerchantId, i.DueDate })
            .ToListAsync(cancellationToken);

        var sessions = await db.SessionMerchants.AsNoTracking()
            .Where(sm => ids.Contains(sm.MerchantId))
            .Select(sm => new { sm.MerchantId, sm.SessionId, sm.Session!.StartsAt, sm.Session.NextAppointmentAt })
            .ToListAsync(cancellationToken);

        var diagnostics = await db.Assessments.AsNoTracking()
            .Where(a => ids.Contains(a.MerchantId) && a.Status == AssessmentStatus.Completed && a.CompletedAt != null)
            .Select(a => new { a.MerchantId, a.CompletedAt })
            .ToListAsync(cancellationToken);

        var overdueBy = overdue.GroupBy(o => o.MerchantId).ToDictionary(g => g.Key, g => (Count: g.Count(), Oldest: g.Min(o => o.DueDate)));
        var sessionsBy = sessions.GroupBy(s => s.MerchantId).ToDictionary(g => g.Key, g => g.OrderByDescending(s => s.StartsAt).ThenByDescending(s => s.SessionId).ToList());
        var diagnosticBy = diagnostics.GroupBy(d => d.MerchantId).ToDictionary(g => g.Key, g => g.Max(d => d.CompletedAt));

        var result = new List<MerchantFollowUp>(list.Count);
        foreach (var m in list)
        {
            var merchantSessions = sessionsBy.GetValueOrDefault(m.Id) ?? [];
            var lastHeld = merchantSessions.FirstOrDefault(s => s.StartsAt <= now);
            // The next appointment is the one set by the latest session (a later session replaces an earlier plan).
            var latest = merchantSessions.FirstOrDefault();
            var overdueFacts = overdueBy.GetValueOrDefault(m.Id);
            var facts = new MerchantFollowUpFacts(
                m.Id, m.BusinessName, m.AssignedAdvisorId, m.Status, m.CreatedAt,
                overdueFacts.Count, overdueFacts.Oldest,
                lastHeld?.StartsAt,
                diagnosticBy.GetValueOrDefault(m.Id),
                latest?.NextAppointmentAt,
                latest?.NextAppointmentAt is null ? null : latest.SessionId);
            result.Add(new MerchantFollowUp(facts, FollowUpRules.Evaluate(facts, now, today, settings)));
        }
        return result;
    }
}
