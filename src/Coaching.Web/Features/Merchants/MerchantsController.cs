using Coaching.Core.Audit;
using Coaching.Web.Hosting;
using Coaching.Core.Data;
using Coaching.Core.Diagnostics.Assessments;
using Coaching.Core.Identity;
using Coaching.Core.Merchants;
using Coaching.Core.ReferenceData;
using Coaching.Web.Features.Shared;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Coaching.Web.Features.Audit;
using Coaching.Web.French;

namespace Coaching.Web.Features.Merchants;

[Authorize(Policy = Policies.Staff)]
[Route("dossiers")]
public sealed class MerchantsController(
    CoachingDbContext db,
    StaffDirectory staff,
    CaseFileAccess files,
    MerchantWrites writes,
    IValidator<MerchantForm> validator) : Controller
{
    [Route("")]
    public async Task<IActionResult> Index([FromQuery] MerchantListQuery query, CancellationToken cancellationToken)
    {
        var viewer = User.ToViewer();
        var page = await query.ToPageAsync(db.Merchants.AsNoTracking().ReadableBy(viewer), cancellationToken);
        var advisors = await staff.AdvisorsAsync(viewer.ClubId, cancellationToken);
        return View(new MerchantIndexViewModel(query, page, advisors, viewer.UserId));
    }

    [Route("{id:int}")]
    [Audited(AuditAction.Read, AuditTarget.Merchant, "id")]
    public async Task<IActionResult> Details(int id, string? kind, CancellationToken cancellationToken)
    {
        var viewer = User.ToViewer();
        var file = await files.ReadAsync(id, cancellationToken);
        if (file.IsDenied) return file.Denied;
        var merchant = file.Merchant;

        CaseEventKind? kindFilter = MerchantFormValidator.BeDefined<CaseEventKind>(kind) ? Enum.Parse<CaseEventKind>(kind!) : null;
        var events = await db.CaseEvents.AsNoTracking()
            .Where(e => e.MerchantId == id && (kindFilter == null || e.Kind == kindFilter))
            .OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id)
            .Take(200)
            .Select(e => new TimelineEntry(e.OccurredAt, e.Kind, e.Summary, e.Actor != null ? e.Actor.DisplayName : null))
            .ToListAsync(cancellationToken);
        var kinds = await db.CaseEvents.Where(e => e.MerchantId == id).Select(e => e.Kind).Distinct().ToListAsync(cancellationToken);
        var accounts = await db.Users.AsNoTracking().Where(u => u.MerchantId == id)
            .Select(u => new MerchantAccount(u.Email ?? "", u.DisplayName, u.PasswordHash != null, u.IsActive))
            .ToListAsync(cancellationToken);
        var advisors = viewer.ManagesClub ? await staff.AdvisorsAsync(viewer.ClubId, cancellationToken) : [];
        var diagnostics = await db.Assessments.AsNoTracking()
            .Where(a => a.MerchantId == id && a.Kind == AssessmentKind.AdvisorDiagnostic)
            .OrderByDescending(a => a.Status == AssessmentStatus.Completed ? a.CompletedAt : a.StartedAt)
            .Select(a => new DiagnosticSummary(a.Id, a.Status, a.CompletedAt ?? a.StartedAt, a.OverallScore, a.LevelName))
            .ToListAsync(cancellationToken);

        var published = await db.Questionnaires.CountAsync(q => q.Status == Coaching.Core.Diagnostics.Questionnaires.QuestionnaireStatus.Published, cancellationToken);
        return View(new MerchantDetailsViewModel(merchant, viewer.CanEdit(merchant), viewer.ManagesClub, advisors, events, kinds, kindFilter, accounts, diagnostics, published));
    }

    [HttpGet("nouveau")]
    public async Task<IActionResult> Create(CancellationToken cancellationToken)
    {
        var form = new MerchantForm
        {
            Status = nameof(CaseStatus.Prospect),
            EmployeeBand = nameof(EmployeeBand.None),
            ManagerAgeBand = nameof(AgeBand.Unknown),
        };
        return View(await EditorAsync(form, null, cancellationToken));
    }

    [HttpPost("nouveau")]
    [Audited(AuditAction.Change, AuditTarget.Merchant)]
    public async Task<IActionResult> Create(MerchantForm form, CancellationToken cancellationToken)
    {
        var viewer = User.ToViewer();
        if (!await validator.ValidateIntoAsync(form, ModelState) | !await CheckUniqueSiretAsync(form, null, viewer.ClubId, cancellationToken))
            return View(await EditorAsync(form, null, cancellationToken));

        var advisorId = viewer.Role == Roles.Advisor ? viewer.UserId : Blank(form.AssignedAdvisorId);
        if (advisorId is not null && viewer.ManagesClub && !await staff.IsAdvisorOfClubAsync(advisorId, viewer.ClubId, cancellationToken))
        {
            ModelState.AddModelError(nameof(form.AssignedAdvisorId), "Choisissez un conseiller du club dans la liste.");
            return View(await EditorAsync(form, null, cancellationToken));
        }

        var merchant = await writes.CreateAsync(viewer, form, advisorId, cancellationToken);
        TempData["Flash"] = $"Le dossier de « {merchant.BusinessName} » est créé.";
        return RedirectToAction(nameof(Details), new { id = merchant.Id });
    }

    [HttpGet("{id:int}/modifier")]
    [Audited(AuditAction.Read, AuditTarget.Merchant, "id")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var (merchant, denied) = await FindEditableAsync(id, cancellationToken);
        if (denied is not null) return denied;
        return View(await EditorAsync(MerchantForm.From(merchant!, db.VersionOf(merchant!)), merchant, cancellationToken));
    }

    [HttpPost("{id:int}/modifier")]
    [Audited(AuditAction.Change, AuditTarget.Merchant, "id")]
    public async Task<IActionResult> Edit(int id, MerchantForm form, CancellationToken cancellationToken)
    {
        var (merchant, denied) = await FindEditableAsync(id, cancellationToken);
        if (denied is not null) return denied;
        var viewer = User.ToViewer();

        if (!await validator.ValidateIntoAsync(form, ModelState) | !await CheckUniqueSiretAsync(form, id, viewer.ClubId, cancellationToken))
            return View(await EditorAsync(form, merchant, cancellationToken));

        if (!db.IsVersion(merchant!, form.Version))
            return View(await ConflictAsync(form, merchant!, cancellationToken));

        var changes = await writes.UpdateAsync(viewer, merchant!, form, cancellationToken);
        if (changes is null)
        {
            var current = await db.Merchants.Include(m => m.AssignedAdvisor).SingleAsync(m => m.Id == merchant!.Id, cancellationToken);
            return View(await ConflictAsync(form, current, cancellationToken));
        }
        TempData["Flash"] = changes.Count > 0 ? "Les modifications sont enregistrées." : "Aucune modification à enregistrer.";
        return RedirectToAction(nameof(Details), new { id });
    }

    [HttpPost("{id:int}/reaffecter")]
    [Authorize(Policy = Policies.ClubManagement)]
    [Audited(AuditAction.Change, AuditTarget.Merchant, "id")]
    public async Task<IActionResult> Reassign(int id, string? advisorId, CancellationToken cancellationToken)
    {
        var viewer = User.ToViewer();
        var file = await files.EditAsync(id, cancellationToken, tracked: true);
        if (file.IsDenied) return file.Denied;
        var merchant = file.Merchant;

        advisorId = Blank(advisorId);
        var advisors = await staff.AdvisorsAsync(viewer.ClubId, cancellationToken);
        var advisor = advisors.FirstOrDefault(a => a.Id == advisorId);
        if (advisorId is not null && advisor is null)
        {
            TempData["Flash"] = "Ce conseiller n'existe pas dans le club : le dossier n'a pas été réaffecté.";
            return RedirectToAction(nameof(Details), new { id });
        }
        await writes.ReassignAsync(viewer, merchant, advisor, cancellationToken);
        TempData["Flash"] = advisor is null ? "Le dossier n'est plus affecté à un conseiller." : $"Le dossier est confié à {advisor.DisplayName}.";
        return RedirectToAction(nameof(Details), new { id });
    }

    private async Task<(Merchant? Merchant, IActionResult? Denied)> FindEditableAsync(int id, CancellationToken cancellationToken)
    {
        var file = await files.EditAsync(id, cancellationToken, tracked: true);
        return (file.Merchant, file.Denied);
    }

    private async Task<bool> CheckUniqueSiretAsync(MerchantForm form, int? id, int clubId, CancellationToken cancellationToken)
    {
        if (ModelState.TryGetValue(nameof(form.Siret), out var entry) && entry.Errors.Count > 0) return true;
        var siret = Siret.Normalize(form.Siret);
        if (!await db.Merchants.AnyAsync(m => m.ClubId == clubId && m.Siret == siret && m.Id != id, cancellationToken)) return true;
        ModelState.AddModelError(nameof(form.Siret), "Un dossier existe déjà pour ce SIRET dans le club.");
        return false;
    }

    private async Task<MerchantEditorViewModel> EditorAsync(MerchantForm form, Merchant? merchant, CancellationToken cancellationToken)
    {
        var viewer = User.ToViewer();
        var advisors = viewer.ManagesClub && merchant is null ? await staff.AdvisorsAsync(viewer.ClubId, cancellationToken) : [];
        return new MerchantEditorViewModel(form, merchant, advisors, Conflict: null);
    }

    private async Task<MerchantEditorViewModel> ConflictAsync(MerchantForm form, Merchant current, CancellationToken cancellationToken)
    {
        ModelState.AddModelError("", "Ce dossier a été modifié par quelqu'un d'autre pendant que vous le modifiiez. " +
            "Vos saisies sont conservées ci-dessous ; la version enregistrée est affichée à côté. Vérifiez, puis enregistrez à nouveau pour garder vos valeurs.");
        var saved = MerchantForm.From(current, db.VersionOf(current));
        ModelState.Remove(nameof(form.Version));
        form.Version = db.VersionOf(current);
        var editor = await EditorAsync(form, current, cancellationToken);
        return editor with { Conflict = saved };
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
