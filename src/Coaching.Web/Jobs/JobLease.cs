using Coaching.Core.Coordination;
using Coaching.Core.Data;
using Microsoft.EntityFrameworkCore;
using Coaching.Web.Hosting;

namespace Coaching.Web.Jobs;

/// <summary>
/// Lets one instance at a time run a background job. The lease row is taken or renewed by one conditional UPDATE (free
/// when expired, or already ours) and created by an INSERT that loses to the primary key when another instance created
/// it first: plain SQL that SQLite and PostgreSQL both run atomically, with no provider-specific locking.
/// </summary>
public sealed class JobLease(CoachingDbContext db, InstanceId instance, TimeProvider clock)
{
    /// <summary>Takes or renews the lease of <paramref name="jobName"/> for <paramref name="duration"/>; false when another instance holds it.</summary>
    public async Task<bool> TryAcquireAsync(string jobName, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
        var now = clock.GetUtcNow();
        var expiresAt = now + duration;
        var holder = instance.Value;
        var xmin = db.Database.UsesXmin();
        var taken = await db.JobLeases
            .Where(l => l.JobName == jobName && (l.Holder == holder || l.ExpiresAt <= now))
            .ExecuteUpdateAsync(set =>
            {
                set.SetProperty(l => l.Holder, holder).SetProperty(l => l.ExpiresAt, expiresAt);
                // PostgreSQL renews xmin by itself; SQLite's token is renewed here, as SaveChanges would.
                if (!xmin) set.SetProperty(l => l.Version, Guid.NewGuid());
            }, cancellationToken);
        if (taken == 1) return true;
        if (await db.JobLeases.AnyAsync(l => l.JobName == jobName, cancellationToken)) return false;

        var lease = new JobLeaseEntry { JobName = jobName, Holder = holder, ExpiresAt = expiresAt };
        db.JobLeases.Add(lease);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another instance inserted the row between our UPDATE and INSERT: the lease is theirs.
            return false;
        }
        finally
        {
            db.Entry(lease).State = EntityState.Detached;
        }
    }

    /// <summary>
    /// How long a daily run at <paramref name="hour"/> keeps its lease: until shortly before the next run, so that an
    /// instance starting later in the day does not repeat it, while tomorrow's run finds the lease free.
    /// </summary>
    public static TimeSpan DailyRunDuration(DateTimeOffset now, int hour)
    {
        var untilNextRun = DailySchedule.DelayUntilNextRun(now, hour) - TimeSpan.FromMinutes(5);
        return untilNextRun > TimeSpan.FromMinutes(1) ? untilNextRun : TimeSpan.FromMinutes(1);
    }
}
