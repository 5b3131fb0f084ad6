using Coaching.Core.Coordination;
using Coaching.Core.Data;
using Coaching.Core.Merchants;
using Microsoft.EntityFrameworkCore;
using Coaching.Tests.Support;

namespace Coaching.Tests.Hosting;

/// <summary>A save refused by a unique key is recognised on both providers, and only that refusal.</summary>
[Collection(AppCollection.Name)]
public sealed class UniqueViolationTests(CoachingAppFactory app)
{
    [Fact]
    public async Task A_duplicate_key_is_a_unique_violation()
    {
        var name = "test-" + Guid.NewGuid().ToString("N");
        await SaveAsync(db => db.JobLeases.Add(new JobLeaseEntry { JobName = name, Holder = "a", ExpiresAt = DateTimeOffset.UtcNow }));

        var duplicate = await Assert.ThrowsAsync<DbUpdateException>(() =>
            SaveAsync(db => db.JobLeases.Add(new JobLeaseEntry { JobName = name, Holder = "b", ExpiresAt = DateTimeOffset.UtcNow })));

        Assert.True(duplicate.IsUniqueViolation(), duplicate.InnerException?.Message);
    }

    [Fact]
    public async Task A_missing_foreign_key_is_not()
    {
        var orphan = await Assert.ThrowsAsync<DbUpdateException>(() =>
            SaveAsync(db => db.CaseEvents.Add(new CaseEvent { MerchantId = -1, OccurredAt = DateTimeOffset.UtcNow, Kind = CaseEventKind.Updated, Summary = "x" })));

        Assert.False(orphan.IsUniqueViolation(), orphan.InnerException?.Message);
    }

    private Task<int> SaveAsync(Action<CoachingDbContext> change) => app.QueryAsync(db =>
    {
        change(db);
        return db.SaveChangesAsync();
    });
}
