using Coaching.Core.Audit;
using Coaching.Web.Infrastructure.Trust;
using Coaching.Core.Data;
using Coaching.Core.Diagnostics.Assessments;
using Coaching.Core.Identity;
using Coaching.Core.Merchants;
using Coaching.Core.ReferenceData;
using Coaching.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Coaching.Web.Features.Merchants;

[Authorize(Policy = Policies.Staff)]
public sealed class MerchantsController(
    CoachingDbContext db,
    StaffDirectory staff,
    IValidator<MerchantForm> validator,
    TimeProvider clock) : Controller
{
    public async Task<IActionResult> Index([FromQuery] MerchantListQuery query, CancellationToken cancellationToken)
    {
        var viewer = User.ToViewer();
        var page = await query.ToPageAsync(db.Merchants.AsNoTracking().ReadableBy(viewer), cancellationToken);
        var advisors = await staff.AdvisorsAsync(viewer.ClubId, cancellationToken);
        return View(new MerchantIndexViewModel(query, page, advisors, viewer.UserId));
    }

    [Audited(AuditAction.Read, AuditTarget.Merchant, "id")]
    public async Task<IActionResult> Details(int id, string? kind, CancellationToken cancellationToken)
    {
        var viewer = User.ToViewer();
        var merchant = await db.Merchants.AsNoTracking()
            .Include(m => m.AssignedAdvisor).Include(m => m.ConsentRecordedBy)
            .SingleOrDefaultAsync(m => m.Id == id && m.ClubId == viewer.ClubId, cancellationToken);
        if (merchant is null) return NotFound();
        if (!viewer.CanRead(merchant)) return Forbid();

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

    [HttpGet]
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

    [HttpPost]
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

        var now = clock.GetUtcNow();
        var merchant = new Merchant { ClubId = viewer.ClubId, CreatedAt = now, AssignedAdvisorId = advisorId };
        MerchantFormMapper.Apply(form, merchant, viewer.UserId, now);
        merchant.Events.Add(new CaseEvent { OccurredAt = now, Kind = CaseEventKind.Created, ActorId = viewer.UserId, Summary = $"Dossier créé : {merchant.BusinessName}." });
        db.Merchants.Add(merchant);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Flash"] = $"Le dossier de « {merchant.BusinessName} » est créé.";
        return RedirectToAction(nameof(Details), new { id = merchant.Id });
    }

    [HttpGet]
    [Audited(AuditAction.Read, AuditTarget.Merchant, "id")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var (merchant, denied) = await FindEditableAsync(id, cancellationToken);
        if (denied is not null) return denied;
        return View(await EditorAsync(MerchantForm.From(merchant!, db.VersionOf(merchant!)), merchant, cancellationToken));
    }

    [HttpPost]
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

        var now = clock.GetUtcNow();
        var changes = MerchantFormMapper.Apply(form, merchant!, viewer.UserId, now);
        if (changes.Count > 0)
        {
            db.CaseEvents.Add(new CaseEvent { MerchantId = id, OccurredAt = now, Kind = CaseEventKind.Updated, ActorId = viewer.UserId, Summary = "Modifié : " + string.Join(", ", changes) + "." });
        }
        try
        {
            db.ExpectVersion(merchant!, form.Version);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Merchants.Include(m => m.AssignedAdvisor).SingleAsync(m => m.Id == id, cancellationToken);
            return View(await ConflictAsync(form, current, cancellationToken));
        }
        TempData["Flash"] = changes.Count > 0 ? "Les modifications sont enregistrées." : "Aucune modification à enregistrer.";
        return RedirectToAction(nameof(Details), new { id });
    }

    [HttpPost]
    [Authorize(Policy = Policies.ClubManagement)]
    [Audited(AuditAction.Change, AuditTarget.Merchant, "id")]
    public async Task<IActionResult> Reassign(int id, string? advisorId, CancellationToken cancellationToken)
    {
        var viewer = User.ToViewer();
        var merchant = await db.Merchants.Include(m => m.AssignedAdvisor).SingleOrDefaultAsync(m => m.Id == id && m.ClubId == viewer.ClubId, cancellationToken);
        if (merchant is null) return NotFound();

        advisorId = Blank(advisorId);
        var advisors = await staff.AdvisorsAsync(viewer.ClubId, cancellationToken);
        var advisor = advisors.FirstOrDefault(a => a.Id == advisorId);
        if (advisorId is not null && advisor is null)
        {
            TempData["Flash"] = "Ce conseiller n'existe pas dans le club : le dossier n'a pas été réaffecté.";
            return RedirectToAction(nameof(Details), new { id });
        }
        if (merchant.AssignedAdvisorId != advisorId)
        {
            var now = clock.GetUtcNow();
            var before = merchant.AssignedAdvisor?.DisplayName ?? "aucun conseiller";
            merchant.AssignedAdvisorId = advisorId;
            merchant.UpdatedAt = now;
            db.CaseEvents.Add(new CaseEvent { MerchantId = id, OccurredAt = now, Kind = CaseEventKind.Reassigned, ActorId = viewer.UserId, Summary = $"Dossier confié à {advisor?.DisplayName ?? "aucun conseiller"} (auparavant : {before})." });
            await db.SaveChangesAsync(cancellationToken);
        }
        TempData["Flash"] = advisor is null ? "Le dossier n'est plus affecté à un conseiller." : $"Le dossier est confié à {advisor.DisplayName}.";
        return RedirectToAction(nameof(Details), new { id });
    }

    private async Task<(Merchant? Merchant, IActionResult? Denied)> FindEditableAsync(int id, CancellationToken cancellationToken)
    {
        var viewer = User.ToViewer();
        var merchant = await db.Merchants.Include(m => m.AssignedAdvisor).SingleOrDefaultAsync(m => m.Id == id && m.ClubId == viewer.ClubId, cancellationToken);
        if (merchant is null) return (null, NotFound());
        return viewer.CanEdit(merchant) ? (merchant, null) : (null, Forbid());
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
