using Coaching.Core.Audit;
using Coaching.Core.Data;
using Coaching.Core.Merchants;
using Coaching.Core.Privacy;
using Coaching.Web.Features.Audit;
using Coaching.Web.Hosting;
using Coaching.Web.Features.Shared;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Coaching.Web.French;

namespace Coaching.Web.Features.Privacy;

/// <summary>
/// The merchant's rights (RGPD): export of everything held about them, erasure on request, consent history; and the
/// register of these operations for admins. Staff who may edit the case file (its advisor, managers, admins) act on it.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class PrivacyController(CoachingDbContext db, CaseFileAccess files, AuditLog audit, TimeProvider clock) : Controller
{
    private const int RegisterPageSize = 50;

    [HttpGet("dossiers/{merchantId:int}/rgpd")]
    public async Task<IActionResult> Index(int merchantId, CancellationToken cancellationToken)
    {
        var (merchant, denied) = await FindEditableAsync(merchantId, cancellationToken);
        return denied ?? View(await PageAsync(merchant!, new EraseForm(), cancellationToken));
    }

    [HttpGet("dossiers/{merchantId:int}/rgpd/export.zip")]
    public async Task<IActionResult> Export(int merchantId, [FromServices] MerchantExport export, CancellationToken cancellationToken)
    {
        var (merchant, denied) = await FindEditableAsync(merchantId, cancellationToken);
        if (denied is not null) return denied;
        var archive = await export.BuildAsync(merchantId, cancellationToken);
        var viewer = User.ToViewer();
        db.PrivacyOperations.Add(new PrivacyOperation { OccurredAt = clock.GetUtcNow(), Kind = PrivacyOperationKind.Export, MerchantId = merchantId, ActorId = viewer.UserId });
        await db.SaveChangesAsync(cancellationToken);
        await audit.WriteAsync(AuditAction.Export, AuditTarget.Merchant, Id(merchantId), "Export RGPD (zip)", cancellationToken: cancellationToken);
        Response.Headers.CacheControl = "no-store";
        return File(archive, MerchantExport.ContentType, $"donnees-dossier-{merchant!.Id}.zip");
    }

    [HttpPost("dossiers/{merchantId:int}/rgpd/effacer")]
    public async Task<IActionResult> Erase(int merchantId, EraseForm form, [FromServices] IValidator<EraseForm> validator,
        [FromServices] MerchantAnonymiser anonymiser, CancellationToken cancellationToken)
    {
        var (merchant, denied) = await FindEditableAsync(merchantId, cancellationToken);
        if (denied is not null) return denied;
        if (merchant!.AnonymisedAt is not null)
        {
            TempData["Flash"] = "Ce dossier est déjà anonymisé.";
            return RedirectToAction("Details", "Merchants", new { id = merchantId });
        }
        if (!await validator.ValidateIntoAsync(form, ModelState))
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(nameof(Index), await PageAsync(merchant, form, cancellationToken));
        }

        db.ChangeTracker.Clear();
        await anonymiser.AnonymiseAsync(merchantId, PrivacyOperationKind.Erasure, User.ToViewer().UserId, form.Reason!.Trim(), cancellationToken);
        await audit.WriteAsync(AuditAction.Erasure, AuditTarget.Merchant, Id(merchantId), "Effacement sur demande", cancellationToken: cancellationToken);
        await SqliteFiles.TruncateWalAsync(db, cancellationToken);
        TempData["Flash"] = "Les données personnelles du dossier sont effacées ; ses scores restent dans les statistiques.";
        return RedirectToAction("Details", "Merchants", new { id = merchantId });
    }

    [HttpGet("rgpd/registre")]
    [Authorize(Policy = Policies.Admin)]
    public async Task<IActionResult> Register(int page = 1, CancellationToken cancellationToken = default)
    {
        page = Math.Clamp(page, 1, 100_000);
        var clubId = User.ToViewer().ClubId;
        var take = page * RegisterPageSize + 1;
        var operations = await db.PrivacyOperations.AsNoTracking()
            .Where(o => db.Merchants.Any(m => m.Id == o.MerchantId && m.ClubId == clubId))
            .OrderByDescending(o => o.OccurredAt).Take(take)
            .Select(o => new { o.OccurredAt, o.Kind, o.MerchantId, Actor = o.Actor != null ? o.Actor.DisplayName : null, o.Reason })
            .ToListAsync(cancellationToken);
        var consents = await db.ConsentRecords.AsNoTracking()
            .Where(c => c.Merchant!.ClubId == clubId)
            .OrderByDescending(c => c.OccurredAt).Take(take)
            .Select(c => new { c.OccurredAt, c.Given, c.Method, c.MerchantId, Actor = c.RecordedBy != null ? c.RecordedBy.DisplayName : null })
            .ToListAsync(cancellationToken);
        var lines = operations.Select(o => new RegisterLine(o.OccurredAt, o.Kind.Label(), o.MerchantId, o.Actor, o.Reason))
            .Concat(consents.Select(c => new RegisterLine(c.OccurredAt, (c.Given ? "Consentement recueilli" : "Consentement retiré") + " (" + c.Method.Label() + ")", c.MerchantId, c.Actor, null)))
            .OrderByDescending(l => l.OccurredAt)
            .Skip((page - 1) * RegisterPageSize).ToList();
        return View(new RegisterViewModel(lines.Take(RegisterPageSize).ToList(), page, lines.Count > RegisterPageSize));
    }

    private async Task<PrivacyPageViewModel> PageAsync(Merchant merchant, EraseForm form, CancellationToken cancellationToken)
    {
        var consents = await db.ConsentRecords.AsNoTracking().Where(c => c.MerchantId == merchant.Id).OrderByDescending(c => c.OccurredAt)
            .Select(c => new ConsentLine(c.OccurredAt, c.Given, c.Method, c.RecordedBy != null ? c.RecordedBy.DisplayName : null))
            .ToListAsync(cancellationToken);
        var operations = (await db.PrivacyOperations.AsNoTracking().Where(o => o.MerchantId == merchant.Id).OrderByDescending(o => o.OccurredAt)
            .Select(o => new { o.OccurredAt, o.Kind, o.MerchantId, Actor = o.Actor != null ? o.Actor.DisplayName : null, o.Reason })
            .ToListAsync(cancellationToken))
            .Select(o => new RegisterLine(o.OccurredAt, o.Kind.Label(), o.MerchantId, o.Actor, o.Reason)).ToList();
        return new PrivacyPageViewModel(merchant, consents, operations, form);
    }

    private async Task<(Merchant? Merchant, IActionResult? Denied)> FindEditableAsync(int merchantId, CancellationToken cancellationToken)
    {
        var file = await files.EditAsync(merchantId, cancellationToken);
        return (file.Merchant, file.Denied);
    }

    private static string Id(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
