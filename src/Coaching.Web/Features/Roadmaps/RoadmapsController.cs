using Coaching.Core.Audit;
using Coaching.Web.Hosting;
using Coaching.Core.Data;
using Coaching.Core.Merchants;
using Coaching.Core.Roadmaps;
using Coaching.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Coaching.Web.Features.Audit;
using Coaching.Web.French;

namespace Coaching.Web.Features.Roadmaps;

/// <summary>A case file's roadmap for staff: preview of the current draft, issuing, and the issued versions.</summary>
[Authorize(Policy = Policies.Staff)]
[Route("dossiers/{merchantId:int}/feuille-de-route")]
public sealed class RoadmapsController(CoachingDbContext db, CaseFileAccess files, RoadmapSource source, RoadmapIssuer issuer) : Controller
{
    public const string PdfType = "application/pdf";

    [HttpGet("")]
    [Audited(AuditAction.Read, AuditTarget.Merchant, "merchantId")]
    public async Task<IActionResult> Index(int merchantId, CancellationToken cancellationToken)
    {
        var (merchant, denied) = await FindAsync(merchantId, edit: false, cancellationToken);
        return denied ?? View(await PageAsync(merchant!, cancellationToken));
    }

    /// <summary>The roadmap as it would be issued now, shown in the browser; nothing is stored.</summary>
    [HttpGet("apercu")]
    [Audited(AuditAction.Export, AuditTarget.Merchant, "merchantId")]
    public async Task<IActionResult> Preview(int merchantId, CancellationToken cancellationToken)
    {
        var (merchant, denied) = await FindAsync(merchantId, edit: false, cancellationToken);
        if (denied is not null) return denied;
        var data = await source.LoadAsync(merchant!, cancellationToken);
        var document = RoadmapDocument.Render(data);
        Response.Headers.ContentDisposition = new System.Net.Mime.ContentDisposition
            { Inline = true, FileName = RoadmapFileName.Draft(merchant!.BusinessName, data.IssuedAt) }.ToString();
        Response.Headers.CacheControl = "no-store";
        return File(document.Bytes, PdfType);
    }

    [HttpPost("")]
    [Audited(AuditAction.Change, AuditTarget.Merchant, "merchantId")]
    public async Task<IActionResult> Issue(int merchantId, int number, CancellationToken cancellationToken)
    {
        var (merchant, denied) = await FindAsync(merchantId, edit: true, cancellationToken);
        if (denied is not null) return denied;
        var result = await issuer.IssueAsync(merchant!, number, User.ToViewer().UserId, cancellationToken);
        if (result.Outcome == IssueOutcome.Issued)
        {
            TempData["Flash"] = $"La feuille de route n° {result.Roadmap!.Number} est émise : le commerçant la retrouve dans son espace.";
            return RedirectToAction(nameof(Index), new { merchantId });
        }
        ModelState.AddModelError("", "Une autre version de la feuille de route a été émise pendant que vous consultiez cette page : rien n'a été émis. " +
            "Vérifiez la liste des versions ci-dessous, puis émettez à nouveau si c'est toujours utile.");
        Response.StatusCode = StatusCodes.Status409Conflict;
        return View(nameof(Index), await PageAsync(merchant!, cancellationToken));
    }

    [HttpGet("{roadmapId:int}")]
    [Audited(AuditAction.Export, AuditTarget.Roadmap, "roadmapId")]
    public async Task<IActionResult> Download(int merchantId, int roadmapId, CancellationToken cancellationToken)
    {
        var (_, denied) = await FindAsync(merchantId, edit: false, cancellationToken);
        if (denied is not null) return denied;
        var roadmap = await db.IssuedRoadmaps.AsNoTracking()
            .Where(r => r.Id == roadmapId && r.MerchantId == merchantId)
            .Select(r => new { r.Number, r.Content, r.IssuedAt, r.Merchant!.BusinessName })
            .SingleOrDefaultAsync(cancellationToken);
        if (roadmap is null) return NotFound();
        return File(roadmap.Content, PdfType, RoadmapFileName.For(roadmap.BusinessName, roadmap.IssuedAt, roadmap.Number));
    }

    private async Task<RoadmapPageViewModel> PageAsync(Merchant merchant, CancellationToken cancellationToken)
    {
        var issued = await db.IssuedRoadmaps.AsNoTracking()
            .Where(r => r.MerchantId == merchant.Id)
            .OrderByDescending(r => r.Number)
            .Select(r => new IssuedRoadmapRow(r.Id, r.Number, r.IssuedAt, r.IssuedBy != null ? r.IssuedBy.DisplayName : null, r.PageCount, r.SizeBytes, r.Sha256))
            .ToListAsync(cancellationToken);
        return new RoadmapPageViewModel(merchant, User.ToViewer().CanEdit(merchant), await issuer.NextNumberAsync(merchant.Id, cancellationToken), issued);
    }

    private async Task<(Merchant? Merchant, IActionResult? Denied)> FindAsync(int merchantId, bool edit, CancellationToken cancellationToken)
    {
        var file = edit ? await files.EditAsync(merchantId, cancellationToken) : await files.ReadAsync(merchantId, cancellationToken);
        return (file.Merchant, file.Denied);
    }
}

public sealed record IssuedRoadmapRow(int Id, int Number, DateTimeOffset IssuedAt, string? IssuedBy, int PageCount, int SizeBytes, string Sha256)
{
    public string Size => SizeBytes < 1024 * 1024
        ? $"{Math.Max(1, (int)Math.Round(SizeBytes / 1024.0))} Ko"
        : $"{(SizeBytes / 1024.0 / 1024.0).ToString("0.0", FrenchCulture.Info)} Mo";
}

public sealed record RoadmapPageViewModel(Merchant Merchant, bool CanEdit, int NextNumber, IReadOnlyList<IssuedRoadmapRow> Issued);
