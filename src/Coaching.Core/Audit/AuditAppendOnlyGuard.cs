using Microsoft.EntityFrameworkCore;

namespace Coaching.Core.Audit;

/// <summary>First of the two locks on the audit trail (the second is the SQLite triggers): no code path edits or deletes it.</summary>
public static class AuditAppendOnlyGuard
{
    public static void Check(DbContext db)
    {
        foreach (var entry in db.ChangeTracker.Entries<AuditEntry>())
        {
            if (entry.State is EntityState.Modified or EntityState.Deleted)
                throw new InvalidOperationException("The audit trail is append-only: its entries cannot be modified or deleted (only the retention purge removes expired ones).");
        }
    }
}
