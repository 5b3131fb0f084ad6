using System.Globalization;
using System.Net;
using System.Text.Json;
using Coaching.Core.Data;
using Coaching.Core.Diagnostics.Default;
using Coaching.Core.Diagnostics.Questionnaires;
using Coaching.Core.Merchants;
using Coaching.Core.Plans;
using Coaching.Core.Reports;
using Coaching.Core.Sessions;
using Coaching.Tests.Features.Diagnostics;
using Coaching.Tests.Infrastructure;
using Coaching.Web.Features.Reports;
using Coaching.Web.Infrastructure.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coaching.Tests.Features.Reports;

/// <summary>
/// The report read from the facts equals the report aggregated from the raw tables (<see cref="RawTableReport"/>) on the
/// demo club, for several filters and periods, after the demo seeding and after each kind of write through the pages.
/// </summary>
public sealed class ReportFactsSyncTests(CoachingAppFactory app) : IClassFixture<CoachingAppFactory>
{
    private DateOnly Today => DateOnly.FromDateTime(ParisTime(app.Clock.GetUtcNow()));

    private static DateTime ParisTime(DateTimeOffset instant) => TimeZoneInfo.ConvertTimeFromUtc(instant.UtcDateTime, Coaching.Core.Time.ParisTime.Zone);

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private string Past(int days) => Coaching.Web.Infrastructure.ParisInput.FormatDateTime(app.Clock.GetUtcNow().AddDays(-days));

    private async Task<IReadOnlyList<ReportFilter>> FiltersAsync()
    {
        var merchant = await app.QueryAsync(db => db.Merchants.SingleAsync(m => m.Id == app.Ids.MerchantA));
        var lastYear = new ReportFilterForm();
        lastYear.ApplyDefaults(Today);
        var year = lastYear.ToFilter(merchant.ClubId, null, Today);
        // Periods that start and end inside a day (the raw edges of the daily totals) and end in the past (diagnostics after the end).
        var shortPast = new ReportFilterForm { From = Date(Today.AddDays(-200)), To = Date(Today.AddDays(-20)) }.ToFilter(merchant.ClubId, null, Today);
        var lastMonth = new ReportFilterForm { From = Date(Today.AddDays(-35)), To = Date(Today) }.ToFilter(merchant.ClubId, null, Today);
        return
        [
            year, shortPast, lastMonth,
            year with { DepartmentCode = merchant.DepartmentCode },
            year with { DepartmentCode = merchant.DepartmentCode, Sector = merchant.Sector },
            year with { Status = CaseStatus.Coaching },
            year with { CaseloadOf = app.Ids.AdvisorAUserId },
            shortPast with { AdvisorId = app.Ids.AdvisorAUserId },
            year with { CohortFrom = year.From.AddYears(-2), CohortTo = year.From, AgeBand = merchant.ManagerAgeBand },
        ];
    }

    private Task<ClubReport> FactsAsync(ReportFilter filter) =>
        app.WithScopeAsync(s => s.GetRequiredService<ReportQuery>().RunAsync(filter));

    private async Task AssertFactsMatchRawTablesAsync(string after)
    {
        foreach (var filter in await FiltersAsync())
        {
            var facts = await FactsAsync(filter);
            var raw = await app.WithScopeAsync(s => RawTableReport.RunAsync(s.GetRequiredService<CoachingDbContext>(), filter));
            var differences = new List<string>();
            Compare(JsonSerializer.SerializeToElement(raw), JsonSerializer.SerializeToElement(facts), "report", differences);
            Assert.True(differences.Count == 0, $"After {after}, filter {filter}: {string.Join("; ", differences.Take(10))}");
        }
    }

    private static void Compare(JsonElement expected, JsonElement actual, string path, List<string> differences)
    {
        if (expected.ValueKind == JsonValueKind.Number && actual.ValueKind == JsonValueKind.Number)
        {
            if (Math.Abs(expected.GetDouble() - actual.GetDouble()) > 1e-9 * Math.Max(1, Math.Abs(expected.GetDouble())))
                differences.Add($"{path}: {expected} ≠ {actual}");
            return;
        }
        if (expected.ValueKind != actual.ValueKind)
        {
            differences.Add($"{path}: {expected} ≠ {actual}");
            return;
        }
        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in expected.EnumerateObject())
                {
                    if (actual.TryGetProperty(property.Name, out var other)) Compare(property.Value, other, $"{path}.{property.Name}", differences);
                    else differences.Add($"{path}.{property.Name} missing");
                }
                break;
            case JsonValueKind.Array:
                var (e, a) = (expected.EnumerateArray().ToList(), actual.EnumerateArray().ToList());
                if (e.Count != a.Count) differences.Add($"{path}: {e.Count} items ≠ {a.Count}");
                for (var i = 0; i < Math.Min(e.Count, a.Count); i++) Compare(e[i], a[i], $"{path}[{i}]", differences);
                break;
            default:
                if (expected.ToString() != actual.ToString()) differences.Add($"{path}: {expected} ≠ {actual}");
                break;
        }
    }

    /// <summary>Fields answering every question of the default questionnaire.</summary>
    private (string, string)[] AnswerEverything()
    {
        var questionnaire = app.Query(db => db.Questionnaires.AsNoTracking().WithContent()
            .First(q => q.Code == DefaultQuestionnaire.Code && q.Status == QuestionnaireStatus.Published));
        var fields = new List<(string, string)>();
        var i = 0;
        foreach (var question in questionnaire.AllQuestions)
        {
            var prefix = $"Answers[{i++}]";
            fields.Add(($"{prefix}.QuestionCode", question.Code));
            fields.AddRange(question.Type switch
            {
                QuestionType.Number => [($"{prefix}.Number", "1200")],
                QuestionType.FreeText => [($"{prefix}.Text", "Le temps.")],
                QuestionType.MultipleChoice => question.Options.Take(1).Select(o => ($"{prefix}.Options", o.Code)),
                _ => [($"{prefix}.Options", question.Options.OrderBy(o => o.Score).ElementAt(question.Options.Count / 2).Code)],
            });
        }
        return [.. fields];
    }

    private async Task<ClubReport> YearAsync() => await FactsAsync((await FiltersAsync())[0]);

    [Fact]
    public async Task The_facts_follow_every_kind_of_write()
    {
        await AssertFactsMatchRawTablesAsync("the demo seeding");
        var before = await YearAsync();

        // A session logged through the page, then moved and shortened through the edit page.
        var advisor = await app.CreateClientAs(Persona.AdvisorA);
        var form = await advisor.GetPageAsync($"/seances/nouvelle?dossier={app.Ids.MerchantA}");
        var created = await advisor.SubmitAsync(form, "/seances/nouvelle", ("StartsAt", Past(2)), ("DurationMinutes", "75"), ("Mode", nameof(SessionMode.Video)));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal(before.Sessions.N + 1, (await YearAsync()).Sessions.N);
        await AssertFactsMatchRawTablesAsync("a new session");

        var edit = created.Headers.Location!.OriginalString + "/modifier";
        var edited = await advisor.SubmitAsync(await advisor.GetPageAsync(edit), edit, ("StartsAt", Past(420)), ("DurationMinutes", "30"));
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        Assert.Equal(before.Sessions.N, (await YearAsync()).Sessions.N);
        await AssertFactsMatchRawTablesAsync("a session moved out of the period");

        // A diagnostic completed through the wizard.
        var merchant = app.TakeMerchantOfAdvisorA();
        var wizard = new DiagnosticClient(await app.SignInAsync(DemoAccounts.AdvisorA));
        var id = await wizard.StartAsync(merchant.Id);
        Assert.Equal(HttpStatusCode.OK, (await wizard.SaveAsync(id, AnswerEverything())).Status);
        var review = await wizard.PageAsync($"/diagnostics/{id}/terminer");
        var complete = await wizard.Http.PostAsync(new Uri($"/diagnostics/{id}/terminer", UriKind.Relative),
            DiagnosticClient.Form(("__RequestVerificationToken", DiagnosticClient.Token(review.DocumentElement.OuterHtml))));
        Assert.Equal(HttpStatusCode.Redirect, complete.StatusCode);
        Assert.Equal(before.FirstDiagnostics.N + before.FollowUpDiagnostics.N + 1, (await YearAsync()) is var year ? year.FirstDiagnostics.N + year.FollowUpDiagnostics.N : 0);
        await AssertFactsMatchRawTablesAsync("a completed diagnostic");

        // The merchant's status changed through the edit page.
        var manager = await app.CreateClientAs(Persona.Manager);
        var merchantPage = await manager.GetPageAsync($"/Merchants/Edit/{app.Ids.MerchantA}");
        Assert.Equal(HttpStatusCode.Redirect, (await manager.SubmitAsync(merchantPage, null, ("Status", nameof(CaseStatus.Dropped)))).StatusCode);
        Assert.Equal(before.Dropped.N + 1, (await YearAsync()).Dropped.N);
        await AssertFactsMatchRawTablesAsync("a status change");

        // An action done today and a session deleted, through the context like every page does.
        await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<CoachingDbContext>();
            var item = await db.ActionPlanItems.Where(i => i.Status == PlanItemStatus.ToDo && i.DueDate != null).OrderBy(i => i.Id).FirstAsync();
            item.Status = PlanItemStatus.Done;
            item.CompletedAt = app.Clock.GetUtcNow();
            var session = await db.CoachingSessions.Where(s => s.Merchants.Count > 0).OrderByDescending(s => s.StartsAt).FirstAsync(s => s.StartsAt < app.Clock.GetUtcNow());
            db.CoachingSessions.Remove(session);
            return await db.SaveChangesAsync();
        });
        await AssertFactsMatchRawTablesAsync("an action done and a session deleted");
    }
}
