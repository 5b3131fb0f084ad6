using Coaching.Core.Audit;
using Coaching.Web.Hosting;
using Coaching.Core.Data;
using Coaching.Core.Merchants;
using Coaching.Web.Features.Merchants;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Coaching.Web.Features.Audit;

namespace Coaching.Web.Features.Caseloads;

/// <summary>Club managers see each advisor's caseload and hand a whole one to a colleague in one step.</summary>
[Authorize(Policy = Policies.ClubManagement)]
[Route("portefeuilles")]
public sealed class CaseloadsController(CoachingDbContext db, StaffDirectory staff, CaseloadTransfer transfer) : Controller
{
    [Route("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var viewer = User.ToViewer();
        var advisors = await staff.AdvisorsAsync(viewer.ClubId, cancellationToken);
        var counts = await db.Merchants.Where(m => m.ClubId == viewer.ClubId)
            .GroupBy(m => m.AssignedAdvisorId)
            .Select(g => new { AdvisorId = g.Key, Total = g.Count(), Active = g.Count(m => m.Status == CaseStatus.Coaching) })
            .ToListAsync(cancellationToken);
        var rows = advisors.Select(a => new CaseloadRow(a, counts.FirstOrDefault(c => c.AdvisorId == a.Id)?.Total ?? 0, counts.FirstOrDefault(c => c.AdvisorId == a.Id)?.Active ?? 0)).ToList();
        var unassigned = counts.FirstOrDefault(c => c.AdvisorId == null)?.Total ?? 0;
        return View(new CaseloadsViewModel(rows, unassigned, new TransferForm()));
    }

    [HttpPost("transfert")]
    [Audited(AuditAction.Change, AuditTarget.Merchant)]
    public async Task<IActionResult> Transfer(TransferForm form, CancellationToken cancellationToken)
    {
        var viewer = User.ToViewer();
        var advisors = await staff.AdvisorsAsync(viewer.ClubId, cancellationToken);
        var from = advisors.FirstOrDefault(a => a.Id == form.FromAdvisorId);
        var to = advisors.FirstOrDefault(a => a.Id == form.ToAdvisorId);
        if (from is null) ModelState.AddModelError(nameof(form.FromAdvisorId), "Choisissez le conseiller qui part dans la liste.");
        if (to is null) ModelState.AddModelError(nameof(form.ToAdvisorId), "Choisissez le conseiller qui reprend les dossiers dans la liste.");
        else if (from is not null && from.Id == to.Id) ModelState.AddModelError(nameof(form.ToAdvisorId), "Choisissez un autre conseiller que celui qui part.");
        if (!ModelState.IsValid)
        {
            var index = (ViewResult)await Index(cancellationToken);
            var model = (CaseloadsViewModel)index.Model!;
            return View(nameof(Index), model with { Form = form });
        }

        var count = await transfer.TransferAsync(viewer, from!, to!, cancellationToken);
        TempData["Flash"] = count switch
        {
            0 => $"{from!.DisplayName} n'avait aucun dossier : rien n'a été transféré.",
            1 => $"1 dossier transféré de {from!.DisplayName} à {to!.DisplayName}.",
            _ => $"{count} dossiers transférés de {from!.DisplayName} à {to!.DisplayName}.",
        };
        return RedirectToAction(nameof(Index));
    }
}

public sealed class TransferForm
{
    public string? FromAdvisorId { get; set; }
    public string? ToAdvisorId { get; set; }
}

public sealed record CaseloadRow(StaffMember Advisor, int Total, int Active);

public sealed record CaseloadsViewModel(IReadOnlyList<CaseloadRow> Rows, int Unassigned, TransferForm Form);
