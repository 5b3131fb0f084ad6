using Coaching.Core.Actions;
using Coaching.Core.Data;
using Coaching.Core.Diagnostics.Questionnaires;
using Coaching.Core.Merchants;
using Coaching.Core.Plans;
using Coaching.Core.Sessions;
using Coaching.Web.Features.Merchants;
using Coaching.Web.Features.Plans;
using Coaching.Web.Features.Shared;
using Coaching.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace Coaching.Web.Features.Sessions;

public sealed record AxisChoice(string Code, string Title);

public sealed record PlanItemChoice(int Id, int MerchantId, string MerchantName, string Title, PlanItemStatus Status);

/// <summary>The lists a session form offers.</summary>
public sealed record SessionChoices(
    IReadOnlyList<OptionItem> Merchants,
    IReadOnlyList<OptionItem> Advisors,
    IReadOnlyList<AxisChoice> Axes,
    IReadOnlyList<PlanItemChoice> PlanItems);

public enum SessionSaveKind
{
    Saved,
    Invalid,
    Conflict,
}

public sealed record SessionSaveResult(SessionSaveKind Kind, int SessionId = 0, CoachingSession? Current = null);

/// <summary>Creates and edits coaching sessions: the checks that need the database, revisions, timeline entries and plan progress.</summary>
public sealed class SessionEditor(CoachingDbContext db, StaffDirectory staff, PlanEditor plans, TimeProvider clock)
{
    public const string OtherMerchantsAction =
        "Cette action appartient au plan d'un autre commerçant : ne cochez que des actions du plan des commerçants de la séance.";

    public Task<CoachingSession?> LoadAsync(int id, int clubId, CancellationToken cancellationToken) =>
        db.CoachingSessions
            .Include(s => s.Merchants).ThenInclude(m => m.Merchant)
            .Include(s => s.Advisors).ThenInclude(a => a.Advisor)
            .Include(s => s.ProgressedItems)
            .AsSplitQuery()
            .SingleOrDefaultAsync(s => s.Id == id && s.ClubId == clubId, cancellationToken);

    /// <summary>Readable by the club's managers, its advisors (a co-advisor reads the session they ran, nothing else of the file: see the README) and whoever may read one of its merchants.</summary>
    public static bool CanRead(Viewer viewer, CoachingSession session) =>
        viewer.IsStaff && session.ClubId == viewer.ClubId &&
        (viewer.ManagesClub || session.Advisors.Any(a => a.AdvisorId == viewer.UserId) ||
         session.Merchants.Any(m => m.Merchant is not null && viewer.CanRead(m.Merchant)));

    /// <summary>Editable by the club's managers, its advisors who may edit one of its merchants (a co-advisor whose caseload holds none reads only), and whoever may edit all its merchants.</summary>
    public static bool CanEdit(Viewer viewer, CoachingSession session) =>
        viewer.IsStaff && session.ClubId == viewer.ClubId && (viewer.ManagesClub ||
         (session.Advisors.Any(a => a.AdvisorId == viewer.UserId) && session.Merchants.Any(m => m.Merchant is not null && viewer.CanEdit(m.Merchant))) ||
         (session.Merchants.Count > 0 && session.Merchants.All(m => m.Merchant is not null && viewer.CanEdit(m.Merchant))));

    public async Task<SessionChoices> ChoicesAsync(Viewer viewer, SessionForm form, CoachingSession? session, CancellationToken cancellationToken)
    {
        var kept = session?.Merchants.Select(m => m.MerchantId).ToList() ?? [];
        var manages = viewer.ManagesClub;
        var merchants = await db.Merchants.AsNoTracking()
            .Where(m => m.ClubId == viewer.ClubId && (manages || m.AssignedAdvisorId == viewer.UserId || kept.Contains(m.Id)))
            .OrderBy(m => m.BusinessName)
            .Select(m => new OptionItem(m.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), m.BusinessName + " (" + m.CommuneName + ")"))
            .ToListAsync(cancellationToken);

        var advisors = (await staff.AdvisorsAsync(viewer.ClubId, cancellationToken)).Select(a => new OptionItem(a.Id, a.DisplayName)).ToList();
        foreach (var advisor in session?.Advisors ?? [])
        {
            if (advisors.All(a => a.Value != advisor.AdvisorId))
                advisors.Add(new OptionItem(advisor.AdvisorId, advisor.Advisor?.DisplayName ?? "Conseiller inactif"));
        }

        var axes = await AxesAsync(cancellationToken);
        foreach (var code in (session?.AxisCodeList ?? []).Concat(form.AxisCodes).Distinct(StringComparer.Ordinal))
        {
            if (axes.All(a => a.Code != code) && session?.AxisCodeList.Contains(code) == true) axes.Add(new AxisChoice(code, code));
        }

        var selected = form.MerchantIds.Distinct().ToList();
        var linked = session?.ProgressedItems.Select(p => p.PlanItemId).ToList() ?? [];
        var items = await db.ActionPlanItems.AsNoTracking()
            .Where(i => selected.Contains(i.Plan!.MerchantId) && (i.Status == PlanItemStatus.ToDo || i.Status == PlanItemStatus.InProgress || linked.Contains(i.Id)))
            .OrderBy(i => i.Plan!.Merchant!.BusinessName).ThenBy(i => i.Position)
            .Select(i => new { i.Id, i.Plan!.MerchantId, i.Plan.Merchant!.BusinessName, i.ActionCode, i.Status })
            .ToListAsync(cancellationToken);
        var titles = await db.CatalogActions.AsNoTracking().ToDictionaryAsync(a => a.Code, a => a.Title, cancellationToken);
        var planItems = items.Select(i => new PlanItemChoice(i.Id, i.MerchantId, i.BusinessName, titles.GetValueOrDefault(i.ActionCode) ?? ActionCodes.TitleOf(i.ActionCode), i.Status)).ToList();
        return new SessionChoices(merchants, advisors, axes, planItems);
    }

    /// <summary>The axes of the latest published questionnaire; empty when none is published.</summary>
    public async Task<List<AxisChoice>> AxesAsync(CancellationToken cancellationToken)
    {
        var questionnaireId = await db.Questionnaires.AsNoTracking()
            .Where(q => q.Status == QuestionnaireStatus.Published)
            .OrderByDescending(q => q.PublishedAt).ThenByDescending(q => q.Version).ThenByDescending(q => q.Id)
            .Select(q => (int?)q.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (questionnaireId is null) return [];
        return await db.QuestionnaireAxes.AsNoTracking()
            .Where(a => a.QuestionnaireId == questionnaireId)
            .OrderBy(a => a.Position)
            .Select(a => new AxisChoice(a.Code, a.Title))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The checks that need the database; French messages go next to the fields.</summary>
    public async Task<bool> CheckAsync(Viewer viewer, SessionForm form, CoachingSession? session, ModelStateDictionary modelState, CancellationToken cancellationToken)
    {
        var valid = true;
        var ids = form.MerchantIds.Distinct().ToList();
        var merchants = await db.Merchants.AsNoTracking().Where(m => ids.Contains(m.Id) && m.ClubId == viewer.ClubId).ToListAsync(cancellationToken);
        var kept = session?.Merchants.Select(m => m.MerchantId).ToHashSet() ?? [];
        if (merchants.Count != ids.Count)
        {
            AddError(modelState, nameof(form.MerchantIds), "Choisissez les commerçants dans la liste.");
            valid = false;
        }
        else if (merchants.FirstOrDefault(m => !kept.Contains(m.Id) && !viewer.CanEdit(m)) is { } foreign)
        {
            AddError(modelState, nameof(form.MerchantIds), $"Vous ne pouvez pas ajouter « {foreign.BusinessName} » : ce dossier n'est pas dans votre portefeuille.");
            valid = false;
        }

        var advisors = (await staff.AdvisorsAsync(viewer.ClubId, cancellationToken)).Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        var keptAdvisors = session?.Advisors.Select(a => a.AdvisorId).ToHashSet(StringComparer.Ordinal) ?? [];
        if (form.AdvisorIds.Any(a => !advisors.Contains(a) && !keptAdvisors.Contains(a)))
        {
            AddError(modelState, nameof(form.AdvisorIds), "Choisissez les conseillers dans la liste des conseillers du club.");
            valid = false;
        }

        var axes = (await AxesAsync(cancellationToken)).Select(a => a.Code).Concat(session?.AxisCodeList ?? []).ToHashSet(StringComparer.Ordinal);
        if (form.AxisCodes.Any(c => !axes.Contains(c)))
        {
            AddError(modelState, nameof(form.AxisCodes), "Choisissez les axes travaillés dans la liste.");
            valid = false;
        }

        var itemIds = form.ProgressedItemIds.Distinct().ToList();
        if (itemIds.Count > 0)
        {
            var owners = await db.ActionPlanItems.AsNoTracking().Where(i => itemIds.Contains(i.Id))
                .Select(i => new { i.Id, i.Plan!.MerchantId }).ToListAsync(cancellationToken);
            if (owners.Count != itemIds.Count || owners.Any(o => !ids.Contains(o.MerchantId)))
            {
                AddError(modelState, nameof(form.ProgressedItemIds), OtherMerchantsAction);
                valid = false;
            }
        }
        return valid;
    }

    public async Task<SessionSaveResult> CreateAsync(Viewer viewer, SessionForm form, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var session = new CoachingSession { ClubId = viewer.ClubId, CreatedAt = now, CreatedById = viewer.UserId };
        Apply(form, session, now, viewer.UserId);
        db.CoachingSessions.Add(session);
        var names = await MerchantNamesAsync(form.MerchantIds, cancellationToken);
        var summary = $"{session.Mode.Label()} le {session.StartsAt.ToParisDateTime()} ({SessionLabels.Duration(session.DurationMinutes)})" +
            (names.Count > 1 ? $", avec {string.Join(", ", names.Values)}" : "") +
            (session.NextAppointmentAt is { } next ? $". Prochain rendez-vous : {next.ToParisDateTime()}." : ".");
        foreach (var merchantId in names.Keys)
            db.CaseEvents.Add(new CaseEvent { MerchantId = merchantId, OccurredAt = now, Kind = CaseEventKind.SessionRecorded, ActorId = viewer.UserId, Summary = "Séance enregistrée : " + summary });
        await ProgressAsync(session, [], form.ProgressedItemIds, viewer.UserId, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new SessionSaveResult(SessionSaveKind.Saved, session.Id);
    }

    /// <summary>Saves an edit under the session's concurrency token, keeping the previous state as a revision.</summary>
    public async Task<SessionSaveResult> UpdateAsync(Viewer viewer, CoachingSession session, SessionForm form, CancellationToken cancellationToken)
    {
        if (!db.IsVersion(session, form.Version)) return new SessionSaveResult(SessionSaveKind.Conflict, session.Id, session);
        var now = clock.GetUtcNow();
        var before = await SnapshotAsync(session, cancellationToken);
        var previousItems = session.ProgressedItems.Select(p => p.PlanItemId).ToList();
        var previousMerchants = session.Merchants.Select(m => m.MerchantId).ToList();
        var previousAppointment = session.NextAppointmentAt;

        Apply(form, session, now, viewer.UserId);
        var after = await SnapshotAsync(session, cancellationToken);
        var changes = SessionSnapshot.Differences(before, after);
        if (changes.Count == 0) return new SessionSaveResult(SessionSaveKind.Saved, session.Id);

        if (previousAppointment != session.NextAppointmentAt) session.CalendarSequence++;
        var summary = "Modifié : " + string.Join(", ", changes) + ".";
        session.Revisions.Add(new SessionRevision { RevisedAt = now, RevisedById = viewer.UserId, Summary = summary, PreviousState = before.ToJson() });
        foreach (var merchantId in previousMerchants.Union(form.MerchantIds).Distinct())
        {
            db.CaseEvents.Add(new CaseEvent
            {
                MerchantId = merchantId, OccurredAt = now, Kind = CaseEventKind.SessionUpdated, ActorId = viewer.UserId,
                Summary = $"Séance du {session.StartsAt.ToParisDateTime()} – {summary}",
            });
        }
        await ProgressAsync(session, previousItems, form.ProgressedItemIds, viewer.UserId, now, cancellationToken);
        db.ExpectVersion(session, form.Version);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await LoadAsync(session.Id, session.ClubId, cancellationToken);
            return new SessionSaveResult(SessionSaveKind.Conflict, session.Id, current);
        }
        return new SessionSaveResult(SessionSaveKind.Saved, session.Id);
    }

    /// <summary>A readable copy of a session, with names rather than ids.</summary>
    public async Task<SessionSnapshot> SnapshotAsync(CoachingSession session, CancellationToken cancellationToken)
    {
        var merchantIds = session.Merchants.Select(m => m.MerchantId).ToList();
        var merchants = await MerchantNamesAsync(merchantIds, cancellationToken);
        var advisorIds = session.Advisors.Select(a => a.AdvisorId).ToList();
        var advisors = await db.Users.AsNoTracking().Where(u => advisorIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var itemIds = session.ProgressedItems.Select(p => p.PlanItemId).ToList();
        var items = await db.ActionPlanItems.AsNoTracking().Where(i => itemIds.Contains(i.Id))
            .Select(i => new { i.Plan!.Merchant!.BusinessName, i.ActionCode }).ToListAsync(cancellationToken);
        var axes = (await AxesAsync(cancellationToken)).ToDictionary(a => a.Code, a => a.Title, StringComparer.Ordinal);
        return new SessionSnapshot(
            session.StartsAt, session.DurationMinutes, session.Mode,
            merchantIds.Select(id => merchants.GetValueOrDefault(id) ?? $"Dossier {id}").Order(StringComparer.Ordinal).ToList(),
            advisorIds.Select(id => advisors.GetValueOrDefault(id) ?? "Conseiller supprimé").Order(StringComparer.Ordinal).ToList(),
            session.AxisCodeList.Select(c => axes.GetValueOrDefault(c) ?? c).ToList(),
            session.Notes,
            items.Select(i => $"{i.BusinessName} : {ActionCodes.TitleOf(i.ActionCode)}").Order(StringComparer.Ordinal).ToList(),
            session.NextStep, session.NextAppointmentAt);
    }

    private async Task<Dictionary<int, string>> MerchantNamesAsync(IEnumerable<int> ids, CancellationToken cancellationToken)
    {
        var list = ids.Distinct().ToList();
        return await db.Merchants.AsNoTracking().Where(m => list.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.BusinessName, cancellationToken);
    }

    private static void Apply(SessionForm form, CoachingSession session, DateTimeOffset now, string actorId)
    {
        ParisInput.TryParseDateTime(form.StartsAt, out var startsAt, out _);
        session.StartsAt = startsAt;
        session.DurationMinutes = form.Duration!.Value;
        session.Mode = Enum.Parse<SessionMode>(form.Mode!);
        session.AxisCodes = CoachingSession.JoinAxisCodes(form.AxisCodes);
        session.Notes = Blank(form.Notes);
        session.NextStep = Blank(form.NextStep);
        session.NextAppointmentAt = ParisInput.TryParseDateTime(form.NextAppointmentAt, out var next, out _) ? next : null;
        session.UpdatedAt = now;
        session.UpdatedById = actorId;

        var merchantIds = form.MerchantIds.Distinct().ToList();
        session.Merchants.RemoveAll(m => !merchantIds.Contains(m.MerchantId));
        foreach (var id in merchantIds.Where(id => session.Merchants.All(m => m.MerchantId != id)))
            session.Merchants.Add(new SessionMerchant { MerchantId = id });

        var advisorIds = form.AdvisorIds.Distinct(StringComparer.Ordinal).ToList();
        session.Advisors.RemoveAll(a => !advisorIds.Contains(a.AdvisorId));
        foreach (var id in advisorIds.Where(id => session.Advisors.All(a => a.AdvisorId != id)))
            session.Advisors.Add(new SessionAdvisor { AdvisorId = id });

        var itemIds = form.ProgressedItemIds.Distinct().ToList();
        session.ProgressedItems.RemoveAll(p => !itemIds.Contains(p.PlanItemId));
        foreach (var id in itemIds.Where(id => session.ProgressedItems.All(p => p.PlanItemId != id)))
            session.ProgressedItems.Add(new SessionPlanItem { PlanItemId = id });
    }

    /// <summary>Actions newly moved forward by a session: « à faire » becomes « en cours », and the plan history says so.</summary>
    private async Task ProgressAsync(CoachingSession session, IReadOnlyCollection<int> before, IEnumerable<int> after, string actorId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var fresh = after.Distinct().Where(id => !before.Contains(id)).ToList();
        if (fresh.Count == 0) return;
        var items = await db.ActionPlanItems.Include(i => i.Plan).Where(i => fresh.Contains(i.Id)).ToListAsync(cancellationToken);
        foreach (var item in items)
        {
            var title = ActionCodes.TitleOf(item.ActionCode);
            var started = item.Status == PlanItemStatus.ToDo;
            if (started)
            {
                item.Status = PlanItemStatus.InProgress;
                item.UpdatedAt = now;
            }
            var summary = $"« {title} » avancée lors de la séance du {session.StartsAt.ToParisDateTime()}" + (started ? " (passe à « en cours »)." : ".");
            plans.Record(item.Plan!, item.Plan!.MerchantId, item, summary, CaseEventKind.ActionProgress, actorId, now);
        }
    }

    private static void AddError(ModelStateDictionary modelState, string key, string message)
    {
        if (!modelState.TryGetValue(key, out var entry) || entry.Errors.Count == 0) modelState.AddModelError(key, message);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
