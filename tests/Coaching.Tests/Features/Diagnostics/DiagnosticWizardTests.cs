using System.Net;
using Coaching.Core.Diagnostics.Assessments;
using Coaching.Core.Diagnostics.Default;
using Coaching.Core.Diagnostics.Questionnaires;
using Coaching.Core.Merchants;
using Coaching.Web.Demo;
using Microsoft.EntityFrameworkCore;
using Coaching.Tests.Support;

namespace Coaching.Tests.Features.Diagnostics;

public sealed class DiagnosticWizardTests(CoachingAppFactory app) : IClassFixture<CoachingAppFactory>
{
    private async Task<DiagnosticClient> AdvisorAsync() => new(await app.SignInAsync(DemoAccounts.AdvisorA));

    private Questionnaire DefaultVersion() => app.Query(db => db.Questionnaires.AsNoTracking().WithContent()
        .First(q => q.Code == DefaultQuestionnaire.Code && q.Status == QuestionnaireStatus.Published));

    /// <summary>Fields answering every question with its most mature answer.</summary>
    private (string, string)[] AnswerEverything()
    {
        var fields = new List<(string, string)>();
        var i = 0;
        foreach (var question in DefaultVersion().AllQuestions)
        {
            var prefix = $"Answers[{i++}]";
            fields.Add(($"{prefix}.QuestionCode", question.Code));
            switch (question.Type)
            {
                case QuestionType.Number:
                    fields.Add(($"{prefix}.Number", "5000"));
                    break;
                case QuestionType.FreeText:
                    fields.Add(($"{prefix}.Text", "Le manque de temps."));
                    break;
                case QuestionType.MultipleChoice:
                    fields.AddRange(question.Options.Select(o => ($"{prefix}.Options", o.Code)));
                    break;
                default:
                    fields.Add(($"{prefix}.Options", question.Options.MaxBy(o => o.Score)!.Code));
                    break;
            }
        }
        return [.. fields];
    }

    [Fact]
    public void The_default_questionnaire_is_seeded_published_on_first_start()
    {
        var questionnaire = DefaultVersion();
        Assert.Equal(8, questionnaire.Axes.Count);
        Assert.InRange(questionnaire.AllQuestions.Count(), 35, 50);
    }

    [Fact]
    public async Task An_answer_saved_by_script_is_kept_when_the_step_is_reloaded()
    {
        var merchant = app.TakeMerchantOfAdvisorA();
        var advisor = await AdvisorAsync();
        var id = await advisor.StartAsync(merchant.Id);

        var (status, body) = await advisor.SaveAsync(id,
            ("Answers[0].QuestionCode", "gbp_claimed"), ("Answers[0].Options", "unclaimed"), ("Answers[0].Comment", "Fiche créée par un client"));
        Assert.Equal(HttpStatusCode.OK, status);
        var version = body.GetProperty("answers")[0].GetProperty("version").GetString();
        Assert.False(string.IsNullOrEmpty(version));

        var page = await advisor.PageAsync($"/diagnostics/{id}/etape/1");
        Assert.Equal(version, page.QuerySelector("fieldset#q-gbp_claimed [data-version]")?.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector("#q-gbp_claimed-unclaimed[checked]"));
        Assert.Equal("Fiche créée par un client", page.QuerySelector("#q-gbp_claimed-commentaire")!.TextContent);
        Assert.NotNull(page.QuerySelector("progress"));
        Assert.StartsWith("Votre commerce a-t-il une fiche Google", page.QuerySelector("fieldset#q-gbp_claimed legend")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answers_outside_the_version_or_the_scale_are_refused_in_French()
    {
        var merchant = app.TakeMerchantOfAdvisorA();
        var advisor = await AdvisorAsync();
        var id = await advisor.StartAsync(merchant.Id);

        var (status, body) = await advisor.SaveAsync(id, ("Answers[0].QuestionCode", "drone_delivery"), ("Answers[0].Options", "yes"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("ne fait pas partie de la version", body.GetProperty("answers")[0].GetProperty("error").GetString(), StringComparison.Ordinal);

        (status, body) = await advisor.SaveAsync(id, ("Answers[0].QuestionCode", "comfort"), ("Answers[0].Options", "7"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("de 0 à 5", body.GetProperty("answers")[0].GetProperty("error").GetString(), StringComparison.Ordinal);

        (status, body) = await advisor.SaveAsync(id, ("Answers[0].QuestionCode", "reviews_count"), ("Answers[0].Number", "beaucoup"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("n'est pas un nombre", body.GetProperty("answers")[0].GetProperty("error").GetString(), StringComparison.Ordinal);

        Assert.Equal(0, app.Query(db => db.AssessmentAnswers.Count(a => a.AssessmentId == id)));
    }

    [Fact]
    public async Task A_stale_page_does_not_overwrite_a_newer_answer()
    {
        var merchant = app.TakeMerchantOfAdvisorA();
        var advisor = await AdvisorAsync();
        var id = await advisor.StartAsync(merchant.Id);
        var (_, first) = await advisor.SaveAsync(id, ("Answers[0].QuestionCode", "website"), ("Answers[0].Options", "showcase"));
        var firstVersion = first.GetProperty("answers")[0].GetProperty("version").GetString()!;
        await advisor.SaveAsync(id, ("Answers[0].QuestionCode", "website"), ("Answers[0].Options", "selling"), ("Answers[0].ExpectedVersion", firstVersion));

        // A second tab still showing the first answer posts another one.
        var (status, body) = await advisor.SaveAsync(id, ("Answers[0].QuestionCode", "website"), ("Answers[0].Options", "none"), ("Answers[0].ExpectedVersion", firstVersion));
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("modifiée entre-temps", body.GetProperty("answers")[0].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal("selling", app.Query(db => db.AssessmentAnswers.Single(a => a.AssessmentId == id && a.QuestionCode == "website").OptionCodes));
    }

    [Fact]
    public async Task Completing_freezes_the_scores_shows_the_radar_and_refuses_later_answers()
    {
        var merchant = app.TakeMerchantOfAdvisorA();
        var advisor = await AdvisorAsync();
        var id = await advisor.StartAsync(merchant.Id);

        // Nothing answered yet: completion lists what is missing and changes nothing.
        var review = await advisor.PageAsync($"/diagnostics/{id}/terminer");
        Assert.NotEmpty(review.QuerySelectorAll("ul.missing li"));

        var (status, _) = await advisor.SaveAsync(id, AnswerEverything());
        Assert.Equal(HttpStatusCode.OK, status);
        review = await advisor.PageAsync($"/diagnostics/{id}/terminer");
        var token = DiagnosticClient.Token(review.DocumentElement.OuterHtml);
        var complete = await advisor.Http.PostAsync($"/diagnostics/{id}/terminer", DiagnosticClient.Form(("__RequestVerificationToken", token)));
        Assert.Equal(HttpStatusCode.Redirect, complete.StatusCode);

        var assessment = app.Query(db => db.Assessments.Include(a => a.AxisScores).Single(a => a.Id == id));
        Assert.Equal(AssessmentStatus.Completed, assessment.Status);
        Assert.Equal(8, assessment.AxisScores.Count);
        Assert.Equal(100, assessment.OverallScore!.Value, 6);
        Assert.Equal("Avancé", assessment.LevelName);
        var events = app.Query(db => db.CaseEvents.Where(e => e.MerchantId == merchant.Id).Select(e => e.Kind).ToList());
        Assert.Contains(CaseEventKind.DiagnosticStarted, events);
        Assert.Contains(CaseEventKind.DiagnosticCompleted, events);

        var results = await advisor.PageAsync($"/diagnostics/{id}");
        Assert.NotNull(results.QuerySelector("svg.radar"));
        Assert.Equal(8, results.QuerySelectorAll("table.data-table tbody tr").Length);
        Assert.DoesNotContain(results.QuerySelectorAll("*"), e => e.HasAttribute("style"));

        // A page still open on the wizard posts after completion: a clear message, nothing changed.
        var (lateStatus, lateBody) = await advisor.SaveAsync(id, ("Answers[0].QuestionCode", "website"), ("Answers[0].Options", "none"));
        Assert.Equal(HttpStatusCode.Conflict, lateStatus);
        Assert.Contains("a été terminé", lateBody.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("selling", app.Query(db => db.AssessmentAnswers.Single(a => a.AssessmentId == id && a.QuestionCode == "website").OptionCodes));
    }

    [Fact]
    public async Task Another_advisor_cannot_open_or_start_a_diagnostic_on_a_merchant_outside_their_caseload()
    {
        var merchant = app.TakeMerchantOfAdvisorA();
        var advisor = await AdvisorAsync();
        var id = await advisor.StartAsync(merchant.Id);
        var other = await app.SignInAsync(DemoAccounts.AdvisorB);

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/dossiers/{merchant.Id}/diagnostics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/diagnostics/{id}/etape/1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/diagnostics/{id}")).StatusCode);
    }

    [Fact]
    public async Task The_step_form_saves_without_script_and_keeps_refused_input_next_to_its_question()
    {
        var merchant = app.TakeMerchantOfAdvisorA();
        var advisor = await AdvisorAsync();
        var id = await advisor.StartAsync(merchant.Id);
        var token = DiagnosticClient.Token((await advisor.PageAsync($"/diagnostics/{id}/etape/1")).DocumentElement.OuterHtml);

        var response = await advisor.Http.PostAsync($"/diagnostics/{id}/etape/1", DiagnosticClient.Form(
            ("__RequestVerificationToken", token), ("Go", "next"),
            ("Answers[0].QuestionCode", "website"), ("Answers[0].Options", "showcase"),
            ("Answers[1].QuestionCode", "reviews_count"), ("Answers[1].Number", "-3")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Contains("positif", page.QuerySelector("#q-reviews_count-erreur")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("-3", page.QuerySelector("#q-reviews_count-nombre")!.GetAttribute("value"));
        Assert.Equal("showcase", app.Query(db => db.AssessmentAnswers.Single(a => a.AssessmentId == id && a.QuestionCode == "website").OptionCodes));

        response = await advisor.Http.PostAsync($"/diagnostics/{id}/etape/1", DiagnosticClient.Form(
            ("__RequestVerificationToken", token), ("Go", "next"), ("Answers[0].QuestionCode", "reviews_count"), ("Answers[0].Number", "12")));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/diagnostics/{id}/etape/2", response.Headers.Location!.OriginalString);
    }
}
