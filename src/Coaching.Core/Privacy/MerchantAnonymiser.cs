using Coaching.Core.Data;
using Coaching.Core.Merchants;
using Coaching.Core.Sessions;
using Microsoft.EntityFrameworkCore;

namespace Coaching.Core.Privacy;

/// <summary>
/// Erases a merchant's personal data and keeps the case file as an anonymous shell, so that the club's figures still
/// count its diagnostics, scores, sessions and actions.
/// <para>
/// Kept (coarse, needed by the reports, not enough to single out a shop): department and region, sector family,
/// employee band, manager's age band, digital channels, case status, assigned advisor, dates, answers' chosen options and
/// numbers, frozen scores, plan actions and their statuses, session dates, durations, modes and axes.
/// Erased: trade name, SIRET, NAF code and commune (each alone can point at one shop), address, contact, e-mail, phone,
/// the merchant's accounts, free-text answers and comments, session notes and next steps (and their history), plan notes,
/// timeline texts, issued roadmap PDFs. In a group workshop only this merchant's link (and the actions of their plan)
/// are removed, and their name, contact, e-mail and phone are blanked out of the shared notes.
/// </para>
/// </summary>
public sealed class MerchantAnonymiser(CoachingDbContext db, TimeProvider clock)
{
    public const string Redacted = "[anonymisé]";
    public const string ErasedText = "Texte effacé lors de l'anonymisation.";

    /// <summary>Erases the merchant's personal data and records the operation in the register; false when already done.</summary>
    public async Task<bool> AnonymiseAsync(int merchantId, PrivacyOperationKind kind, string? actorId, string? reason, CancellationToken cancellationToken = default)
    {
        var merchant = await db.Merchants.SingleAsync(m => m.Id == merchantId, cancellationToken);
        if (merchant.AnonymisedAt is not null) return false;
        var now = clock.GetUtcNow();
        var mentions = new[] { merchant.BusinessName, merchant.ContactName, merchant.Email, merchant.Phone, merchant.Siret }
            .Where(v => !string.IsNullOrWhiteSpace(v) && v.Length >= 3).Select(v => v!).ToList();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var accounts = await db.Users.Where(u => u.MerchantId == merchantId).ToListAsync(cancellationToken);
        var accountIds = accounts.Select(u => u.Id).ToList();
        mentions.AddRange(accounts.SelectMany(u => new[] { u.Email, u.DisplayName }).Where(v => !string.IsNullOrWhiteSpace(v) && v.Length >= 3).Select(v => v!));

        await EraseCaseworkAsync(merchantId, accountIds, mentions, cancellationToken);
        ScrubMerchant(merchant, now);
        db.Users.RemoveRange(accounts);
        db.CaseEvents.Add(Timeline.Entry(CaseEventKind.Anonymised, "Données personnelles effacées ; les scores sont conservés pour les statistiques.", actorId, now, merchantId));
        db.PrivacyOperations.Add(new PrivacyOperation { OccurredAt = now, Kind = kind, MerchantId = merchantId, ActorId = actorId, Reason = reason });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private static void ScrubMerchant(Merchant merchant, DateTimeOffset now)
    {
        merchant.BusinessName = $"Dossier anonymisé n° {merchant.Id}";
        // Unique per club and 14 characters like a SIRET, but never a valid one.
        merchant.Siret = FormattableString.Invariant($"ANON{merchant.Id:D10}");
        merchant.NafCode = "";
        merchant.AddressLine = "";
        merchant.Postcode = "";
        merchant.CommuneCode = "";
        merchant.CommuneName = "";
        merchant.ContactName = "";
        merchant.Email = null;
        merchant.Phone = null;
        merchant.AnonymisedAt = now;
        merchant.UpdatedAt = now;
        merchant.RefreshSearchText();
    }

    private async Task EraseCaseworkAsync(int merchantId, List<string> accountIds, List<string> mentions, CancellationToken cancellationToken)
    {
        await db.CaseEvents.Where(e => e.MerchantId == merchantId)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Summary, ErasedText), cancellationToken);
        await db.AssessmentAnswers.Where(a => db.Assessments.Any(x => x.Id == a.AssessmentId && x.MerchantId == merchantId))
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Text, (string?)null).SetProperty(a => a.Comment, (string?)null), cancellationToken);
        await db.AssessmentAnswers.Where(a => a.AnsweredById != null && accountIds.Contains(a.AnsweredById))
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.AnsweredById, (string?)null), cancellationToken);
        await db.ActionPlanItems.Where(i => i.Plan!.MerchantId == merchantId)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.ProgressNotes, (string?)null), cancellationToken);
        await db.ActionPlanChanges.Where(c => db.ActionPlans.Any(p => p.Id == c.PlanId && p.MerchantId == merchantId))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Summary, ErasedText), cancellationToken);
        await db.IssuedRoadmaps.Where(r => r.MerchantId == merchantId).ExecuteDeleteAsync(cancellationToken);
        await EraseSessionsAsync(merchantId, mentions, cancellationToken);
    }

    private async Task EraseSessionsAsync(int merchantId, List<string> mentions, CancellationToken cancellationToken)
    {
        var sessions = await db.CoachingSessions
            .Include(s => s.Merchants).Include(s => s.ProgressedItems).ThenInclude(p => p.PlanItem).ThenInclude(i => i!.Plan).Include(s => s.Revisions)
            .Where(s => s.Merchants.Any(m => m.MerchantId == merchantId))
            .ToListAsync(cancellationToken);
        var partners = new HashSet<int>();
        foreach (var session in sessions)
        {
            if (session.Merchants.Count == 1)
            {
                session.Notes = null;
                session.NextStep = null;
                db.SessionRevisions.RemoveRange(session.Revisions);
                continue;
            }
            // A group workshop belongs to the others too: remove this merchant from it and blank out their mentions.
            partners.UnionWith(session.Merchants.Select(m => m.MerchantId).Where(id => id != merchantId));
            db.SessionMerchants.RemoveRange(session.Merchants.Where(m => m.MerchantId == merchantId));
            db.SessionPlanItems.RemoveRange(session.ProgressedItems.Where(p => p.PlanItem?.Plan?.MerchantId == merchantId));
            session.Notes = Redact(session.Notes, mentions);
            session.NextStep = Redact(session.NextStep, mentions);
            foreach (var revision in session.Revisions)
            {
                revision.Summary = Redact(revision.Summary, mentions) ?? "";
                revision.PreviousState = RedactSnapshot(revision.PreviousState, mentions);
            }
        }
        // The other participants' timelines name the whole group (« avec … »); only theirs, so that this stays quick.
        var kinds = new[] { CaseEventKind.SessionRecorded, CaseEventKind.SessionUpdated };
        var events = await db.CaseEvents.Where(e => partners.Contains(e.MerchantId) && kinds.Contains(e.Kind)).ToListAsync(cancellationToken);
        foreach (var e in events.Where(e => mentions.Any(m => e.Summary.Contains(m, StringComparison.OrdinalIgnoreCase))))
            e.Summary = Redact(e.Summary, mentions) ?? "";
    }

    /// <summary>The snapshot is JSON with escaped accents: redact its values, not its text.</summary>
    private static string RedactSnapshot(string json, List<string> mentions)
    {
        if (SessionSnapshot.FromJson(json) is not { } snapshot) return "{}";
        return (snapshot with
        {
            Merchants = snapshot.Merchants.Select(m => Redact(m, mentions)!).ToList(),
            Notes = Redact(snapshot.Notes, mentions),
            NextStep = Redact(snapshot.NextStep, mentions),
        }).ToJson();
    }

    private static string? Redact(string? text, List<string> mentions) =>
        text is null ? null : mentions.Aggregate(text, (current, mention) => current.Replace(mention, Redacted, StringComparison.OrdinalIgnoreCase));
}
