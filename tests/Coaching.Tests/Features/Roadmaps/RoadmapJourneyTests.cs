using System.Net;
using System.Security.Cryptography;
using Coaching.Core.Merchants;
using Coaching.Core.Plans;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;
using Coaching.Tests.Support;

namespace Coaching.Tests.Features.Roadmaps;

/// <summary>An app of its own: these tests issue roadmaps and change plans.</summary>
public sealed class RoadmapAppFactory : CoachingAppFactory;

public sealed class RoadmapJourneyTests(RoadmapAppFactory app) : IClassFixture<RoadmapAppFactory>
{
    private static string TextOf(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join(" ", document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
    }

    [Fact]
    public async Task The_advisor_issues_a_roadmap_and_the_merchant_downloads_exactly_that_file_while_the_other_merchant_gets_404()
    {
        var merchantId = app.Ids.MerchantA;
        var advisor = await app.CreateClientAs(Persona.AdvisorA);
        var url = $"/dossiers/{merchantId}/feuille-de-route";
        var page = await advisor.GetPageAsync(url);
        Assert.Contains("Versions émises", page.Text);
        var number = int.Parse(page.InputValue("number")!, System.Globalization.CultureInfo.InvariantCulture);

        var issued = await advisor.SubmitAsync(page, url);
        Assert.Equal(HttpStatusCode.Redirect, issued.StatusCode);
        var list = await advisor.GetPageAsync(url);
        Assert.Contains($"La feuille de route n° {number} est émise", list.Text);

        var stored = await app.QueryAsync(db => db.IssuedRoadmaps.AsNoTracking().Include(r => r.IssuedBy).SingleAsync(r => r.MerchantId == merchantId && r.Number == number));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(stored.Content)), stored.Sha256);
        Assert.Equal(app.Ids.AdvisorAUserId, stored.IssuedById);
        Assert.Equal(stored.Content.Length, stored.SizeBytes);
        Assert.Contains(stored.Sha256[..16], list.Text);
        var merchantName = await app.QueryAsync(db => db.Merchants.Where(m => m.Id == merchantId).Select(m => m.BusinessName).SingleAsync());
        Assert.Contains(merchantName, TextOf(stored.Content));

        var events = await app.QueryAsync(db => db.CaseEvents.Where(e => e.MerchantId == merchantId && e.Kind == CaseEventKind.RoadmapIssued).Select(e => e.Summary).ToListAsync());
        Assert.Contains(events, e => e.StartsWith($"Feuille de route n° {number} émise", StringComparison.Ordinal) && e.Contains(stored.Sha256[..12], StringComparison.Ordinal));

        var merchant = await app.CreateClientAs(Persona.MerchantA);
        var space = await merchant.GetPageAsync("/mon-espace");
        var link = space.Document.QuerySelectorAll("a").Select(a => a.GetAttribute("href") ?? "").First(h => h == $"/mon-espace/feuilles-de-route/{stored.Id}");
        var download = await merchant.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(stored.Content, await download.Content.ReadAsByteArrayAsync());

        var other = await app.CreateClientAs(Persona.MerchantB);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(link)).StatusCode);
        Assert.DoesNotContain(link, (await other.GetPageAsync("/mon-espace")).Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Issuing_from_a_stale_page_answers_409_and_issues_nothing()
    {
        var merchantId = app.Ids.MerchantB;
        var advisor = await app.CreateClientAs(Persona.AdvisorB);
        var url = $"/dossiers/{merchantId}/feuille-de-route";
        var page = await advisor.GetPageAsync(url);
        var before = await app.QueryAsync(db => db.IssuedRoadmaps.CountAsync(r => r.MerchantId == merchantId));

        var stale = await advisor.SubmitAsync(page, url, ("number", "1")).ToPageAsync();

        Assert.Equal(HttpStatusCode.Conflict, stale.Status);
        Assert.Contains("Une autre version de la feuille de route a été émise", string.Join(" ", stale.FormErrors));
        Assert.Equal(before, await app.QueryAsync(db => db.IssuedRoadmaps.CountAsync(r => r.MerchantId == merchantId)));
    }

    [Fact]
    public async Task The_merchant_marks_an_action_done_with_a_comment_that_the_advisor_sees_in_the_plan_history()
    {
        var merchantId = app.Ids.MerchantA;
        var item = await app.QueryAsync(db => db.ActionPlanItems.AsNoTracking()
            .Where(i => i.Plan!.MerchantId == merchantId && (i.Status == PlanItemStatus.ToDo || i.Status == PlanItemStatus.InProgress))
            .OrderBy(i => i.Position).FirstAsync());
        var merchant = await app.CreateClientAs(Persona.MerchantA);
        var space = await merchant.GetPageAsync("/mon-espace");
        var action = $"/mon-espace/actions/{item.Id}/fait";
        Assert.NotNull(space.Document.QuerySelector($"form[action='{action}']"));

        var tooLong = new string('a', 1001);
        var refused = await merchant.SubmitAsync(space, action, ("Comment", tooLong)).ToPageAsync();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        var field = refused.Document.GetElementById($"commentaire-{item.Id}")!;
        Assert.Equal(tooLong, field.TextContent);
        Assert.Contains("1000 au plus", refused.Document.GetElementById($"commentaire-{item.Id}-erreur")!.TextContent);
        Assert.Equal(item.Status, await app.QueryAsync(db => db.ActionPlanItems.Where(i => i.Id == item.Id).Select(i => i.Status).SingleAsync()));

        var stale = await merchant.PostFormAsync(action, space, ("Version", Guid.NewGuid().ToString()), ("Comment", "Fiche publiée !")).ToPageAsync();
        Assert.Equal(HttpStatusCode.Conflict, stale.Status);
        Assert.Equal("Fiche publiée !", stale.Document.GetElementById($"commentaire-{item.Id}")!.TextContent);
        Assert.Equal(item.Status, await app.QueryAsync(db => db.ActionPlanItems.Where(i => i.Id == item.Id).Select(i => i.Status).SingleAsync()));

        var done = await merchant.SubmitAsync(space, action, ("Comment", "Fiche publiée, 12 avis déjà ; merci « Camille » !"));
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var saved = await app.QueryAsync(db => db.ActionPlanItems.AsNoTracking().SingleAsync(i => i.Id == item.Id));
        Assert.Equal(PlanItemStatus.Done, saved.Status);
        Assert.NotNull(saved.CompletedAt);
        Assert.NotEqual(await app.VersionOfAsync(item), await app.VersionOfAsync(saved));
        Assert.Contains("Commentaire du commerçant", saved.ProgressNotes);

        var advisor = await app.CreateClientAs(Persona.AdvisorA);
        var plan = await advisor.GetPageAsync($"/dossiers/{merchantId}/plan");
        Assert.Contains("marquée faite par le commerçant", plan.Text);
        Assert.Contains("Fiche publiée, 12 avis déjà ; merci « Camille » !", plan.Text);
        var timeline = await app.QueryAsync(db => db.CaseEvents.Where(e => e.MerchantId == merchantId && e.Kind == CaseEventKind.ActionProgress && e.ActorId == app.Ids.MerchantAUserId).CountAsync());
        Assert.Equal(1, timeline);

        var again = await merchant.PostFormAsync(action, space, ("Version", await app.VersionOfAsync(saved)), ("Comment", "")).ToPageAsync();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.Status);
        Assert.Contains("déjà faite ou abandonnée", string.Join(" ", again.FormErrors));
    }
}
