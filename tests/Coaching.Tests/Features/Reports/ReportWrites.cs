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
using Coaching.Web.Features.Reports;
using Coaching.Web.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Coaching.Web.French;
using Coaching.Tests.Support;

namespace Coaching.Tests.Features.Reports;

/// <summary>
/// Each kind of write the report facts follow, made on the demo club of one app the way its pages make them (a session
/// logged then moved, a diagnostic completed, a status changed, an action done and a session deleted), and the report
/// filters and periods the tests compare after each write.
/// </summary>
public sealed class ReportWrites(CoachingAppFactory app)
{
    private Uri? _session;

    private DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(app.Clock.GetUtcNow().UtcDateTime, Coaching.Core.Time.ParisTime.Zone));

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private string Past(int days) => Coaching.Web.French.ParisInput.FormatDateTime(app.Clock.GetUtcNow().AddDays(-days));

    public async Task<IReadOnlyList<ReportFilter>> FiltersAsync()
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

    public Task<ClubReport> ReportAsync(ReportFilter filter) =>
        app.WithScopeAsync(s => s.GetRequiredService<ReportQuery>().RunAsync(filter));

    public async Task<ClubReport> YearAsync() => await ReportAsync((await FiltersAsync())[0]);

    /// <summary>A session logged through the page.</summary>
    public async Task NewSessionAsync()
    {
        var advisor = await app.CreateClientAs(Persona.AdvisorA);
        var form = await advisor.GetPageAsync($"/seances/nouvelle?dossier={app.Ids.MerchantA}");
        var created = await advisor.SubmitAsync(form, "/seances/nouvelle", ("StartsAt", Past(2)), ("DurationMinutes", "75"), ("Mode", nameof(SessionMode.Video)));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        _session = created.Headers.Location;
    }

    /// <summary>The new session moved out of the period and shortened through the edit page.</summary>
    public async Task MoveSessionAsync()
    {
        var advisor = await app.CreateClientAs(Persona.AdvisorA);
        var edit = _session!.OriginalString + "/modifier";
        var edited = await advisor.SubmitAsync(await advisor.GetPageAsync(edit), edit, ("StartsAt", Past(420)), ("DurationMinutes", "30"));
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
    }

    /// <summary>A diagnostic completed through the wizard.</summary>
    public async Task CompleteDiagnosticAsync()
    {
        var merchant = app.TakeMerchantOfAdvisorA();
        var wizard = new DiagnosticClient(await app.SignInAsync(DemoAccounts.AdvisorA));
        var id = await wizard.StartAsync(merchant.Id);
        Assert.Equal(HttpStatusCode.OK, (await wizard.SaveAsync(id, AnswerEverything())).Status);
        var review = await wizard.PageAsync($"/diagnostics/{id}/terminer");
        var complete = await wizard.Http.PostAsync(new Uri($"/diagnostics/{id}/terminer", UriKind.Relative),
            DiagnosticClient.Form(("__RequestVerificationToken", DiagnosticClient.Token(review.DocumentElement.OuterHtml))));
        Assert.Equal(HttpStatusCode.Redirect, complete.StatusCode);
    }

    /// <summary>Merchant A's status changed through the edit page.</summary>
    public async Task DropMerchantAAsync()
    {
        var manager = await app.CreateClientAs(Persona.Manager);
        var merchantPage = await manager.GetPageAsync($"/dossiers/{app.Ids.MerchantA}/modifier");
        Assert.Equal(HttpStatusCode.Redirect, (await manager.SubmitAsync(merchantPage, null, ("Status", nameof(CaseStatus.Dropped)))).StatusCode);
    }

    /// <summary>An action done today and a session deleted, through the context like every page does.</summary>
    public Task ActionDoneAndSessionDeletedAsync() => app.WithScopeAsync(async services =>
    {
        var db = services.GetRequiredService<CoachingDbContext>();
        var item = await db.ActionPlanItems.Where(i => i.Status == PlanItemStatus.ToDo && i.DueDate != null).OrderBy(i => i.Id).FirstAsync();
        item.Status = PlanItemStatus.Done;
        item.CompletedAt = app.Clock.GetUtcNow();
        var session = await db.CoachingSessions.Where(s => s.Merchants.Count > 0 && s.StartsAt < app.Clock.GetUtcNow())
            .OrderByDescending(s => s.StartsAt).ThenBy(s => s.Id).FirstAsync();
        db.CoachingSessions.Remove(session);
        return await db.SaveChangesAsync();
    });

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

    /// <summary>The differences between two reports (numbers equal to 1e-9 relative).</summary>
    public static List<string> Differences(ClubReport expected, ClubReport actual)
    {
        var differences = new List<string>();
        Compare(JsonSerializer.SerializeToElement(expected), JsonSerializer.SerializeToElement(actual), "report", differences);
        return differences;
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
}
