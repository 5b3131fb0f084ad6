using Coaching.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Coaching.Core.Audit;

/// <summary>The one code path allowed to delete audit entries: those older than the retention period.</summary>
public sealed class AuditPurge(CoachingDbContext db, TimeProvider clock)
{
    public Task<int> RunAsync(int retentionMonths, CancellationToken cancellationToken = default)
    {
        if (retentionMonths is < AuditRetention.MinimumMonths or > AuditRetention.MaximumMonths)
            throw new ArgumentOutOfRangeException(nameof(retentionMonths), retentionMonths, "Retention must be 6 to 12 months.");
        var cutoff = AuditRetention.Cutoff(clock.GetUtcNow(), retentionMonths);
        return db.AuditEntries.Where(e => e.OccurredAt < cutoff).ExecuteDeleteAsync(cancellationToken);
    }
}
