using System.Net;
using Coaching.Core.Data;
using Coaching.Core.Reports;
using Coaching.Core.Sessions;
using Coaching.Web.French;
using Microsoft.Extensions.DependencyInjection;
using Coaching.Tests.Support;

namespace Coaching.Tests.Features.Reports;

/// <summary>
/// Sessions logged at the same moment on the same day by different requests: each save refreshes that day's totals.
/// On PostgreSQL, without the facts lock, two refreshes inserted the same day's row (duplicate key, a 500) or summed
/// without each other's session; on SQLite one writer at a time already orders them.
/// </summary>
public sealed class ConcurrentReportWritesTests(CoachingAppFactory app) : IClassFixture<CoachingAppFactory>
{
    [Fact]
    public async Task Sessions_saved_at_once_on_the_same_day_all_count_and_the_facts_match_a_rebuild()
    {
        var writes = new ReportWrites(app);
        var before = await writes.YearAsync();
        var advisor = await app.CreateClientAs(Persona.AdvisorA);
        var form = await advisor.GetPageAsync($"/seances/nouvelle?dossier={app.Ids.MerchantA}");
        var startsAt = ParisInput.FormatDateTime(app.Clock.GetUtcNow().AddDays(-3));

        var saves = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => advisor.SubmitAsync(form, "/seances/nouvelle",
            ("StartsAt", startsAt), ("DurationMinutes", "45"), ("Mode", nameof(SessionMode.Video)))));

        Assert.All(saves, save => Assert.Equal(HttpStatusCode.Redirect, save.StatusCode));
        var synced = await writes.YearAsync();
        Assert.Equal(before.Sessions.N + 8, synced.Sessions.N);
        await app.WithScopeAsync(async s =>
        {
            await ReportFactsSync.RebuildAsync(s.GetRequiredService<CoachingDbContext>());
            return 0;
        });
        var differences = ReportWrites.Differences(await writes.YearAsync(), synced);
        Assert.True(differences.Count == 0, string.Join("; ", differences.Take(10)));
    }
}
