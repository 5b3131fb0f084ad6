using Coaching.Core.Audit;
using Coaching.Core.Data;
using Coaching.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Coaching.Web.Features.Audit;

/// <summary>The audit trail for admins: newest first, filtered by period, person (e-mail), action and target.</summary>
[Authorize(Policy = Policies.Admin)]
[Route("journal")]
public sealed class AuditController(CoachingDbContext db, AuditEmailHasher hasher, ILookupNormalizer normalizer) : Controller
{
    public const int PageSize = 50;

    [HttpGet("")]
    [Audited(AuditAction.Read, AuditTarget.AuditLog)]
    public async Task<IActionResult> Index([FromQuery] AuditFilterForm form, CancellationToken cancellationToken)
    {
        var filter = form.Parse(ModelState);
        if (!ModelState.IsValid) return View(new AuditPageViewModel(form, [], 1, false));

        var entries = db.AuditEntries.AsNoTracking();
        if (filter.From is { } from) entries = entries.Where(e => e.OccurredAt >= from);
        if (filter.To is { } to) entries = entries.Where(e => e.OccurredAt < to);
        if (filter.Action is { } action) entries = entries.Where(e => e.Action == action);
        if (filter.Target is { } target) entries = entries.Where(e => e.TargetType == target);
        if (filter.TargetId is { } targetId) entries = entries.Where(e => e.TargetId == targetId);
        if (filter.Email is { } email)
        {
            // The log holds user ids and, for unknown addresses, keyed hashes: look for both.
            var normalised = normalizer.NormalizeEmail(email);
            var userIds = await db.Users.Where(u => u.NormalizedEmail == normalised).Select(u => u.Id).ToListAsync(cancellationToken);
            var hash = hasher.Hash(email);
            entries = entries.Where(e => e.EmailHash == hash || (e.ActorId != null && userIds.Contains(e.ActorId)));
        }

        var rows = await entries
            .OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id)
            .Skip((filter.Page - 1) * PageSize).Take(PageSize + 1)
            .Select(e => new
            {
                e.OccurredAt, e.Action, e.ActorId, e.TargetType, e.TargetId, e.Detail, e.IpAddress, e.CorrelationId,
                Actor = db.Users.Where(u => u.Id == e.ActorId).Select(u => u.DisplayName + " (" + u.Email + ")").FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var named = await AuditTargets.NameAsync(db, rows.Select(r => (r.TargetType, r.TargetId)), cancellationToken);
        var list = rows.Take(PageSize).Select(r => new AuditRow(r.OccurredAt, r.Action,
            r.Actor ?? (r.ActorId is null ? "inconnu" : "compte supprimé"), r.TargetType, r.TargetId, AuditTargets.Describe(r.Detail), r.IpAddress, r.CorrelationId)
        {
            TargetText = r.TargetId is { } id && named.TryGetValue((r.TargetType, id), out var n) ? n.Text : null,
            TargetMerchantId = r.TargetId is { } key && named.TryGetValue((r.TargetType, key), out var m) ? m.MerchantId : null,
        }).ToList();
        return View(new AuditPageViewModel(form, list, filter.Page, rows.Count > PageSize));
    }
}
