using Coaching.Core.Audit;
using Coaching.Web.Hosting;
using Coaching.Core.Actions;
using Coaching.Core.Data;
using Coaching.Core.Merchants;
using Coaching.Core.Plans;
using Coaching.Core.Time;
using Coaching.Web.Features.Shared;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Coaching.Web.Features.Audit;
using Coaching.Web.French;

namespace Coaching.Web.Features.Plans;

/// <summary>A merchant's action plan: proposed from the latest diagnostic, then curated by the advisor.</summary>
[Authorize(Policy = Policies.Staff)]
[Route("dossiers/{merchantId:int}/plan")]
public sealed class PlansController(
    CoachingDbContext db, CaseFileAccess files, PlanEditor editor, IValidator<PlanItemForm> validator, TimeProvider clock, Sessions.SessionEditor sessions) : Controller
{
    [HttpGet("")]
    [Audited(AuditAction.Read, AuditTarget.Merchant, "merchantId")]
    public async Task<IActionResult> Index(int merchantId, CancellationToken cancellationToken)
    {
        var (merchant, denied) = await FindAsync(merchantId, edit: false, cancellationToken);
        return denied ?? View(await PageAsync(merchant!, null, cancellationToken));
    }

    [HttpGet("proposition")]
    [Audited(AuditAction.Read, AuditTarget.Merchant, "merchantId")]
    public async Task<IActionResult> Propose(int merchantId, CancellationToken cancellationToken)
    {
        var (merchant, denied) = await FindAsync(merchantId, edit: true, cancellationToken);
        if (denied is not null) return denied;
        return View(await ProposalPageAsync(merchant!, null, cancellationToken));
    }

    [HttpPost("proposition")]
    [Audited(AuditAction.Change, AuditTarget.Merchant, "merchantId")]
    public async Task<IActionResult> Accept(int merchantId, List<string>? codes, string? planVersion, CancellationToken cancellationToken)
    {
        var (merchant, denied) = await FindAsync(merchantId, edit: true, cancellationToken);
        if (denied is not null) return denied;
        var result = await editor.AcceptAsync(merchant!, codes ?? [], planVersion, User.ToViewer().UserId, cancellationToken);
        if (result.Kind == PlanOutcomeKind.Done) return Done(merchantId, result);
        ModelState.AddModelError("", result.Message);
        return View(nameof(Propose), await ProposalPageAsync(merchant!, codes ?? [], cancellationToken));
    }

    [HttpPost("ajouter")]
    [Audited(AuditAction.Change, AuditTarget.Merchant, "merchantId")]
    public async Task<IActionResult> Add(int merchantId, string? code, string? planVersion, CancellationToken cancellationToken)
    {
        var (merchant, denied) = await FindAsync(merchantId, edit: true, cancellationToken);
        if (denied is not null) return denied;
        var result = await editor.AddAsync(merchant!, code, planVersion, User.ToViewer().UserId, cancellationToken);
        return await AfterChangeAsync(merchant!, result, $"ajouter « {ActionCodes.TitleOf(code ?? "")} »", cancellationToken);
    }

    /// <summary>The confirmation step before removing an action (works without script).</summary>
    [HttpGet("actions/{itemId:int}/retirer")]
    [Audited(AuditAction.Read, AuditTarget.Merchant, "merchantId")]
    public async Task<IActionResult> ConfirmRemove(int merchantId, int itemId, CancellationToken cancellationToken)
    {
        var (merchant, denied) = await FindAsync(merchantId, edit: true, cancellationToken);
        if (denied is not null) return denied;
        var plan = await db.ActionPlans.AsNoTracking().Include(p => p.Items).SingleOrDefaultAsync(p => p.MerchantId == merchantId, cancellationToken);
        var item = plan?.Items.SingleOrDefault(i => i.Id == itemId);
        if (plan is null || item is null) return NotFound();
        var action = await db.CatalogActions.AsNoTracking().SingleOrDefaultAsync(a => a.Code == item.ActionCode, cancellationToken);
        return View(new PlanRemovalViewModel(merchant!, new PlanItemRow(item, action), db.VersionOf(plan)));
    }

    /// <summary>Changes the status of one action in place, from the plan page (a select and a small submit).</summary>
    [HttpPost("actions/{itemId:int}/statut")]
    [Audited(AuditAction.Change, AuditTarget.Merchant, "merchantId")]
    public async Task<IActionResult> SetStatus(int merchantId, int itemId, string? status, string? version, CancellationToken cancellationToken)
    {
        var (merchant, denied) = await FindAsync(merchantId, edit: true, cancellationToken);
        if (denied is not null) return denied;
        var stored = await db.ActionPlanItems.AsNoTracking().SingleOrDefaultAsync(i => i.Id == itemId && i.Plan!.MerchantId == merchantId, cancellationToken);
        if (stored is null) return await AfterChangeAsync(merchant!, PlanChangeResult.Refuse("Cette action ne fait pas partie du plan de ce commerçant."), null, cancellationToken);
        var form = PlanItemForm.From(stored, version ?? "");
        form.Status = status;
        if (!await validator.ValidateIntoAsync(form, ModelState))
        {
            // The plan page has no field named after the form's: the message goes to the page's error summary.
            var messages = ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).Distinct().ToList();
            ModelState.Clear();
            foreach (var message in messages) ModelState.AddModelError("", message);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(nameof(Index), await PageAsync(merchant!, null, cancellationToken));
        }
        var (result, _) = await editor.UpdateItemAsync(merchantId, itemId, form, User.ToViewer().UserId, cancellationToken);
        if (result.Kind != PlanOutcomeKind.Done)
            return await AfterChangeAsync(merchant!, result, $"passer une action au statut « {Enum.Parse<PlanItemStatus>(status!).Label().ToLowerInvariant()} »", cancellationToken);
        TempData["Flash"] = result.Message;
        return Redirect(Url.Action(nameof(Index), new { merchantId }) + $"#action-{itemId}");
    }

    [HttpPost("actions/{itemId:int}/retirer")]
    [Audited(AuditAction.Change, AuditTarget.Merchant, "merchantId")]
    public async Task<IActionResult> Remove(int merchantId, int itemId, string? planVersion, CancellationToken cancellationToken)
    {
        var (merchant, denied) = await FindAsync(merchantId, edit: true, cancellationToken);
        if (denied is not null) return denied;
        var result = await editor.RemoveAsync(merchant!, itemId, planVersion, User.ToViewer().UserId, cancellationToken);
        return await AfterChangeAsync(merchant!, result, "retirer une action", cancellationToken);
    }

    [HttpPost("actions/{itemId:int}/deplacer")]
    [Audited(AuditAction.Change, AuditTarget.Merchant, "merchantId")]
    public async Task<IActionResult> Move(int merchantId, int itemId, string? direction, string? position, string? planVersion, CancellationToken cancellationToken)
    {
        var (merchant, denied) = await FindAsync(merchantId, edit: true, cancellationToken);
        if (denied is not null) return denied;
        int? target = null;
        if (string.IsNullOrEmpty(direction))
        {
            if (!int.TryParse(position, System.Globalization.NumberStyles.Integer, FrenchCulture.Info, out var parsed))
                return await AfterChangeAsync(merchant!, PlanChangeResult.Refuse("Saisissez la position voulue en chiffres, par exemple 1 pour la mettre en tête."), null, cancellationToken);
            target = parsed;
        }
        var result = await editor.MoveAsync(merchant!, itemId, direction, target, planVersion, User.ToViewer().UserId, cancellationToken);
        var attempt = direction switch { "haut" => "monter une action", "bas" => "descendre une action", _ => $"placer une action en position {position}" };
        return await AfterChangeAsync(merchant!, result, attempt, cancellationToken);
    }

    [HttpGet("actions/{itemId:int}")]
    [Audited(AuditAction.Read, AuditTarget.Merchant, "merchantId")]
    public async Task<IActionResult> EditItem(int merchantId, int itemId, CancellationToken cancellationToken)
    {
        var (merchant, denied) = await FindAsync(merchantId, edit: true, cancellationToken);
        if (denied is not null) return denied;
        var item = await db.ActionPlanItems.AsNoTracking().SingleOrDefaultAsync(i => i.Id == itemId && i.Plan!.MerchantId == merchantId, cancellationToken);
        if (item is null) return NotFound();
        return View(await ItemEditorAsync(merchant!, item, PlanItemForm.From(item, db.VersionOf(item)), null, cancellationToken));
    }

    [HttpPost("actions/{itemId:int}")]
    [Audited(AuditAction.Change, AuditTarget.Merchant, "merchantId")]
    public async Task<IActionResult> EditItem(int merchantId, int itemId, PlanItemForm form, CancellationToken cancellationToken)
    {
        var (merchant, denied) = await FindAsync(merchantId, edit: true, cancellationToken);
        if (denied is not null) return denied;
        var stored = await db.ActionPlanItems.AsNoTracking().SingleOrDefaultAsync(i => i.Id == itemId && i.Plan!.MerchantId == merchantId, cancellationToken);
        if (stored is null) return NotFound();
        if (!await validator.ValidateIntoAsync(form, ModelState))
            return View(await ItemEditorAsync(merchant!, stored, form, null, cancellationToken));

        var (result, current) = await editor.UpdateItemAsync(merchantId, itemId, form, User.ToViewer().UserId, cancellationToken);
        switch (result.Kind)
        {
            case PlanOutcomeKind.Done:
                TempData["Flash"] = result.Message;
                return RedirectToAction(nameof(Index), new { merchantId });
            case PlanOutcomeKind.Conflict when current is not null:
                ModelState.AddModelError("", "Cette action a été modifiée par quelqu'un d'autre pendant que vous la modifiiez. " +
                    "Vos saisies sont conservées ci-dessous ; la version enregistrée est affichée à côté. Vérifiez, puis enregistrez à nouveau pour garder vos valeurs.");
                var saved = PlanItemForm.From(current, db.VersionOf(current));
                ModelState.Remove(nameof(form.Version));
                form.Version = db.VersionOf(current);
                Response.StatusCode = StatusCodes.Status409Conflict;
                return View(await ItemEditorAsync(merchant!, current, form, saved, cancellationToken));
            default:
                TempData["Flash"] = result.Message;
                return RedirectToAction(nameof(Index), new { merchantId });
        }
    }

    private IActionResult Done(int merchantId, PlanChangeResult result)
    {
        TempData["Flash"] = result.Message;
        return RedirectToAction(nameof(Index), new { merchantId });
    }

    /// <summary>Success: back to the plan. Refusal or conflict: the current plan with the message and what was asked.</summary>
    private async Task<IActionResult> AfterChangeAsync(Merchant merchant, PlanChangeResult result, string? attempt, CancellationToken cancellationToken)
    {
        if (result.Kind == PlanOutcomeKind.Done) return Done(merchant.Id, result);
        ModelState.AddModelError("", result.Message);
        Response.StatusCode = result.Kind == PlanOutcomeKind.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
        return View(nameof(Index), await PageAsync(merchant, result.Kind == PlanOutcomeKind.Conflict ? attempt : null, cancellationToken));
    }

    private async Task<(Merchant? Merchant, IActionResult? Denied)> FindAsync(int merchantId, bool edit, CancellationToken cancellationToken)
    {
        var file = edit ? await files.EditAsync(merchantId, cancellationToken) : await files.ReadAsync(merchantId, cancellationToken);
        return (file.Merchant, file.Denied);
    }

    private async Task<PlanPageViewModel> PageAsync(Merchant merchant, string? conflictAttempt, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var plan = await db.ActionPlans.AsNoTracking().Include(p => p.Items).SingleOrDefaultAsync(p => p.MerchantId == merchant.Id, cancellationToken);
        var catalogue = await editor.CatalogueAsync(cancellationToken);
        var byCode = catalogue.ToDictionary(a => a.Code, StringComparer.Ordinal);
        var items = plan?.OrderedItems.Select(i => new PlanItemRow(i, byCode.GetValueOrDefault(i.ActionCode))).ToList() ?? [];
        var openCodes = plan?.Items.Where(i => i.IsOpen).Select(i => i.ActionCode).ToHashSet(StringComparer.Ordinal) ?? [];
        var history = plan is null ? [] : await db.ActionPlanChanges.AsNoTracking()
            .Where(c => c.PlanId == plan.Id)
            .OrderByDescending(c => c.OccurredAt).ThenByDescending(c => c.Id)
            .Take(100)
            .Select(c => new PlanHistoryRow(c.OccurredAt, c.Summary, c.Actor != null ? c.Actor.DisplayName : null))
            .ToListAsync(cancellationToken);
        var hasDiagnostic = await db.Assessments.AnyAsync(a => a.MerchantId == merchant.Id && a.Status == Core.Diagnostics.Assessments.AssessmentStatus.Completed, cancellationToken);
        var outcome = await editor.OutcomeAsync(merchant.Id, cancellationToken);
        var axes = (await sessions.AxesAsync(cancellationToken)).ToDictionary(a => a.Code, a => a.Title, StringComparer.Ordinal);
        var versions = plan?.Items.ToDictionary(i => i.Id, i => db.VersionOf(i)) ?? [];
        return new PlanPageViewModel(merchant, User.ToViewer().CanEdit(merchant), plan is null ? "" : db.VersionOf(plan), items, axes, versions,
            catalogue.Where(a => !openCodes.Contains(a.Code)).ToList(), hasDiagnostic, outcome, history, clock.TodayInParis(), conflictAttempt);
    }

    private async Task<PlanProposalViewModel> ProposalPageAsync(Merchant merchant, IReadOnlyCollection<string>? checkedCodes, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var proposal = await editor.ProposeAsync(merchant.Id, cancellationToken);
        var plan = await db.ActionPlans.AsNoTracking().SingleOrDefaultAsync(p => p.MerchantId == merchant.Id, cancellationToken);
        var selected = checkedCodes ?? proposal?.Actions.Select(a => a.ActionCode).ToList() ?? [];
        return new PlanProposalViewModel(merchant, proposal, plan is null ? "" : db.VersionOf(plan), selected.ToHashSet(StringComparer.Ordinal));
    }

    private async Task<PlanItemEditorViewModel> ItemEditorAsync(Merchant merchant, ActionPlanItem item, PlanItemForm form, PlanItemForm? conflict, CancellationToken cancellationToken)
    {
        var action = await db.CatalogActions.AsNoTracking().SingleOrDefaultAsync(a => a.Code == item.ActionCode, cancellationToken);
        var sessions = await db.SessionPlanItems.AsNoTracking().Where(s => s.PlanItemId == item.Id)
            .OrderByDescending(s => s.Session!.StartsAt)
            .Select(s => new ItemSessionRow(s.SessionId, s.Session!.StartsAt, s.Session.Mode))
            .ToListAsync(cancellationToken);
        return new PlanItemEditorViewModel(merchant, item, action, form, conflict, sessions);
    }
}
