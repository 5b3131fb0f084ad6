using System.Net;
using Coaching.Core.Audit;
using Coaching.Core.Diagnostics.Default;
using Coaching.Core.Diagnostics.Questionnaires;
using Coaching.Core.Identity;
using Coaching.Core.Privacy;
using Coaching.Core.Sessions;
using Coaching.Tests.Features.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Coaching.Web.French;
using Coaching.Web.Hosting;
using Coaching.Tests.Support;
using Coaching.Tests.Features;
using static Coaching.Tests.Features.CaseworkData;

namespace Coaching.Tests.Features.Privacy;

/// <summary>
/// THE erasure test: a merchant with a distinctive value in every personal field goes through the whole app (case file,
/// account, diagnostic, plan, sessions, roadmap, exports), is erased through the page, and then no table, no column and
/// no byte of the database files holds any of those values.
/// </summary>
public sealed class ErasureTests(CoachingAppFactory app) : IClassFixture<CoachingAppFactory>
{
    private const string Password = "Mot-de-passe-du-commercant-2026";

    [Fact]
    public async Task After_an_erasure_no_table_column_or_file_byte_holds_the_persons_data()
    {
        var token = "Zorg" + string.Concat(Enumerable.Range(0, 8).Select(_ => (char)('a' + Random.Shared.Next(26))));
        var siret = TestData.NewSiret();
        var phone = "06" + Random.Shared.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var advisor = await app.CreateClientAs(Persona.AdvisorA);

        // Case file.
        var create = await advisor.GetPageAsync("/dossiers/nouveau");
        var created = await advisor.SubmitAsync(create, "/dossiers/nouveau", TestData.ValidMerchant(siret, $"Fleurs {token}",
            ("ContactName", $"Ondine {token}"), ("Email", $"ondine.{token}@fleurs-{token}.fr"), ("Phone", phone),
            ("AddressLine", $"12 rue {token}"), ("ConsentGiven", "true")));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var merchantId = int.Parse(created.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        var storedPhone = await app.QueryAsync(db => db.Merchants.Where(m => m.Id == merchantId).Select(m => m.Phone!).SingleAsync());

        // The merchant's account, used once.
        var invite = await advisor.GetPageAsync($"/comptes/inviter?merchantId={merchantId}");
        var accountEmail = $"compte.{token}@exemple.fr";
        Assert.Equal(HttpStatusCode.OK, (await advisor.SubmitAsync(invite, "/comptes/inviter",
            ("DisplayName", $"Compte {token}"), ("Email", accountEmail), ("Role", Roles.Merchant), ("MerchantId", Text(merchantId)))).StatusCode);
        await app.WithScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<AppUser>>();
            var user = await users.FindByEmailAsync(accountEmail);
            return await users.AddPasswordAsync(user!, Password);
        });
        var merchant = await app.SignInAsync(accountEmail, Password);
        Assert.Equal(HttpStatusCode.OK, (await merchant.GetAsync("/mon-espace")).StatusCode);

        // A completed diagnostic with a free-text answer and a comment.
        var diagnostic = new DiagnosticClient(advisor);
        var assessmentId = await diagnostic.StartAsync(merchantId);
        var (saved, _) = await diagnostic.SaveAsync(assessmentId, await AnswerEverythingAsync(token));
        Assert.Equal(HttpStatusCode.OK, saved);
        var review = await diagnostic.PageAsync($"/diagnostics/{assessmentId}/terminer");
        var completed = await advisor.PostAsync($"/diagnostics/{assessmentId}/terminer",
            DiagnosticClient.Form(("__RequestVerificationToken", review.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!)));
        Assert.Equal(HttpStatusCode.Redirect, completed.StatusCode);

        // A plan with a note.
        var proposal = await advisor.GetPageAsync($"/dossiers/{merchantId}/plan/proposition");
        Assert.Equal(HttpStatusCode.Redirect, (await advisor.SubmitAsync(proposal, $"/dossiers/{merchantId}/plan/proposition")).StatusCode);
        var item = (await app.PlanItemsAsync(merchantId)).First();
        var itemUrl = $"/dossiers/{merchantId}/plan/actions/{item.Id}";
        Assert.Equal(HttpStatusCode.Redirect, (await advisor.SubmitAsync(await advisor.GetPageAsync(itemUrl), itemUrl, ("ProgressNotes", $"Plan {token} à relancer"))).StatusCode);

        // A session of their own, edited (so it has a revision), and a group workshop with another merchant.
        var past = Coaching.Web.French.ParisInput.FormatDateTime(app.Clock.GetUtcNow().AddDays(-2));
        var sessionForm = await advisor.GetPageAsync($"/seances/nouvelle?dossier={merchantId}");
        var session = await advisor.SubmitAsync(sessionForm, "/seances/nouvelle", ("StartsAt", past), ("DurationMinutes", "60"),
            ("Mode", nameof(SessionMode.InShop)), ("Notes", $"Notes {token} en boutique"), ("NextStep", $"Appeler Ondine {token}"));
        Assert.Equal(HttpStatusCode.Redirect, session.StatusCode);
        var edit = session.Headers.Location!.OriginalString + "/modifier";
        Assert.Equal(HttpStatusCode.Redirect, (await advisor.SubmitAsync(await advisor.GetPageAsync(edit), edit, ("Notes", $"Notes revues avec Ondine {token}"))).StatusCode);
        var other = app.Ids.MerchantOfAdvisorA;
        var groupNotes = $"Atelier avec Fleurs {token} et les autres";
        var group = await advisor.SubmitAsync(await advisor.GetPageAsync("/seances/nouvelle"), "/seances/nouvelle", ("StartsAt", past), ("DurationMinutes", "90"),
            ("Mode", nameof(SessionMode.GroupWorkshop)), ("MerchantIds", Text(merchantId)), ("MerchantIds", Text(other)), ("Notes", groupNotes));
        Assert.Equal(HttpStatusCode.Redirect, group.StatusCode);
        var groupId = await app.QueryAsync(db => db.CoachingSessions.Where(s => s.Notes == groupNotes).Select(s => s.Id).SingleAsync());

        // An issued roadmap, downloaded; the export archive; the case file read.
        var roadmapUrl = $"/dossiers/{merchantId}/feuille-de-route";
        Assert.Equal(HttpStatusCode.Redirect, (await advisor.SubmitAsync(await advisor.GetPageAsync(roadmapUrl), roadmapUrl)).StatusCode);
        var roadmapId = await app.QueryAsync(db => db.IssuedRoadmaps.Where(r => r.MerchantId == merchantId).Select(r => r.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.OK, (await advisor.GetAsync($"{roadmapUrl}/{roadmapId}")).StatusCode);
        var export = await advisor.GetAsync($"/dossiers/{merchantId}/rgpd/export.zip");
        Assert.Equal("application/zip", export.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await advisor.GetAsync($"/dossiers/{merchantId}")).StatusCode);

        string[] needles = [token, siret, storedPhone, phone];
        // The scan sees the data before the erasure: it is able to fail.
        Assert.NotEmpty(await PersonalDataScanner.FindInTablesAsync(app, needles));

        // Erase through the page: refused without the confirmation, done with it.
        var privacy = await advisor.GetPageAsync($"/dossiers/{merchantId}/rgpd");
        var refused = await advisor.SubmitAsync(privacy, $"/dossiers/{merchantId}/rgpd/effacer", ("Reason", "Demande écrite du commerçant")).ToPageAsync();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        Assert.Contains("Cochez la case", refused.Text);
        var erased = await advisor.SubmitAsync(refused, $"/dossiers/{merchantId}/rgpd/effacer", ("Reason", "Demande écrite du commerçant"), ("Confirm", "true"));
        Assert.Equal(HttpStatusCode.Redirect, erased.StatusCode);

        Assert.Empty(await PersonalDataScanner.FindInTablesAsync(app, needles));
        // PostgreSQL's files are the server's: only SQLite's file (and its WAL) can be searched for leftover bytes.
        if (!TestProvider.IsPostgres) Assert.Empty(await PersonalDataScanner.FindInFilesAsync(app.DatabasePath, needles));

        var details = await advisor.GetPageAsync($"/dossiers/{merchantId}");
        Assert.Contains($"Dossier anonymisé n° {merchantId}", details.Text);
        Assert.Equal(HttpStatusCode.OK, (await advisor.GetAsync($"/dossiers?q=anonymis")).StatusCode);

        // What stays: the anonymous shell with its scores, the other merchant's workshop, the log and the register.
        var shell = await app.QueryAsync(db => db.Merchants.AsNoTracking().SingleAsync(m => m.Id == merchantId));
        Assert.NotNull(shell.AnonymisedAt);
        Assert.Equal("33", shell.DepartmentCode);
        Assert.NotNull(await app.QueryAsync(db => db.Assessments.Where(a => a.Id == assessmentId).Select(a => a.OverallScore).SingleAsync()));
        Assert.Equal([other], await app.QueryAsync(db => db.SessionMerchants.Where(s => s.SessionId == groupId).Select(s => s.MerchantId).ToListAsync()));
        Assert.Equal(0, await app.QueryAsync(db => db.Users.CountAsync(u => u.MerchantId == merchantId)));
        var audited = await app.QueryAsync(db => db.AuditEntries.Where(e => e.TargetType == AuditTarget.Merchant && e.TargetId == Text(merchantId)).Select(e => e.Action).ToListAsync());
        Assert.Contains(AuditAction.Read, audited);
        Assert.Contains(AuditAction.Export, audited);
        Assert.Contains(AuditAction.Erasure, audited);
        var register = await app.QueryAsync(db => db.PrivacyOperations.Where(o => o.MerchantId == merchantId).Select(o => o.Kind).ToListAsync());
        Assert.Equal([PrivacyOperationKind.Export, PrivacyOperationKind.Erasure], register.Order());
        // The deleted account's cookie stops working at its next check (every 5 minutes, like a deactivation).
        app.Clock.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(HttpStatusCode.Redirect, (await merchant.GetAsync("/mon-espace")).StatusCode);
    }

    private async Task<(string, string)[]> AnswerEverythingAsync(string token)
    {
        var questionnaire = await app.QueryAsync(db => db.Questionnaires.AsNoTracking().WithContent()
            .FirstAsync(q => q.Code == DefaultQuestionnaire.Code && q.Status == QuestionnaireStatus.Published));
        var fields = new List<(string, string)>();
        var i = 0;
        foreach (var question in questionnaire.AllQuestions)
        {
            var prefix = $"Answers[{i++}]";
            fields.Add(($"{prefix}.QuestionCode", question.Code));
            fields.Add(($"{prefix}.Comment", $"Commentaire {token}"));
            switch (question.Type)
            {
                case QuestionType.Number: fields.Add(($"{prefix}.Number", "12")); break;
                case QuestionType.FreeText: fields.Add(($"{prefix}.Text", $"Réponse libre {token}")); break;
                default: fields.Add(($"{prefix}.Options", question.Options.MinBy(o => o.Score)!.Code)); break;
            }
        }
        return [.. fields];
    }
}
