using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Coaching.Core.Diagnostics.Default;
using Coaching.Core.Diagnostics.Questionnaires;
using Coaching.Web.Demo;
using Microsoft.EntityFrameworkCore;
using Coaching.Tests.Support;

namespace Coaching.Tests.Features.Diagnostics;

public sealed class QuestionnaireAdminTests(CoachingAppFactory app) : IClassFixture<CoachingAppFactory>
{
    private static MultipartFormDataContent Upload(string json, string token)
    {
        var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Add(file, "file", "questionnaire.json");
        content.Add(new StringContent(token), "__RequestVerificationToken");
        return content;
    }

    [Fact]
    public async Task A_broken_upload_lists_its_errors_and_changes_nothing_and_a_good_one_becomes_a_new_version()
    {
        var admin = await app.SignInAsync(DemoAccounts.Admin);
        var token = DiagnosticClient.Token(await admin.GetStringAsync("/questionnaires/import"));
        var before = app.Query(db => db.Questionnaires.Count());

        var broken = DefaultQuestionnaire.Json().Replace("\"type\": \"scale0to5\"", "\"type\": \"slider\"", StringComparison.Ordinal);
        var response = await admin.PostAsync("/questionnaires/import", Upload(broken, token));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("$.axes[2].questions[3].type", html, StringComparison.Ordinal);
        Assert.Contains("Type de question inconnu", html, StringComparison.Ordinal);
        Assert.Equal(before, app.Query(db => db.Questionnaires.Count()));

        var exported = await admin.GetAsync("/questionnaires/" + app.Query(db => db.Questionnaires.OrderBy(q => q.Id).First().Id) + "/export");
        Assert.Equal("application/json", exported.Content.Headers.ContentType!.MediaType);
        var edited = (await exported.Content.ReadAsStringAsync()).Replace("\"status\": \"published\"", "\"status\": \"draft\"", StringComparison.Ordinal);
        response = await admin.PostAsync("/questionnaires/import", Upload(edited, token));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(before + 1, app.Query(db => db.Questionnaires.Count()));
    }

    [Fact]
    public async Task A_derived_draft_can_be_edited_and_published_and_the_old_version_is_retired()
    {
        var admin = await app.SignInAsync(DemoAccounts.Admin);
        var published = app.Query(db => db.Questionnaires.AsNoTracking().First(q => q.Code == DefaultQuestionnaire.Code && q.Status == QuestionnaireStatus.Published));
        var token = DiagnosticClient.Token(await admin.GetStringAsync("/questionnaires"));

        var derived = await admin.PostAsync($"/questionnaires/{published.Id}/deriver", DiagnosticClient.Form(("__RequestVerificationToken", token)));
        Assert.Equal(HttpStatusCode.Redirect, derived.StatusCode);
        var draft = app.Query(db => db.Questionnaires.AsNoTracking().WithContent().OrderByDescending(q => q.Id).First());
        Assert.Equal(QuestionnaireStatus.Draft, draft.Status);

        var form = new List<(string, string)> { ("__RequestVerificationToken", token), ("Title", "Diagnostic 2027"), ("Description", "") };
        var axis = draft.OrderedAxes[0];
        form.Add(("Axes[0].Id", axis.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        form.Add(("Axes[0].Title", ""));
        var invalid = await admin.PostAsync($"/questionnaires/{draft.Id}/modifier", DiagnosticClient.Form([.. form]));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.StatusCode);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await invalid.Content.ReadAsStringAsync());
        Assert.Equal("Le titre de l’axe est obligatoire.", page.QuerySelector("#Axes\\[0\\]_Title-erreur")?.TextContent ?? page.QuerySelector("[id$='Title-erreur']")?.TextContent);

        form[^1] = ("Axes[0].Title", "Être trouvé en ligne");
        var saved = await admin.PostAsync($"/questionnaires/{draft.Id}/modifier", DiagnosticClient.Form([.. form]));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var publish = await admin.PostAsync($"/questionnaires/{draft.Id}/publier", DiagnosticClient.Form(("__RequestVerificationToken", token)));
        Assert.Equal(HttpStatusCode.Redirect, publish.StatusCode);
        var versions = app.Query(db => db.Questionnaires.AsNoTracking().WithContent().Where(q => q.Code == DefaultQuestionnaire.Code).ToList());
        var now = versions.Single(q => q.Id == draft.Id);
        Assert.Equal(QuestionnaireStatus.Published, now.Status);
        Assert.Equal("Être trouvé en ligne", now.OrderedAxes[0].Title);
        Assert.Equal(QuestionnaireStatus.Retired, versions.Single(q => q.Id == published.Id).Status);

        // A published version can no longer be edited.
        var locked = await admin.PostAsync($"/questionnaires/{draft.Id}/modifier", DiagnosticClient.Form([.. form]));
        Assert.Equal(HttpStatusCode.Redirect, locked.StatusCode);
    }

    [Fact]
    public async Task Advisors_cannot_reach_the_questionnaire_administration()
    {
        var advisor = await app.SignInAsync(DemoAccounts.AdvisorA);
        var response = await advisor.GetAsync("/questionnaires");
        Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect);
    }
}
