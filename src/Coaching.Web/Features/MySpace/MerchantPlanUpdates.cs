using Coaching.Core.Actions;
using Coaching.Core.Data;
using Coaching.Core.Merchants;
using Coaching.Core.Plans;
using Coaching.Web.Features.Plans;
using Microsoft.EntityFrameworkCore;
using Coaching.Web.French;

namespace Coaching.Web.Features.MySpace;

public enum MarkDoneOutcome
{
    Done,
    NotFound,
    Conflict,
    AlreadyClosed,
}

/// <summary>
/// A merchant marks an action of their own plan done, with an optional comment for their advisor. The item's concurrency
/// token guards it like any other edit, and the change goes to the plan history and the case-file timeline.
/// </summary>
public sealed class MerchantPlanUpdates(CoachingDbContext db, PlanEditor editor, TimeProvider clock)
{
    public async Task<(MarkDoneOutcome Outcome, string Title, PlanItemStatus Before)> MarkDoneAsync(int merchantId, int itemId, MarkDoneForm form, string actorId, CancellationToken cancellationToken)
    {
        var plan = await db.ActionPlans.Include(p => p.Items).SingleOrDefaultAsync(p => p.MerchantId == merchantId, cancellationToken);
        var item = plan?.Items.SingleOrDefault(i => i.Id == itemId);
        if (plan is null || item is null) return (MarkDoneOutcome.NotFound, "", default);
        var title = await db.CatalogActions.Where(a => a.Code == item.ActionCode).Select(a => a.Title).SingleOrDefaultAsync(cancellationToken)
            ?? ActionCodes.TitleOf(item.ActionCode);
        if (!db.IsVersion(item, form.Version)) return (MarkDoneOutcome.Conflict, title, item.Status);
        if (!item.IsOpen) return (MarkDoneOutcome.AlreadyClosed, title, item.Status);

        var now = clock.GetUtcNow();
        var comment = string.IsNullOrWhiteSpace(form.Comment) ? null : form.Comment.Trim();
        var before = item.Status;
        item.Status = PlanItemStatus.Done;
        item.CompletedAt = now;
        item.UpdatedAt = now;
        if (comment is not null)
        {
            var line = $"Commentaire du commerçant ({now.ToParisDate()}) : {comment}";
            item.ProgressNotes = PlanEditor.Truncate(string.IsNullOrEmpty(item.ProgressNotes) ? line : item.ProgressNotes + "\n" + line, ActionPlanItem.NotesLength);
        }
        var summary = $"« {title} » : marquée faite par le commerçant (statut : {before.Label().ToLowerInvariant()} → fait)" +
            (comment is null ? "." : $". Son commentaire : « {comment} »");
        editor.Record(plan, merchantId, item, summary, CaseEventKind.ActionProgress, actorId, now);
        db.ExpectVersion(item, form.Version);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return (MarkDoneOutcome.Conflict, title, before);
        }
        return (MarkDoneOutcome.Done, title, before);
    }

    /// <summary>
    /// « Annuler » right after « J'ai fait cette action »: back to the status it had before (to do or in progress), under the
    /// item's concurrency token, recorded in the plan history and on the timeline like the original.
    /// </summary>
    public async Task<(MarkDoneOutcome Outcome, string Title)> UndoDoneAsync(int merchantId, int itemId, string? previous, string? version, string actorId, CancellationToken cancellationToken)
    {
        var plan = await db.ActionPlans.Include(p => p.Items).SingleOrDefaultAsync(p => p.MerchantId == merchantId, cancellationToken);
        var item = plan?.Items.SingleOrDefault(i => i.Id == itemId);
        if (plan is null || item is null) return (MarkDoneOutcome.NotFound, "");
        var title = await db.CatalogActions.Where(a => a.Code == item.ActionCode).Select(a => a.Title).SingleOrDefaultAsync(cancellationToken)
            ?? ActionCodes.TitleOf(item.ActionCode);
        if (!db.IsVersion(item, version)) return (MarkDoneOutcome.Conflict, title);
        // Only what the merchant could have left: an action they marked done themselves, back to to-do or in progress.
        var restored = previous == nameof(PlanItemStatus.InProgress) ? PlanItemStatus.InProgress : PlanItemStatus.ToDo;
        var markedByThem = await db.ActionPlanChanges.Where(c => c.ItemId == itemId).OrderByDescending(c => c.OccurredAt).ThenByDescending(c => c.Id)
            .Select(c => c.ActorId).FirstOrDefaultAsync(cancellationToken) == actorId;
        if (item.Status != PlanItemStatus.Done || !markedByThem) return (MarkDoneOutcome.AlreadyClosed, title);

        var now = clock.GetUtcNow();
        item.Status = restored;
        item.CompletedAt = null;
        item.UpdatedAt = now;
        var summary = $"« {title} » : le commerçant a annulé « faite » (statut : fait → {restored.Label().ToLowerInvariant()}).";
        editor.Record(plan, merchantId, item, summary, CaseEventKind.ActionProgress, actorId, now);
        db.ExpectVersion(item, version);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return (MarkDoneOutcome.Conflict, title);
        }
        return (MarkDoneOutcome.Done, title);
    }
}
