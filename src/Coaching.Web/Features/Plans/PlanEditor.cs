using Coaching.Core.Actions;
using Coaching.Core.Data;
using Coaching.Core.Diagnostics.Assessments;
using Coaching.Core.Diagnostics.Questionnaires;
using Coaching.Core.Diagnostics.Scoring;
using Coaching.Core.Merchants;
using Coaching.Core.Plans;
using Coaching.Web.Commands;
using Coaching.Web.Demo;
using Coaching.Web.French;
using Microsoft.EntityFrameworkCore;

namespace Coaching.Web.Features.Plans;

public enum PlanOutcomeKind
{
    Done,
    Conflict,
    Refused,
}

/// <summary>What a change to a plan came to: done, lost to someone else's change, or refused with a French message.</summary>
public sealed record PlanChangeResult(PlanOutcomeKind Kind, string Message)
{
    public static PlanChangeResult Ok(string message) => new(PlanOutcomeKind.Done, message);
    public static PlanChangeResult Refuse(string message) => new(PlanOutcomeKind.Refused, message);
    public static readonly PlanChangeResult Conflict = new(PlanOutcomeKind.Conflict,
        "Le plan a été modifié par quelqu'un d'autre pendant que vous le consultiez : votre demande n'a pas été appliquée. " +
        "Le plan à jour est affiché ci-dessous ; refaites votre demande si elle est toujours utile.");
}

/// <summary>The latest completed diagnostic and the actions its rules suggest, ranked, minus those already in the plan.</summary>
public sealed record PlanProposal(int AssessmentId, DateTimeOffset CompletedAt, double? OverallScore, IReadOnlyList<RankedAction> Actions, int AlreadyInPlan);

/// <summary>Axis changes between the first and the latest completed diagnostic, with the done actions of each axis.</summary>
public sealed record PlanOutcomeView(DateTimeOffset FirstAt, DateTimeOffset LatestAt, IReadOnlyList<AxisOutcome> Axes);

/// <summary>Every change of an action plan goes through here, so that each one is recorded in the plan history and on the timeline.</summary>
public sealed class PlanEditor(CoachingDbContext db, TimeProvider clock)
{
    public Task<ActionPlan?> FindAsync(int merchantId, CancellationToken cancellationToken) =>
        db.ActionPlans.Include(p => p.Items).SingleOrDefaultAsync(p => p.MerchantId == merchantId, cancellationToken);

    public async Task<IReadOnlyList<CatalogAction>> CatalogueAsync(CancellationToken cancellationToken)
    {
        var actions = await db.CatalogActions.AsNoTracking().ToListAsync(cancellationToken);
        var order = ActionCodes.All.Select((a, i) => (a.Code, i)).ToDictionary(x => x.Code, x => x.i, StringComparer.Ordinal);
        return actions.OrderBy(a => order.GetValueOrDefault(a.Code, int.MaxValue)).ThenBy(a => a.Code, StringComparer.Ordinal).ToList();
    }

    /// <summary>Null when the merchant has no completed diagnostic.</summary>
    public async Task<PlanProposal?> ProposeAsync(int merchantId, CancellationToken cancellationToken)
    {
        var assessment = await db.Assessments.AsNoTracking()
            .Include(a => a.Answers).Include(a => a.AxisScores)
            .Where(a => a.MerchantId == merchantId && a.Status == AssessmentStatus.Completed && a.CompletedAt != null)
            .OrderByDescending(a => a.CompletedAt).ThenByDescending(a => a.Id)
            .AsSplitQuery()
            .FirstOrDefaultAsync(cancellationToken);
        if (assessment is null) return null;

        var questionnaire = await db.Questionnaires.AsNoTracking()
            .Include(q => q.Axes).ThenInclude(a => a.Questions).ThenInclude(q => q.Options)
            .Include(q => q.Rules).Include(q => q.Levels)
            .AsSplitQuery()
            .SingleAsync(q => q.Id == assessment.QuestionnaireId, cancellationToken);

        // The frozen scores of the completed diagnostic are authoritative: rules read them, nothing is recomputed.
        var ranked = PlanRanking.RankCompleted(assessment, questionnaire, await CatalogueAsync(cancellationToken));

        var inPlan = await db.ActionPlanItems.Where(i => i.Plan!.MerchantId == merchantId).Select(i => i.ActionCode).ToListAsync(cancellationToken);
        var fresh = ranked.Where(r => !inPlan.Contains(r.ActionCode)).ToList();
        return new PlanProposal(assessment.Id, assessment.CompletedAt!.Value, assessment.OverallScore, fresh, ranked.Count - fresh.Count);
    }

    /// <summary>Adds the accepted proposed actions after the existing ones, in ranking order.</summary>
    public async Task<PlanChangeResult> AcceptAsync(Merchant merchant, IReadOnlyCollection<string> codes, string? planVersion, string actorId, CancellationToken cancellationToken)
    {
        var proposal = await ProposeAsync(merchant.Id, cancellationToken);
        if (proposal is null) return PlanChangeResult.Refuse("Ce commerçant n'a aucun diagnostic terminé : il n'y a rien à proposer.");
        if (codes.Count == 0) return PlanChangeResult.Refuse("Cochez au moins une action à ajouter au plan.");
        var unknown = codes.Where(c => proposal.Actions.All(a => a.ActionCode != c)).ToList();
        if (unknown.Count > 0)
            return PlanChangeResult.Refuse("Certaines actions cochées ne font plus partie de la proposition (déjà dans le plan ou inconnues). Vérifiez la liste ci-dessous.");

        return await ChangeAsync(merchant.Id, planVersion, actorId, cancellationToken, (plan, now) =>
        {
            var position = plan.Items.Count == 0 ? 0 : plan.Items.Max(i => i.Position);
            var chosen = proposal.Actions.Where(a => codes.Contains(a.ActionCode)).ToList();
            foreach (var action in chosen)
            {
                plan.Items.Add(new ActionPlanItem
                {
                    ActionCode = action.ActionCode, Position = ++position, Status = PlanItemStatus.ToDo, Owner = PlanItemOwner.Merchant,
                    Reason = Truncate(action.Reason, ActionPlanItem.ReasonLength), RankScore = action.DisplayedScore, CreatedAt = now, UpdatedAt = now,
                });
            }
            plan.ProposedFromAssessmentId = proposal.AssessmentId;
            var titles = string.Join(" ; ", chosen.Select(a => $"« {a.Title} »"));
            return (chosen.Count == 1 ? "1 action proposée par le diagnostic ajoutée au plan : " : $"{chosen.Count} actions proposées par le diagnostic ajoutées au plan : ") + titles + ".";
        }, CaseEventKind.PlanProposed);
    }

    public async Task<PlanChangeResult> AddAsync(Merchant merchant, string? code, string? planVersion, string actorId, CancellationToken cancellationToken)
    {
        var action = code is null ? null : await db.CatalogActions.AsNoTracking().SingleOrDefaultAsync(a => a.Code == code, cancellationToken);
        if (action is null) return PlanChangeResult.Refuse("Choisissez une action du catalogue dans la liste.");
        return await ChangeAsync(merchant.Id, planVersion, actorId, cancellationToken, (plan, now) =>
        {
            if (plan.Items.Any(i => i.ActionCode == action.Code && i.IsOpen))
                throw new PlanRefusal($"« {action.Title} » est déjà dans le plan.");
            plan.Items.Add(new ActionPlanItem
            {
                ActionCode = action.Code, Position = plan.Items.Count == 0 ? 1 : plan.Items.Max(i => i.Position) + 1,
                Status = PlanItemStatus.ToDo, Owner = PlanItemOwner.Merchant, CreatedAt = now, UpdatedAt = now,
            });
            return $"Action ajoutée au plan : « {action.Title} ».";
        });
    }

    public async Task<PlanChangeResult> RemoveAsync(Merchant merchant, int itemId, string? planVersion, string actorId, CancellationToken cancellationToken) =>
        await ChangeAsync(merchant.Id, planVersion, actorId, cancellationToken, (plan, _) =>
        {
            var item = plan.Items.SingleOrDefault(i => i.Id == itemId) ?? throw new PlanRefusal(NotInPlan);
            plan.Items.Remove(item);
            db.ActionPlanItems.Remove(item);
            plan.Renumber();
            return $"Action retirée du plan : « {ActionCodes.TitleOf(item.ActionCode)} » (elle était {item.Status.Label().ToLowerInvariant()}).";
        });

    /// <summary>Moves an action to a 1-based position; an impossible position is refused with a French message.</summary>
    public async Task<PlanChangeResult> MoveAsync(Merchant merchant, int itemId, string? direction, int? position, string? planVersion, string actorId, CancellationToken cancellationToken) =>
        await ChangeAsync(merchant.Id, planVersion, actorId, cancellationToken, (plan, _) =>
        {
            var ordered = plan.OrderedItems.ToList();
            var item = ordered.SingleOrDefault(i => i.Id == itemId) ?? throw new PlanRefusal(NotInPlan);
            var title = ActionCodes.TitleOf(item.ActionCode);
            var current = ordered.IndexOf(item) + 1;
            var target = direction switch
            {
                "haut" => current == 1 ? throw new PlanRefusal($"« {title} » est déjà en tête du plan : elle ne peut pas monter plus haut.") : current - 1,
                "bas" => current == ordered.Count ? throw new PlanRefusal($"« {title} » est déjà en dernière position : elle ne peut pas descendre plus bas.") : current + 1,
                null or "" when position is { } p => p,
                _ => throw new PlanRefusal("Indiquez la position où placer l'action."),
            };
            if (target < 1 || target > ordered.Count)
                throw new PlanRefusal($"Position impossible : choisissez une position entre 1 et {ordered.Count}.");
            if (target == current) throw new PlanRefusal($"« {title} » est déjà en position {current}.");
            ordered.Remove(item);
            ordered.Insert(target - 1, item);
            for (var i = 0; i < ordered.Count; i++) ordered[i].Position = i + 1;
            return $"« {title} » déplacée de la position {current} à la position {target}.";
        });

    /// <summary>Records a change in the plan history and on the case-file timeline.</summary>
    public void Record(ActionPlan plan, int merchantId, ActionPlanItem? item, string summary, CaseEventKind kind, string? actorId, DateTimeOffset now)
    {
        plan.Changes.Add(new ActionPlanChange
        {
            PlanId = plan.Id, ItemId = item?.Id is > 0 ? item.Id : null, ActionCode = item?.ActionCode,
            OccurredAt = now, ActorId = actorId, Summary = Truncate(summary, 2000),
        });
        db.CaseEvents.Add(Timeline.Entry(kind, summary, actorId, now, merchantId));
    }

    public async Task<PlanOutcomeView?> OutcomeAsync(int merchantId, CancellationToken cancellationToken)
    {
        var completed = await db.Assessments.AsNoTracking()
            .Include(a => a.AxisScores)
            .Where(a => a.MerchantId == merchantId && a.Status == AssessmentStatus.Completed && a.CompletedAt != null)
            .OrderBy(a => a.CompletedAt).ThenBy(a => a.Id)
            .ToListAsync(cancellationToken);
        if (completed.Count < 2) return null;
        var first = completed[0];
        var latest = completed[^1];

        var axes = latest.AxisScores.OrderBy(s => s.Position)
            .Select(s => new AxisComparison(s.AxisCode, s.AxisTitle, first.AxisScores.FirstOrDefault(f => f.AxisCode == s.AxisCode)?.Score, s.Score))
            .Concat(first.AxisScores.Where(f => latest.AxisScores.All(l => l.AxisCode != f.AxisCode)).OrderBy(f => f.Position)
                .Select(f => new AxisComparison(f.AxisCode, f.AxisTitle, f.Score, null)))
            .ToList();

        var catalogue = (await CatalogueAsync(cancellationToken)).ToDictionary(a => a.Code, StringComparer.Ordinal);
        var done = await db.ActionPlanItems.AsNoTracking()
            .Where(i => i.Plan!.MerchantId == merchantId && i.Status == PlanItemStatus.Done)
            .Select(i => new { i.ActionCode, i.CompletedAt })
            .ToListAsync(cancellationToken);
        var doneActions = done.Select(d => new DoneAction(d.ActionCode,
            catalogue.TryGetValue(d.ActionCode, out var a) ? a.Title : ActionCodes.TitleOf(d.ActionCode),
            a?.AxisCode ?? "", d.CompletedAt)).ToList();
        return new PlanOutcomeView(first.CompletedAt!.Value, latest.CompletedAt!.Value, PlanOutcome.Compare(axes, doneActions, latest.CompletedAt.Value));
    }

    /// <summary>Saves the details of one action under its own concurrency token; null result item when it no longer exists.</summary>
    public async Task<(PlanChangeResult Result, ActionPlanItem? Current)> UpdateItemAsync(
        int merchantId, int itemId, PlanItemForm form, string actorId, CancellationToken cancellationToken)
    {
        var plan = await FindAsync(merchantId, cancellationToken);
        var item = plan?.Items.SingleOrDefault(i => i.Id == itemId);
        if (plan is null || item is null) return (PlanChangeResult.Refuse(NotInPlan), null);
        if (!db.IsVersion(item, form.Version)) return (PlanChangeResult.Conflict, item);

        var now = clock.GetUtcNow();
        var title = ActionCodes.TitleOf(item.ActionCode);
        var changes = new List<string>();
        var due = ParisInput.TryParseDate(form.DueDate, out var d) ? d : (DateOnly?)null;
        var owner = Enum.Parse<PlanItemOwner>(form.Owner!);
        var status = Enum.Parse<PlanItemStatus>(form.Status!);
        var notes = string.IsNullOrWhiteSpace(form.ProgressNotes) ? null : form.ProgressNotes.Trim();
        if (item.DueDate != due)
            changes.Add(due is { } day ? $"échéance au {day.ToString("dd/MM/yyyy", FrenchCulture.Info)}" : "échéance retirée");
        if (item.Owner != owner) changes.Add($"porteur : {owner.Label().ToLowerInvariant()}");
        var statusChanged = item.Status != status;
        if (statusChanged) changes.Add($"statut : {item.Status.Label().ToLowerInvariant()} → {status.Label().ToLowerInvariant()}");
        if ((item.ProgressNotes ?? "") != (notes ?? "")) changes.Add("notes d'avancement mises à jour");
        if (changes.Count == 0) return (PlanChangeResult.Ok("Aucune modification à enregistrer."), item);

        item.DueDate = due;
        item.Owner = owner;
        if (statusChanged) item.CompletedAt = status == PlanItemStatus.Done ? now : null;
        item.Status = status;
        item.ProgressNotes = notes;
        item.UpdatedAt = now;
        var summary = $"« {title} » : {string.Join(", ", changes)}.";
        Record(plan, merchantId, item, summary, statusChanged ? CaseEventKind.ActionProgress : CaseEventKind.PlanChanged, actorId, now);
        db.ExpectVersion(item, form.Version);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.ActionPlanItems.AsNoTracking().SingleOrDefaultAsync(i => i.Id == itemId, cancellationToken);
            return current is null ? (PlanChangeResult.Refuse(NotInPlan), null) : (PlanChangeResult.Conflict, current);
        }
        return (PlanChangeResult.Ok(summary), item);
    }

    private const string NotInPlan = "Cette action ne fait pas partie du plan de ce commerçant.";

    /// <summary>Applies a change under the plan's concurrency token; the plan is created on its first change.</summary>
    private async Task<PlanChangeResult> ChangeAsync(
        int merchantId, string? planVersion, string actorId, CancellationToken cancellationToken,
        Func<ActionPlan, DateTimeOffset, string> change, CaseEventKind kind = CaseEventKind.PlanChanged)
    {
        var now = clock.GetUtcNow();
        var plan = await FindAsync(merchantId, cancellationToken);
        if (plan is null)
        {
            if (!string.IsNullOrEmpty(planVersion)) return PlanChangeResult.Conflict;
            plan = new ActionPlan { MerchantId = merchantId, CreatedAt = now, UpdatedAt = now };
            db.ActionPlans.Add(plan);
        }
        else if (!db.IsVersion(plan, planVersion))
        {
            return PlanChangeResult.Conflict;
        }

        string summary;
        try
        {
            summary = change(plan, now);
        }
        catch (PlanRefusal refusal)
        {
            db.ChangeTracker.Clear();
            return PlanChangeResult.Refuse(refusal.Message);
        }

        plan.UpdatedAt = now;
        if (plan.Id > 0) db.ExpectVersion(plan, planVersion);
        Record(plan, merchantId, null, summary, kind, actorId, now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception is DbUpdateConcurrencyException || exception.IsUniqueViolation())
        {
            db.ChangeTracker.Clear();
            return PlanChangeResult.Conflict;
        }
        return PlanChangeResult.Ok(summary);
    }

    public static string Truncate(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    private sealed class PlanRefusal(string message) : Exception(message);
}
