using Coaching.Core.Data;
using Microsoft.Extensions.DependencyInjection;
using Coaching.Tests.Support;

namespace Coaching.Tests.Features.Reports;

/// <summary>
/// The report read from the facts equals the report aggregated from the raw tables (<see cref="RawTableReport"/>) on the
/// demo club, for several filters and periods, after the demo seeding and after each kind of write through the pages.
/// </summary>
public sealed class ReportFactsSyncTests(CoachingAppFactory app) : IClassFixture<CoachingAppFactory>
{
    private readonly ReportWrites _writes = new(app);

    private async Task AssertFactsMatchRawTablesAsync(string after)
    {
        foreach (var filter in await _writes.FiltersAsync())
        {
            var facts = await _writes.ReportAsync(filter);
            var raw = await app.WithScopeAsync(s => RawTableReport.RunAsync(s.GetRequiredService<CoachingDbContext>(), filter));
            var differences = ReportWrites.Differences(raw, facts);
            Assert.True(differences.Count == 0, $"After {after}, filter {filter}: {string.Join("; ", differences.Take(10))}");
        }
    }

    [Fact]
    public async Task The_facts_follow_every_kind_of_write()
    {
        await AssertFactsMatchRawTablesAsync("the demo seeding");
        var before = await _writes.YearAsync();

        await _writes.NewSessionAsync();
        Assert.Equal(before.Sessions.N + 1, (await _writes.YearAsync()).Sessions.N);
        await AssertFactsMatchRawTablesAsync("a new session");

        await _writes.MoveSessionAsync();
        Assert.Equal(before.Sessions.N, (await _writes.YearAsync()).Sessions.N);
        await AssertFactsMatchRawTablesAsync("a session moved out of the period");

        await _writes.CompleteDiagnosticAsync();
        Assert.Equal(before.FirstDiagnostics.N + before.FollowUpDiagnostics.N + 1, (await _writes.YearAsync()) is var year ? year.FirstDiagnostics.N + year.FollowUpDiagnostics.N : 0);
        await AssertFactsMatchRawTablesAsync("a completed diagnostic");

        await _writes.DropMerchantAAsync();
        Assert.Equal(before.Dropped.N + 1, (await _writes.YearAsync()).Dropped.N);
        await AssertFactsMatchRawTablesAsync("a status change");

        await _writes.ActionDoneAndSessionDeletedAsync();
        await AssertFactsMatchRawTablesAsync("an action done and a session deleted");
    }
}
