using Coaching.Core.Audit;
using Coaching.Core.Data;
using Coaching.Core.Merchants;
using Microsoft.EntityFrameworkCore;

namespace Coaching.Core.Privacy;

/// <summary>Anonymises the case files closed (« Terminé » or « Abandonné ») for more than the configured number of years.</summary>
public sealed class ClosedCaseAnonymisation(CoachingDbContext db, MerchantAnonymiser anonymiser, TimeProvider clock)
{
    /// <summary>Returns the ids of the case files anonymised.</summary>
    public async Task<IReadOnlyList<int>> RunAsync(int years, CancellationToken cancellationToken = default)
    {
        var cutoff = clock.GetUtcNow().AddYears(-years);
        // Files closed before the ClosedAt column existed and not backfilled fall back on their last change.
        var due = await db.Merchants
            .Where(m => m.AnonymisedAt == null && (m.Status == CaseStatus.Finished || m.Status == CaseStatus.Dropped))
            .Where(m => (m.ClosedAt ?? m.UpdatedAt) <= cutoff)
            .Select(m => m.Id)
            .ToListAsync(cancellationToken);
        var reason = years == 1 ? "Dossier clos depuis plus d'un an." : $"Dossier clos depuis plus de {years} ans.";
        foreach (var id in due)
        {
            await anonymiser.AnonymiseAsync(id, PrivacyOperationKind.AutomaticAnonymisation, actorId: null, reason, cancellationToken);
            db.AuditEntries.Add(new AuditEntry
            {
                OccurredAt = clock.GetUtcNow(), Action = AuditAction.Anonymisation, TargetType = AuditTarget.Merchant,
                TargetId = id.ToString(System.Globalization.CultureInfo.InvariantCulture), Detail = "Anonymisation automatique",
            });
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
        return due;
    }
}
