using Coaching.Core.Audit;
using Coaching.Web.Features.Audit;
using Coaching.Web.Hosting;
using System.Text;
using Coaching.Core.Actions;
using Coaching.Core.Data;
using Coaching.Core.Diagnostics.Radar;
using Coaching.Core.Merchants;
using Coaching.Core.Plans;
using Coaching.Core.Roadmaps;
using Coaching.Core.Sessions;
using Coaching.Core.Time;
using Coaching.Web.Features.Roadmaps;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Coaching.Web.French;

namespace Coaching.Web.Features.MySpace;

/// <summary>The merchant's own space: only ever the case file linked to the signed-in account (never an id from the URL).</summary>
[Authorize(Policy = Policies.Merchant)]
[Route("mon-espace")]
public sealed class MySpaceController(
    CoachingDbContext db,
    RoadmapSource roadmaps,
    MerchantPlanUpdates updates,
    IValidator<MarkDoneForm> validator,
    TimeProvider clock) : Controller
{
    [Route("")]
    [Audited(AuditAction.Read, AuditTarget.Merchant, AuditedAttribute.OwnMerchant)]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var merchant = await OwnAsync(cancellationToken);
        if (merchant is null) return NotFound();
        return View(await PageAsync(merchant, null, cancellationToken));
    }

    [HttpPost("actions/{itemId:int}/fait")]
    [Audited(AuditAction.Change, AuditTarget.Merchant, AuditedAttribute.OwnMerchant)]
    public async Task<IActionResult> MarkDone(int itemId, MarkDoneForm form, CancellationToken cancellationToken)
    {
        var merchant = await OwnAsync(cancellationToken);
        if (merchant is null) return NotFound();
        var owns = await db.ActionPlanItems.AnyAsync(i => i.Id == itemId && i.Plan!.MerchantId == merchant.Id, cancellationToken);
        if (!owns) return NotFound();
        var retry = new MarkDoneRetry(itemId, form.Comment);
        if (!await validator.ValidateIntoAsync(form, ModelState))
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(nameof(Index), await PageAsync(merchant, retry, cancellationToken));
        }

        var (outcome, title, before) = await updates.MarkDoneAsync(merchant.Id, itemId, form, User.ToViewer().UserId, cancellationToken);
        switch (outcome)
        {
            case MarkDoneOutcome.Done:
                // The confirmation goes next to the action (not at the top of the page), with « Annuler ».
                TempData[MarkedDoneKey] = $"{itemId}:{before}";
                return Redirect(Url.Action(nameof(Index))! + $"#fait-{itemId}");
            case MarkDoneOutcome.Conflict:
                ModelState.AddModelError("", $"« {title} » a été modifiée par votre conseiller pendant que vous consultiez la page : rien n'a été enregistré. " +
                    "L'état à jour est affiché ci-dessous ; votre commentaire est conservé, indiquez de nouveau que l'action est faite si c'est toujours le cas.");
                Response.StatusCode = StatusCodes.Status409Conflict;
                break;
            case MarkDoneOutcome.AlreadyClosed:
                ModelState.AddModelError("", $"« {title} » est déjà faite ou abandonnée : il n'y a rien à changer.");
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                break;
            default:
                return NotFound();
        }
        return View(nameof(Index), await PageAsync(merchant, retry, cancellationToken));
    }

    public const string MarkedDoneKey = "MarkedDone";

    [HttpPost("actions/{itemId:int}/annuler")]
    [Audited(AuditAction.Change, AuditTarget.Merchant, AuditedAttribute.OwnMerchant)]
    public async Task<IActionResult> UndoDone(int itemId, string? previous, string? version, CancellationToken cancellationToken)
    {
        var merchant = await OwnAsync(cancellationToken);
        if (merchant is null) return NotFound();
        var (outcome, title) = await updates.UndoDoneAsync(merchant.Id, itemId, previous, version, User.ToViewer().UserId, cancellationToken);
        if (outcome == MarkDoneOutcome.NotFound) return NotFound();
        if (outcome == MarkDoneOutcome.Done)
        {
            TempData[MarkedDoneKey] = $"{itemId}:undone";
            return Redirect(Url.Action(nameof(Index))! + $"#fait-{itemId}");
        }
        ModelState.AddModelError("", outcome == MarkDoneOutcome.Conflict
            ? $"« {title} » a été modifiée par votre conseiller entre-temps : rien n'a été annulé. L'état à jour est affiché ci-dessous."
            : $"« {title} » ne peut plus être remise à faire d'ici : demandez-le à votre conseiller.");
        Response.StatusCode = outcome == MarkDoneOutcome.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
        return View(nameof(Index), await PageAsync(merchant, null, cancellationToken));
    }

    [HttpGet("feuilles-de-route/{roadmapId:int}")]
    [Audited(AuditAction.Export, AuditTarget.Roadmap, "roadmapId")]
    public async Task<IActionResult> Roadmap(int roadmapId, CancellationToken cancellationToken)
    {
        var merchantId = User.ToViewer().MerchantId;
        var roadmap = await db.IssuedRoadmaps.AsNoTracking()
            .Where(r => r.Id == roadmapId && r.MerchantId == merchantId)
            .Select(r => new { r.Number, r.Content, r.IssuedAt, r.Merchant!.BusinessName })
            .SingleOrDefaultAsync(cancellationToken);
        if (roadmap is null) return NotFound();
        return File(roadmap.Content, RoadmapsController.PdfType, Core.Roadmaps.RoadmapFileName.For(roadmap.BusinessName, roadmap.IssuedAt, roadmap.Number));
    }

    /// <summary>The next appointment as an iCalendar file; same UID as the advisor's, so that calendars keep one copy.</summary>
    [HttpGet("rendez-vous.ics")]
    [Audited(AuditAction.Export, AuditTarget.Merchant, AuditedAttribute.OwnMerchant)]
    public async Task<IActionResult> Appointment(CancellationToken cancellationToken)
    {
        var merchant = await OwnAsync(cancellationToken);
        if (merchant is null) return NotFound();
        var next = await roadmaps.NextAppointmentAsync(merchant.Id, cancellationToken);
        if (next is null) return NotFound();
        var session = await db.CoachingSessions.AsNoTracking().SingleAsync(s => s.Id == next.SessionId, cancellationToken);
        var description = new StringBuilder();
        if (session.NextStep is { } step) description.Append("Prochaine étape : ").Append(step).Append('\n');
        if (merchant.AssignedAdvisor is { } advisor)
            description.Append("Votre conseiller : ").Append(advisor.DisplayName).Append(advisor.Email is null ? "" : " – " + advisor.Email);
        var invite = new AppointmentInvite(session.CalendarUid, session.CalendarSequence, next.At, next.DurationMinutes,
            "Rendez-vous d'accompagnement numérique – " + merchant.BusinessName,
            description.ToString().TrimEnd('\n'),
            $"{merchant.BusinessName}, {merchant.AddressLine}, {merchant.Postcode} {merchant.CommuneName}",
            clock.GetUtcNow());
        return File(Encoding.UTF8.GetBytes(AppointmentCalendar.Write(invite)), AppointmentCalendar.ContentType + "; charset=utf-8",
            $"rendez-vous-{next.At.ToParis():yyyy-MM-dd}.ics");
    }

    private async Task<Merchant?> OwnAsync(CancellationToken cancellationToken)
    {
        var viewer = User.ToViewer();
        if (viewer.MerchantId is null) return null;
        return await db.Merchants.AsNoTracking().Include(m => m.AssignedAdvisor)
            .SingleOrDefaultAsync(m => m.Id == viewer.MerchantId && m.ClubId == viewer.ClubId, cancellationToken);
    }

    private async Task<MySpaceViewModel> PageAsync(Merchant merchant, MarkDoneRetry? retry, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var data = await roadmaps.LoadAsync(merchant, cancellationToken);
        var latest = data.LatestDiagnostic;
        var first = data.FirstDiagnostic is { } f && latest is not null && f.CompletedAt < latest.CompletedAt ? f : null;
        var axes = latest is null ? [] : latest.Axes
            .Select(a => new MyAxisRow(a.Title, first?.Axes.FirstOrDefault(x => x.Code == a.Code)?.Score, a.Score, RoadmapDocument.LevelOf(data.Levels, a.Score)))
            .ToList();
        string? radar = null;
        if (latest is not null && axes.Count >= 3)
        {
            var series = new List<RadarSeries> { new($"Dernier diagnostic ({latest.CompletedAt.ToParisDate()})", axes.Select(a => a.Latest).ToList()) };
            if (first is not null) series.Add(new RadarSeries($"Premier diagnostic ({first.CompletedAt.ToParisDate()})", axes.Select(a => a.First).ToList()));
            radar = SvgRadarRenderer.Render(RadarGeometry.Compute(axes.Select(a => a.Title).ToList(), series),
                "Vos scores par axe, sur 100 : " + string.Join(", ", series.Select(s => s.Name)), "radar-mon-espace");
        }

        var today = clock.TodayInParis();
        var catalogue = await db.CatalogActions.AsNoTracking().Select(a => new { a.Code, a.Title, a.AxisCode }).ToDictionaryAsync(a => a.Code, cancellationToken);
        var axisTitles = (latest?.Axes ?? []).Concat(first?.Axes ?? []).GroupBy(a => a.Code).ToDictionary(g => g.Key, g => g.First().Title);
        var items = await db.ActionPlanItems.AsNoTracking().Where(i => i.Plan!.MerchantId == merchant.Id)
            .OrderBy(i => i.Position).ThenBy(i => i.Id).ToListAsync(cancellationToken);
        var plan = items.Select(i =>
        {
            var action = catalogue.GetValueOrDefault(i.ActionCode);
            return new MyPlanItem(i.Id, i.Position, action?.Title ?? ActionCodes.TitleOf(i.ActionCode),
                action is null ? null : axisTitles.GetValueOrDefault(action.AxisCode), i.Owner, i.DueDate, i.Status, i.ProgressNotes, db.VersionOf(i), i.IsOverdue(today));
        }).ToList();

        var issued = await db.IssuedRoadmaps.AsNoTracking().Where(r => r.MerchantId == merchant.Id)
            .OrderByDescending(r => r.Number)
            .Select(r => new MyRoadmapRow(r.Id, r.Number, r.IssuedAt, r.PageCount))
            .ToListAsync(cancellationToken);
        return new MySpaceViewModel(merchant, latest, first, axes, radar, plan,
            await roadmaps.NextAppointmentAsync(merchant.Id, cancellationToken), issued, retry);
    }
}
