using System.Diagnostics;
using Coaching.Core.Audit;
using Microsoft.EntityFrameworkCore;
using Coaching.Tests.Support;

namespace Coaching.Tests.Features.Audit;

public sealed class DailyTrustJobsTests
{
    [Fact]
    public async Task The_hosted_service_purges_expired_entries_at_its_next_daily_run()
    {
        await using var app = new CoachingAppFactory();
        await app.InitializeAsync();
        var entryId = await app.QueryAsync(async db =>
        {
            var entry = new AuditEntry { OccurredAt = app.Clock.GetUtcNow().AddMonths(-12).AddHours(12), Action = AuditAction.Read, TargetType = AuditTarget.Merchant, TargetId = "0" };
            db.AuditEntries.Add(entry);
            await db.SaveChangesAsync();
            return entry.Id;
        });

        // Not yet expired for the start-up run; expired a day later, when the next run (03:00 in Paris) comes.
        app.Clock.Advance(TimeSpan.FromDays(1));
        if (await PurgedWithinAsync(app, entryId, TimeSpan.FromSeconds(15))) return;

        // The start-up run may have been arming its timer at the very moment the clock moved (a window of
        // microseconds, on a slow machine): then its next run is the day after.
        app.Clock.Advance(TimeSpan.FromDays(1));
        Assert.True(await PurgedWithinAsync(app, entryId, TimeSpan.FromSeconds(15)), "the daily job did not purge the expired entry");
    }

    private static async Task<bool> PurgedWithinAsync(CoachingAppFactory app, long entryId, TimeSpan timeout)
    {
        var waited = Stopwatch.StartNew();
        while (await app.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.Id == entryId)))
        {
            if (waited.Elapsed > timeout) return false;
            await Task.Delay(50);
        }
        return true;
    }
}
