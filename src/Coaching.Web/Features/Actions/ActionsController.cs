using Coaching.Core.Actions;
using Coaching.Core.Data;
using Coaching.Core.Diagnostics.Questionnaires;
using Coaching.Web.Features.Plans;
using Coaching.Web.Features.Sessions;
using Coaching.Web.Hosting;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Coaching.Web.French;

namespace Coaching.Web.Features.Actions;

/// <summary>The action catalogue: read by all staff, edited by admins.</summary>
[Authorize(Policy = Policies.Staff)]
[Route("actions")]
public sealed class ActionsController(
    CoachingDbContext db, PlanEditor plans, SessionEditor sessions, IValidator<CatalogActionForm> validator, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var axes = await sessions.AxesAsync(cancellationToken);
        return View(new CatalogueViewModel(await plans.CatalogueAsync(cancellationToken), axes.ToDictionary(a => a.Code, a => a.Title, StringComparer.Ordinal),
            User.IsInRole(Core.Identity.Roles.Admin)));
    }

    [HttpGet("{code}/modifier")]
    [Authorize(Policy = Policies.Admin)]
    public async Task<IActionResult> Edit(string code, CancellationToken cancellationToken)
    {
        var action = await db.CatalogActions.AsNoTracking().SingleOrDefaultAsync(a => a.Code == code, cancellationToken);
        if (action is null) return NotFound();
        return View(await EditorAsync(CatalogActionForm.From(action, db.VersionOf(action)), action, null, cancellationToken));
    }

    [HttpPost("{code}/modifier")]
    [Authorize(Policy = Policies.Admin)]
    public async Task<IActionResult> Edit(string code, CatalogActionForm form, CancellationToken cancellationToken)
    {
        var action = await db.CatalogActions.SingleOrDefaultAsync(a => a.Code == code, cancellationToken);
        if (action is null) return NotFound();
        if (await validator.ValidateIntoAsync(form, ModelState) && !await IsKnownAxisAsync(form.AxisCode!.Trim(), action, cancellationToken))
            ModelState.AddModelError(nameof(form.AxisCode), "Cet axe n’existe dans aucun questionnaire publié : choisissez un axe de la liste.");
        if (!ModelState.IsValid)
            return View(await EditorAsync(form, action, null, cancellationToken));
        if (!db.IsVersion(action, form.Version))
            return await ConflictAsync(form, action, cancellationToken);

        action.Title = form.Title!.Trim();
        action.AxisCode = form.AxisCode!.Trim();
        action.Description = form.Description!.Trim();
        action.Effort = form.Effort!.Value;
        action.Impact = form.Impact!.Value;
        action.Resources = CatalogActionForm.NormalizeResources(form.Resources);
        action.UpdatedAt = clock.GetUtcNow();
        action.UpdatedById = User.ToViewer().UserId;
        db.ExpectVersion(action, form.Version);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.CatalogActions.AsNoTracking().SingleAsync(a => a.Code == code, cancellationToken);
            return await ConflictAsync(form, current, cancellationToken);
        }
        TempData["Flash"] = $"L'action « {action.Title} » est enregistrée.";
        return RedirectToAction(nameof(Index), null, null, "action-" + code);
    }

    private async Task<IActionResult> ConflictAsync(CatalogActionForm form, CatalogAction current, CancellationToken cancellationToken)
    {
        ModelState.AddModelError("", "Cette action a été modifiée par quelqu'un d'autre pendant que vous la modifiiez. " +
            "Vos saisies sont conservées ci-dessous ; la version enregistrée est affichée à côté. Vérifiez, puis enregistrez à nouveau pour garder vos valeurs.");
        ModelState.Remove(nameof(form.Version));
        var saved = CatalogActionForm.From(current, db.VersionOf(current));
        form.Version = db.VersionOf(current);
        Response.StatusCode = StatusCodes.Status409Conflict;
        return View(nameof(Edit), await EditorAsync(form, current, saved, cancellationToken));
    }

    /// <summary>An axis of a published questionnaire, or the one the action already has (an axis of a retired version).</summary>
    private async Task<bool> IsKnownAxisAsync(string axisCode, CatalogAction action, CancellationToken cancellationToken) =>
        axisCode == action.AxisCode
        || await db.QuestionnaireAxes.AnyAsync(a => a.Code == axisCode && a.Questionnaire!.Status == QuestionnaireStatus.Published, cancellationToken);

    private async Task<CatalogActionEditorViewModel> EditorAsync(CatalogActionForm form, CatalogAction action, CatalogActionForm? conflict, CancellationToken cancellationToken)
    {
        var axes = await sessions.AxesAsync(cancellationToken);
        return new CatalogActionEditorViewModel(action.Code, form, axes, conflict);
    }
}

public sealed record CatalogueViewModel(IReadOnlyList<CatalogAction> Actions, IReadOnlyDictionary<string, string> AxisTitles, bool CanEdit);

public sealed record CatalogActionEditorViewModel(string Code, CatalogActionForm Form, IReadOnlyList<AxisChoice> Axes, CatalogActionForm? Conflict);
