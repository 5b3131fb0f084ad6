using Coaching.Core.Actions;
using Coaching.Core.Data;
using Coaching.Core.Diagnostics.Questionnaires;
using Coaching.Core.Identity;
using Coaching.Core.Merchants;
using Coaching.Core.Plans;
using Coaching.Core.Sessions;
using Coaching.Web.Features.Plans;
using Microsoft.EntityFrameworkCore;
using Coaching.Web.French;

namespace Coaching.Web.Demo;

/// <summary>
/// Gives the demo merchants being coached an action plan (done, current, overdue and coming actions), past sessions, a
/// group workshop and coming appointments, all relative to the clock's now, so that every list has something to show.
/// A merchant with a completed diagnostic gets the plan its diagnostic proposes; without diagnostics (none seeded yet),
/// plans are composed from the catalogue. Run after the diagnostics are seeded, if they are.
/// </summary>
public sealed class CaseworkDemoSeeder(CoachingDbContext db, PlanEditor plans, TimeProvider clock, ILogger<CaseworkDemoSeeder> logger)
{
    private static readonly string[] FallbackCodes =
    [
        "GOOGLE_BUSINESS_PROFILE", "CUSTOMER_FILE_CONSENT", "CLICK_AND_COLLECT", "ANSWER_REVIEWS", "WEEKLY_SOCIAL_POST",
        "ONLINE_PAYMENT", "TILL_BACKUP", "LOCAL_MARKETPLACE", "PASSWORD_MANAGER", "DASHBOARD_INDICATORS",
    ];

    private static readonly string[] Notes =
    [
        "Point sur la fiche Google : horaires corrigés ensemble, photos de la vitrine à refaire à la lumière du jour.",
        "Le commerçant a commencé à recueillir les e-mails en caisse avec le formulaire de consentement ; 23 inscrits en trois semaines.",
        "Démonstration de l'outil de click & collect de la place de marché ; hésitation sur les créneaux de retrait du samedi.",
        "Réponses aux avis : trois réponses rédigées ensemble, dont une à un avis négatif sur l'attente.",
        "Revue des mots de passe : la messagerie et la banque passent au gestionnaire de mots de passe, double authentification activée.",
    ];

    private static readonly string[] NextSteps =
    [
        "Publier deux photos par semaine et vérifier les statistiques de la fiche dans un mois.",
        "Envoyer la première lettre d'information avant les fêtes.",
        "Ouvrir le click & collect sur dix produits et prévenir les clients du fichier.",
        "Préparer les réponses types aux avis et bloquer un créneau le lundi matin.",
    ];

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        if (await db.CoachingSessions.AnyAsync(cancellationToken) || await db.ActionPlans.AnyAsync(cancellationToken)) return;
        var now = clock.GetUtcNow();
        var merchants = await db.Merchants.AsNoTracking()
            .Where(m => m.AssignedAdvisorId != null && m.Status == CaseStatus.Coaching)
            .OrderBy(m => m.Id)
            .ToListAsync(cancellationToken);
        if (merchants.Count == 0) return;

        var axes = await db.Questionnaires.AsNoTracking()
            .Where(q => q.Status == QuestionnaireStatus.Published)
            .OrderByDescending(q => q.PublishedAt).ThenByDescending(q => q.Id)
            .SelectMany(q => q.Axes.OrderBy(a => a.Position).Select(a => a.Code))
            .ToListAsync(cancellationToken);
        var catalogue = await plans.CatalogueAsync(cancellationToken);
        var known = catalogue.Select(a => a.Code).ToHashSet(StringComparer.Ordinal);

        var sessionCount = 0;
        for (var i = 0; i < merchants.Count; i++)
        {
            var merchant = merchants[i];
            var plan = await SeedPlanAsync(merchant, i, known, now, cancellationToken);
            sessionCount += SeedSessions(merchant, i, plan, axes, now);
        }

        // One group workshop, recorded once for several merchants of the same advisor.
        var workshopGroup = merchants.GroupBy(m => m.AssignedAdvisorId).OrderByDescending(g => g.Count()).First().Take(4).ToList();
        if (workshopGroup.Count >= 2)
        {
            var startsAt = ParisHour(now.AddDays(-21), 14);
            var workshop = NewSession(workshopGroup[0].AssignedAdvisorId!, startsAt, 150, SessionMode.GroupWorkshop, axes.Take(2),
                "Atelier collectif « Être trouvé sur internet » : fiche Google, avis clients et annuaires locaux, exercices sur les fiches des participants.",
                "Chaque participant complète sa fiche Google avant le prochain atelier.", ParisHour(now.AddDays(9), 14));
            workshop.ClubId = workshopGroup[0].ClubId;
            foreach (var merchant in workshopGroup)
            {
                workshop.Merchants.Add(new SessionMerchant { MerchantId = merchant.Id });
                db.CaseEvents.Add(Event(merchant.Id, startsAt, CaseEventKind.SessionRecorded, workshopGroup[0].AssignedAdvisorId,
                    $"Séance enregistrée : Atelier collectif le {startsAt.ToParisDateTime()} (2 h 30), avec {workshopGroup.Count} commerçants."));
            }
            db.CoachingSessions.Add(workshop);
            sessionCount++;
        }
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Casework demo data seeded: {Plans} plans, {Sessions} sessions", merchants.Count, sessionCount);
    }

    private async Task<ActionPlan> SeedPlanAsync(Merchant merchant, int index, HashSet<string> known, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var proposal = await plans.ProposeAsync(merchant.Id, cancellationToken);
        var proposed = proposal?.Actions.Take(6).ToList() ?? [];
        var codes = proposed.Count >= 4
            ? proposed.Select(a => a.ActionCode).ToList()
            : Enumerable.Range(0, 5).Select(k => FallbackCodes[(index + k * 3) % FallbackCodes.Length]).Distinct().Where(known.Contains).ToList();
        var createdAt = now.AddDays(-120 + index % 20);
        var plan = new ActionPlan { MerchantId = merchant.Id, CreatedAt = createdAt, UpdatedAt = createdAt, ProposedFromAssessmentId = proposal?.AssessmentId };
        var today = DateOnly.FromDateTime(now.ToParisDay());
        for (var k = 0; k < codes.Count; k++)
        {
            var ranked = proposed.FirstOrDefault(p => p.ActionCode == codes[k]);
            var (status, due, completed) = k switch
            {
                0 => (PlanItemStatus.Done, (DateOnly?)today.AddDays(-40), (DateTimeOffset?)now.AddDays(-45)),
                1 => (PlanItemStatus.InProgress, (DateOnly?)today.AddDays(20 + index % 10), (DateTimeOffset?)null),
                // Every third merchant has an overdue action, so that the follow-up list shows some.
                2 => (index % 3 == 0 ? PlanItemStatus.ToDo : PlanItemStatus.InProgress, (DateOnly?)(index % 3 == 0 ? today.AddDays(-7 - index % 10) : today.AddDays(35)), (DateTimeOffset?)null),
                3 => (PlanItemStatus.ToDo, (DateOnly?)today.AddDays(60), (DateTimeOffset?)null),
                _ => (index % 4 == 1 ? PlanItemStatus.Dropped : PlanItemStatus.ToDo, (DateOnly?)null, (DateTimeOffset?)null),
            };
            plan.Items.Add(new ActionPlanItem
            {
                ActionCode = codes[k], Position = k + 1, Status = status, DueDate = due, CompletedAt = completed,
                Owner = k == 1 ? PlanItemOwner.Advisor : k == 3 ? PlanItemOwner.Partner : PlanItemOwner.Merchant,
                Reason = ranked?.Reason, RankScore = ranked is null ? null : Math.Round(ranked.Score, 1),
                ProgressNotes = status == PlanItemStatus.Done ? "Fait avec le conseiller ; à vérifier au prochain diagnostic." :
                    status == PlanItemStatus.InProgress ? "Commencé, à poursuivre avant l'échéance." : null,
                CreatedAt = createdAt, UpdatedAt = completed ?? createdAt,
            });
        }
        var summary = proposal is null
            ? $"Plan d'action composé à partir du catalogue : {codes.Count} actions (données de démonstration)."
            : $"{codes.Count} actions proposées par le diagnostic ajoutées au plan (données de démonstration).";
        plan.Changes.Add(new ActionPlanChange { OccurredAt = createdAt, ActorId = merchant.AssignedAdvisorId, Summary = summary });
        db.CaseEvents.Add(Event(merchant.Id, createdAt, proposal is null ? CaseEventKind.PlanChanged : CaseEventKind.PlanProposed, merchant.AssignedAdvisorId, summary));
        if (plan.Items.FirstOrDefault(i => i.Status == PlanItemStatus.Done) is { } done)
        {
            var doneSummary = $"« {ActionCodes.TitleOf(done.ActionCode)} » : statut : en cours → fait.";
            plan.Changes.Add(new ActionPlanChange { OccurredAt = done.CompletedAt!.Value, ActorId = merchant.AssignedAdvisorId, ActionCode = done.ActionCode, Summary = doneSummary });
            db.CaseEvents.Add(Event(merchant.Id, done.CompletedAt.Value, CaseEventKind.ActionProgress, merchant.AssignedAdvisorId, doneSummary));
        }
        db.ActionPlans.Add(plan);
        return plan;
    }

    /// <summary>Past sessions at varied ages (some merchants fall silent past 45 days) and, for some, a coming appointment.</summary>
    private int SeedSessions(Merchant merchant, int index, ActionPlan plan, IReadOnlyList<string> axes, DateTimeOffset now)
    {
        var advisorId = merchant.AssignedAdvisorId!;
        // Merchants A and B (the first two) were seen recently; others every few weeks, and every fifth one long ago.
        var lastDaysAgo = index < 2 ? 6 + index : index % 5 == 2 ? 60 + index % 30 : 8 + index * 3 % 30;
        var ages = new[] { lastDaysAgo + 70, lastDaysAgo + 35, lastDaysAgo };
        var count = 0;
        for (var k = 0; k < ages.Length; k++)
        {
            var startsAt = ParisHour(now.AddDays(-ages[k]), 9 + (index + k) % 8);
            var isLast = k == ages.Length - 1;
            // The latest session sets the next appointment: within two weeks for every other merchant, later for some, none for the silent ones.
            DateTimeOffset? next = !isLast ? startsAt.AddDays(30) : index % 5 == 2 ? null : index % 2 == 0 || index < 2 ? ParisHour(now.AddDays(2 + index % 12), 10) : ParisHour(now.AddDays(30 + index % 10), 15);
            var mode = (SessionMode)((index + k) % 3);
            var session = NewSession(advisorId, startsAt, k == 0 ? 90 : 60, mode, axes.Skip((index + k) % Math.Max(axes.Count, 1)).Take(2),
                Notes[(index + k) % Notes.Length], NextSteps[(index + k) % NextSteps.Length], next);
            session.ClubId = merchant.ClubId;
            session.Merchants.Add(new SessionMerchant { MerchantId = merchant.Id });
            var progressed = plan.Items.OrderBy(i => i.Position).Skip(k % 2).Take(isLast ? 2 : 1).Where(i => i.Status != PlanItemStatus.Dropped).ToList();
            foreach (var item in progressed) session.ProgressedItems.Add(new SessionPlanItem { PlanItem = item });
            db.CoachingSessions.Add(session);
            db.CaseEvents.Add(Event(merchant.Id, startsAt, CaseEventKind.SessionRecorded, advisorId,
                $"Séance enregistrée : {mode.Label()} le {startsAt.ToParisDateTime()} ({SessionLabels.Duration(session.DurationMinutes)})" +
                (next is { } n ? $". Prochain rendez-vous : {n.ToParisDateTime()}." : ".")));
            count++;
        }
        return count;
    }

    private static CoachingSession NewSession(string advisorId, DateTimeOffset startsAt, int minutes, SessionMode mode, IEnumerable<string> axes, string notes, string nextStep, DateTimeOffset? next)
    {
        var session = new CoachingSession
        {
            StartsAt = startsAt, DurationMinutes = minutes, Mode = mode, AxisCodes = CoachingSession.JoinAxisCodes(axes),
            Notes = notes, NextStep = nextStep, NextAppointmentAt = next,
            CreatedAt = startsAt.AddMinutes(minutes + 30), CreatedById = advisorId, UpdatedAt = startsAt.AddMinutes(minutes + 30), UpdatedById = advisorId,
        };
        session.Advisors.Add(new SessionAdvisor { AdvisorId = advisorId });
        return session;
    }

    private static CaseEvent Event(int merchantId, DateTimeOffset at, CaseEventKind kind, string? actorId, string summary) =>
        new() { MerchantId = merchantId, OccurredAt = at, Kind = kind, ActorId = actorId, Summary = summary };

    /// <summary>The given day at a whole hour, Paris time, in UTC.</summary>
    private static DateTimeOffset ParisHour(DateTimeOffset day, int hour)
    {
        var local = day.ToParisDay().AddHours(hour);
        return new DateTimeOffset(local, Core.Time.ParisTime.Zone.GetUtcOffset(local)).ToUniversalTime();
    }
}

internal static class DemoTime
{
    public static DateTime ToParisDay(this DateTimeOffset instant) => Core.Time.ParisTime.ToParis(instant).DateTime.Date;
}
