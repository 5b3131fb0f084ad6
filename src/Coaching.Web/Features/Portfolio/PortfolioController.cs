using Coaching.Core.Data;
using Coaching.Core.FollowUp;
using Coaching.Core.Identity;
using Coaching.Web.Features.Merchants;
using Coaching.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Coaching.Web.Features.Portfolio;

/// <summary>« Mon portefeuille »: the advisor's follow-up lists; the club manager sees the same counts per advisor.</summary>
[Authorize(Policy = Policies.Staff)]
[Route("portefeuille")]
public sealed class PortfolioController(CoachingDbContext db, FollowUpQuery followUp, StaffDirectory staff, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? conseiller, CancellationToken cancellationToken)
    {
        var viewer = User.ToViewer();
        var advisorId = viewer.UserId;
        string? advisorName = null;
        if (!string.IsNullOrEmpty(conseiller) && conseiller != viewer.UserId)
        {
            if (!viewer.ManagesClub) return Forbid();
            var advisor = (await staff.AdvisorsAsync(viewer.ClubId, cancellationToken)).FirstOrDefault(a => a.Id == conseiller);
            if (advisor is null) return NotFound();
            advisorId = advisor.Id;
            advisorName = advisor.DisplayName;
        }
        else if (viewer.ManagesClub && viewer.Role != Roles.Advisor)
        {
            return RedirectToAction(nameof(Team));
        }

        var caseload = db.Merchants.Where(m => m.ClubId == viewer.ClubId && m.AssignedAdvisorId == advisorId);
        var merchants = await followUp.EvaluateAsync(caseload, cancellationToken);
        var items = merchants.SelectMany(m => m.Items).ToList();
        List<FollowUpItem> Of(FollowUpReason reason) => items.Where(i => i.Reason == reason).ToList();
        return View(new PortfolioViewModel(
            advisorName,
            merchants.Count,
            Of(FollowUpReason.OverdueActions).OrderBy(i => i.Merchant.OldestOverdueDueDate).ToList(),
            Of(FollowUpReason.NoRecentSession).OrderBy(i => i.Merchant.LastSessionAt ?? i.Merchant.CreatedAt).ToList(),
            Of(FollowUpReason.DiagnosticDue).OrderBy(i => i.Merchant.LastCompletedDiagnosticAt.HasValue).ThenBy(i => i.Merchant.LastCompletedDiagnosticAt).ToList(),
            Of(FollowUpReason.UpcomingAppointment).OrderBy(i => i.When).ToList(),
            followUp.Settings,
            clock.GetUtcNow()));
    }

    [HttpGet("equipe")]
    [Authorize(Policy = Policies.ClubManagement)]
    public async Task<IActionResult> Team(CancellationToken cancellationToken)
    {
        var viewer = User.ToViewer();
        var advisors = await staff.AdvisorsAsync(viewer.ClubId, cancellationToken);
        var merchants = await followUp.EvaluateAsync(db.Merchants.Where(m => m.ClubId == viewer.ClubId), cancellationToken);
        TeamRow Row(string? advisorId, string name)
        {
            var mine = merchants.Where(m => m.Facts.AdvisorId == advisorId).ToList();
            int Count(FollowUpReason reason) => mine.Count(m => m.Items.Any(i => i.Reason == reason));
            return new TeamRow(advisorId, name, mine.Count, Count(FollowUpReason.OverdueActions), Count(FollowUpReason.NoRecentSession),
                Count(FollowUpReason.DiagnosticDue), Count(FollowUpReason.UpcomingAppointment));
        }
        var rows = advisors.Select(a => Row(a.Id, a.DisplayName)).ToList();
        var unassigned = Row(null, "Dossiers non affectés");
        return View(new TeamViewModel(rows, unassigned, followUp.Settings));
    }
}

public sealed record PortfolioViewModel(
    string? AdvisorName,
    int MerchantCount,
    IReadOnlyList<FollowUpItem> Overdue,
    IReadOnlyList<FollowUpItem> NoRecentSession,
    IReadOnlyList<FollowUpItem> DiagnosticDue,
    IReadOnlyList<FollowUpItem> Appointments,
    FollowUpSettings Settings,
    DateTimeOffset Now);

public sealed record TeamRow(string? AdvisorId, string Name, int Merchants, int Overdue, int NoRecentSession, int DiagnosticDue, int Appointments);

public sealed record TeamViewModel(IReadOnlyList<TeamRow> Rows, TeamRow Unassigned, FollowUpSettings Settings);
