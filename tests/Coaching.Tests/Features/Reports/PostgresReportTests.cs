using System.Globalization;
using Coaching.Core.Data;
using Coaching.Core.Reports;
using Coaching.Tests.Commands;
using Coaching.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Coaching.Tests.Features.Reports;

/// <summary>
/// The demo club on SQLite and its copy on PostgreSQL take the same writes through the same pages: after each, the club
/// report is the same on both for several filters and periods, and on PostgreSQL the facts kept up to date by every
/// save are those a rebuild from the raw tables makes.
/// </summary>
public sealed class PostgresReportTests(ServedCopy copy) : IClassFixture<ServedCopy>
{
    private static readonly string[] FactQueries =
    [
        """SELECT * FROM "ReportMerchantFacts" ORDER BY "MerchantId" """,
        """SELECT * FROM "ReportAssessmentFacts" ORDER BY "AssessmentId" """,
        """SELECT * FROM "ReportAxes" ORDER BY "Slot" """,
        """SELECT * FROM "ReportDailyTotals" ORDER BY "ClubId", "Kind", "Day", "Key" """,
    ];

    [PostgresFact]
    public async Task The_same_writes_give_the_same_reports_on_both_databases_and_the_facts_a_rebuild_gives()
    {
        var onSqlite = new ReportWrites(copy.Source);
        var onPostgres = new ReportWrites(copy.Target!);
        (string After, Func<ReportWrites, Task> Write)[] steps =
        [
            ("a new session", w => w.NewSessionAsync()),
            ("a session moved out of the period", w => w.MoveSessionAsync()),
            ("a completed diagnostic", w => w.CompleteDiagnosticAsync()),
            ("a status change", w => w.DropMerchantAAsync()),
            ("an action done and a session deleted", w => w.ActionDoneAndSessionDeletedAsync()),
        ];
        var before = await onPostgres.YearAsync();
        await AssertSameReportsAsync(onSqlite, onPostgres, "the copy");
        await AssertFactsAsRebuiltAsync("the copy");
        foreach (var (after, write) in steps)
        {
            await write(onSqlite);
            await write(onPostgres);
            await AssertSameReportsAsync(onSqlite, onPostgres, after);
            await AssertFactsAsRebuiltAsync(after);
        }
        var year = await onPostgres.YearAsync();
        Assert.Equal(before.Dropped.N + 1, year.Dropped.N);
        Assert.Equal(before.FirstDiagnostics.N + before.FollowUpDiagnostics.N + 1, year.FirstDiagnostics.N + year.FollowUpDiagnostics.N);
    }

    private static async Task AssertSameReportsAsync(ReportWrites onSqlite, ReportWrites onPostgres, string after)
    {
        foreach (var filter in await onSqlite.FiltersAsync())
        {
            var differences = ReportWrites.Differences(await onSqlite.ReportAsync(filter), await onPostgres.ReportAsync(filter));
            Assert.True(differences.Count == 0, $"After {after}, filter {filter}: {string.Join("; ", differences.Take(10))}");
        }
    }

    private async Task AssertFactsAsRebuiltAsync(string after)
    {
        var synced = await FactsAsync();
        await copy.Target!.WithScopeAsync(async s =>
        {
            await ReportFactsSync.RebuildAsync(s.GetRequiredService<CoachingDbContext>());
            return 0;
        });
        var rebuilt = await FactsAsync();
        for (var t = 0; t < FactQueries.Length; t++)
        {
            var missing = rebuilt[t].Except(synced[t]).Take(5).ToList();
            var extra = synced[t].Except(rebuilt[t]).Take(5).ToList();
            Assert.True(missing.Count == 0 && extra.Count == 0,
                $"After {after}, {FactQueries[t]}: kept in sync but not rebuilt: {string.Join(" / ", extra)}; rebuilt but not kept: {string.Join(" / ", missing)}");
        }
        Assert.NotEmpty(rebuilt[0]);
        Assert.NotEmpty(rebuilt[3]);
    }

    /// <summary>Every row of the fact tables as text (sums of doubles to 9 significant digits: the order they add up in may differ).</summary>
    private async Task<List<List<string>>> FactsAsync()
    {
        await using var connection = new NpgsqlConnection(copy.TargetConnectionString);
        await connection.OpenAsync();
        var tables = new List<List<string>>();
        foreach (var sql in FactQueries)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<string>();
            while (await reader.ReadAsync())
            {
                rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetValue(i) switch
                {
                    double d => d.ToString("G9", CultureInfo.InvariantCulture),
                    DateTime t => t.ToString("O", CultureInfo.InvariantCulture),
                    var v => Convert.ToString(v, CultureInfo.InvariantCulture),
                })));
            }
            tables.Add(rows);
        }
        return tables;
    }
}
