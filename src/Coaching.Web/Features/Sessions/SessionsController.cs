using Coaching.Core.Audit;
using Coaching.Web.French;
using Coaching.Web.Hosting;
using System.Text;
using Coaching.Core.Data;
using Coaching.Core.Merchants;
using Coaching.Core.Sessions;
using Coaching.Core.Time;
using Coaching.Web.Features.Shared;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Coaching.Web.Features.Audit;

namespace Coaching.Web.Features.Sessions;

/// <summary>Coaching sessions: recorded once (even a group workshop), listed per advisor, edited with history, appointments as .ics.</summary>
[Authorize(Policy = Policies.Staff)]
[Route("seances")]
public sealed class SessionsController(
    CoachingDbContext db,
    CaseFileAccess files,
    SessionEditor editor,
    IValidator<SessionForm> validator,
    TimeProvider clock) : Controller
{
    /// <summary>« Mes séances »: the sessions the signed-in person led, coming ones first.</summary>
    [HttpGet("")]
    public async Task<IActionResult> Mine(CancellationToken cancellationToken)
    {
        var viewer = User.ToViewer();
        var now = clock.GetUtcNow();
        var rows = await db.CoachingSessions.AsNoTracking()
            .Where(s => s.ClubId == viewer.ClubId && s.Advisors.Any(a => a.AdvisorId == viewer.UserId))
            .OrderByDescending(s => s.StartsAt)
            .Take(200)
            .Select(s => new
            {
                s.Id, s.StartsAt, s.DurationMinutes, s.Mode, s.NextAppointmentAt,
                Merchants = s.Merchants.Select(m => new Merchant
                {
                    Id = m.MerchantId, BusinessName = m.Merchant!.BusinessName, ClubId = m.Merchant.ClubId,
                    AssignedAdvisorId = m.Merchant.AssignedAdvisorId, DepartmentCode = m.Merchant.DepartmentCode,
                }).ToList(),
            })
            .ToListAsync(cancellationToken);
        // A merchant reassigned since stays named, but as text: its file would answer « Accès refusé ».
        var sessions = rows.Select(s => new SessionRow(s.Id, s.StartsAt, s.DurationMinutes, s.Mode, s.NextAppointmentAt,
            s.Merchants.Select(m => new MerchantLink(m.Id, m.BusinessName, viewer.CanRead(m))).ToList())).ToList();
        return View(new MySessionsViewModel(
            sessions.Where(s => s.StartsAt > now).OrderBy(s => s.StartsAt).ToList(),
            sessions.Where(s => s.StartsAt <= now).ToList(),
            sessions.Where(s => s.NextAppointmentAt > now).OrderBy(s => s.NextAppointmentAt).ToList()));
    }

    [HttpGet("nouvelle")]
    public async Task<IActionResult> Create(int? dossier, CancellationToken cancellationToken)
    {
        var viewer = User.ToViewer();
        var form = new SessionForm
        {
            StartsAt = ParisInput.FormatDateTime(RoundedNow()),
            DurationMinutes = "60",
            Mode = nameof(SessionMode.InShop),
            AdvisorIds = viewer.Role == Core.Identity.Roles.Advisor ? [viewer.UserId] : [],
        };
        if (dossier is { } merchantId)
        {
            var file = await files.EditAsync(merchantId, cancellationToken);
            if (file.IsDenied) return file.Denied;
            var merchant = file.Merchant;
            form.MerchantIds = [merchantId];
            if (form.AdvisorIds.Count == 0 && merchant.AssignedAdvisorId is { } advisorId) form.AdvisorIds = [advisorId];
        }
        return View(await EditorAsync(form, null, null, cancellationToken));
    }

    [HttpPost("nouvelle")]
    [Audited(AuditAction.Change, AuditTarget.Session)]
    public async Task<IActionResult> Create(SessionForm form, CancellationToken cancellationToken)
    {
        var viewer = User.ToViewer();
        if (!await validator.ValidateIntoAsync(form, ModelState) | !await editor.CheckAsync(viewer, form, null, ModelState, cancellationToken))
            return View(await EditorAsync(form, null, null, cancellationToken));
        var result = await editor.CreateAsync(viewer, form, cancellationToken);
        TempData["Flash"] = "La séance est enregistrée.";
        return RedirectToAction(nameof(Details), new { id = result.SessionId });
    }

    [HttpGet("{id:int}")]
    [Audited(AuditAction.Read, AuditTarget.Session, "id")]
    public async Task<IActionResult> Details(int id, CancellationToken cancellationToken)
    {
        var viewer = User.ToViewer();
        var session = await editor.LoadAsync(id, viewer.ClubId, cancellationToken);
        if (session is null) return NotFound();
        if (!viewer.CanRead(session)) return NotFound();
        var snapshot = await editor.SnapshotAsync(session, cancellationToken);
        var revisions = await db.SessionRevisions.AsNoTracking().Where(r => r.SessionId == id)
            .OrderByDescending(r => r.RevisedAt).ThenByDescending(r => r.Id)
            .Select(r => new { r.RevisedAt, r.Summary, r.PreviousState, Name = r.RevisedBy != null ? r.RevisedBy.DisplayName : null })
            .ToListAsync(cancellationToken);
        return View(new SessionDetailsViewModel(session, snapshot, viewer.CanEdit(session),
            revisions.Select(r => new RevisionRow(r.RevisedAt, r.Summary, r.Name, SessionSnapshot.FromJson(r.PreviousState))).ToList(),
            clock.GetUtcNow(),
            session.Merchants.Where(m => m.Merchant is not null && viewer.CanRead(m.Merchant)).Select(m => m.MerchantId).ToHashSet()));
    }

    [HttpGet("{id:int}/modifier")]
    [Audited(AuditAction.Read, AuditTarget.Session, "id")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var (session, denied) = await FindEditableAsync(id, cancellationToken);
        if (denied is not null) return denied;
        return View(await EditorAsync(SessionForm.From(session!, db.VersionOf(session!)), session, null, cancellationToken));
    }

    [HttpPost("{id:int}/modifier")]
    [Audited(AuditAction.Change, AuditTarget.Session, "id")]
    public async Task<IActionResult> Edit(int id, SessionForm form, CancellationToken cancellationToken)
    {
        var (session, denied) = await FindEditableAsync(id, cancellationToken);
        if (denied is not null) return denied;
        var viewer = User.ToViewer();
        if (!await validator.ValidateIntoAsync(form, ModelState) | !await editor.CheckAsync(viewer, form, session, ModelState, cancellationToken))
            return View(await EditorAsync(form, session, null, cancellationToken));

        var result = await editor.UpdateAsync(viewer, session!, form, cancellationToken);
        if (result.Kind == SessionSaveKind.Conflict && result.Current is { } current)
        {
            ModelState.AddModelError("", "Cette séance a été modifiée par quelqu'un d'autre pendant que vous la modifiiez. " +
                "Vos saisies sont conservées ci-dessous ; la version enregistrée est affichée à côté. Vérifiez, puis enregistrez à nouveau pour garder vos valeurs.");
            var saved = await editor.SnapshotAsync(current, cancellationToken);
            var mine = await PreviewAsync(form, current, cancellationToken);
            ModelState.Remove(nameof(form.Version));
            form.Version = db.VersionOf(current);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View(await EditorAsync(form, current, new SessionConflict(mine, saved), cancellationToken));
        }
        TempData["Flash"] = "Les modifications de la séance sont enregistrées.";
        return RedirectToAction(nameof(Details), new { id });
    }

    /// <summary>The session's next appointment as an iCalendar file.</summary>
    [HttpGet("{id:int}/rendez-vous.ics")]
    [Audited(AuditAction.Export, AuditTarget.Session, "id")]
    public async Task<IActionResult> Appointment(int id, CancellationToken cancellationToken)
    {
        var viewer = User.ToViewer();
        var session = await editor.LoadAsync(id, viewer.ClubId, cancellationToken);
        if (session is null) return NotFound();
        if (!viewer.CanRead(session)) return NotFound();
        if (session.NextAppointmentAt is not { } next) return NotFound();

        var merchants = session.Merchants.Select(m => m.Merchant!).OrderBy(m => m.BusinessName).ToList();
        var advisors = string.Join(", ", session.Advisors.Select(a => a.Advisor?.DisplayName).Where(n => n is not null));
        var single = merchants.Count == 1 ? merchants[0] : null;
        var description = new StringBuilder();
        if (session.NextStep is { } step) description.Append("Prochaine étape : ").Append(step).Append('\n');
        if (single is not null) description.Append("Contact : ").Append(single.ContactName).Append(single.Phone is null ? "" : " – " + single.Phone).Append('\n');
        if (advisors.Length > 0) description.Append("Conseiller : ").Append(advisors).Append('\n');
        var invite = new AppointmentInvite(
            session.CalendarUid, session.CalendarSequence, next, session.DurationMinutes,
            "Rendez-vous d'accompagnement – " + string.Join(", ", merchants.Select(m => m.BusinessName)),
            description.ToString().TrimEnd('\n'),
            single is null ? null : $"{single.BusinessName}, {single.AddressLine}, {single.Postcode} {single.CommuneName}",
            clock.GetUtcNow());
        var fileName = $"rendez-vous-{next.ToParis():yyyy-MM-dd}.ics";
        return File(Encoding.UTF8.GetBytes(AppointmentCalendar.Write(invite)), AppointmentCalendar.ContentType + "; charset=utf-8", fileName);
    }

    private async Task<(CoachingSession? Session, IActionResult? Denied)> FindEditableAsync(int id, CancellationToken cancellationToken)
    {
        var viewer = User.ToViewer();
        var session = await editor.LoadAsync(id, viewer.ClubId, cancellationToken);
        if (session is null || !viewer.CanRead(session)) return (null, NotFound());
        return viewer.CanEdit(session) ? (session, null) : (null, Forbid());
    }

    private async Task<SessionEditorViewModel> EditorAsync(SessionForm form, CoachingSession? session, SessionConflict? conflict, CancellationToken cancellationToken)
    {
        var choices = await editor.ChoicesAsync(User.ToViewer(), form, session, cancellationToken);
        return new SessionEditorViewModel(form, session?.Id, choices, conflict);
    }

    /// <summary>What the loser of a conflict typed, described like a saved session (names, not ids).</summary>
    private async Task<SessionSnapshot> PreviewAsync(SessionForm form, CoachingSession current, CancellationToken cancellationToken)
    {
        var preview = new CoachingSession
        {
            ClubId = current.ClubId,
            StartsAt = ParisInput.TryParseDateTime(form.StartsAt, out var start, out _) ? start : current.StartsAt,
            DurationMinutes = form.Duration ?? 0,
            Mode = Enum.TryParse<SessionMode>(form.Mode, out var mode) ? mode : current.Mode,
            AxisCodes = CoachingSession.JoinAxisCodes(form.AxisCodes),
            Notes = form.Notes,
            NextStep = form.NextStep,
            NextAppointmentAt = ParisInput.TryParseDateTime(form.NextAppointmentAt, out var next, out _) ? next : null,
            Merchants = form.MerchantIds.Distinct().Select(id => new SessionMerchant { MerchantId = id }).ToList(),
            Advisors = form.AdvisorIds.Distinct().Select(id => new SessionAdvisor { AdvisorId = id }).ToList(),
            ProgressedItems = form.ProgressedItemIds.Distinct().Select(id => new SessionPlanItem { PlanItemId = id }).ToList(),
        };
        return await editor.SnapshotAsync(preview, cancellationToken);
    }

    /// <summary>Now, rounded down to the quarter hour: the default start of a session being logged.</summary>
    private DateTimeOffset RoundedNow()
    {
        var now = clock.GetUtcNow();
        return new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute / 15 * 15, 0, TimeSpan.Zero);
    }
}
