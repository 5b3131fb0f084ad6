using System.Diagnostics;
using Coaching.Core.Audit;
using Coaching.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

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
        var waited = Stopwatch.StartNew();
        while (await app.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.Id == entryId)))
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(20), "the daily job did not purge the expired entry");
            await Task.Delay(50);
        }
    }
}
