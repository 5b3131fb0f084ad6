using System.Net;
using Microsoft.EntityFrameworkCore;
using Coaching.Tests.Support;
using Coaching.Tests.Features;

namespace Coaching.Tests.Features.Actions;

/// <summary>Who may reach the casework pages. Forbidden actions change nothing; they answer 403 (or the sign-in page).</summary>
[Collection(AppCollection.Name)]
public sealed class CaseworkAuthorizationTests(CoachingAppFactory app)
{
    public static TheoryData<Persona, string, HttpStatusCode> Pages => new()
    {
        { Persona.Anonymous, "/portefeuille", HttpStatusCode.Redirect },
        { Persona.MerchantA, "/portefeuille", HttpStatusCode.Forbidden },
        { Persona.AdvisorA, "/portefeuille", HttpStatusCode.OK },
        { Persona.AdvisorA, "/portefeuille?conseiller={advisorB}", HttpStatusCode.Forbidden },
        { Persona.AdvisorA, "/portefeuille/equipe", HttpStatusCode.Forbidden },
        { Persona.Manager, "/portefeuille/equipe", HttpStatusCode.OK },
        { Persona.Admin, "/portefeuille/equipe", HttpStatusCode.OK },
        { Persona.MerchantA, "/seances", HttpStatusCode.Forbidden },
        { Persona.AdvisorB, "/seances", HttpStatusCode.OK },
        { Persona.AdvisorA, "/seances/nouvelle?dossier={merchantA}", HttpStatusCode.OK },
        { Persona.AdvisorB, "/seances/nouvelle?dossier={merchantA}", HttpStatusCode.NotFound },
        { Persona.Manager, "/seances/nouvelle?dossier={merchantA}", HttpStatusCode.OK },
        { Persona.AdvisorA, "/seances/nouvelle?dossier={unknownMerchant}", HttpStatusCode.NotFound },
        { Persona.AdvisorA, "/dossiers/{merchantA}/plan", HttpStatusCode.OK },
        { Persona.AdvisorB, "/dossiers/{merchantA}/plan", HttpStatusCode.NotFound },
        { Persona.MerchantA, "/dossiers/{merchantA}/plan", HttpStatusCode.Forbidden },
        { Persona.AdvisorA, "/dossiers/{unassignedOfAdvisorA}/plan", HttpStatusCode.OK },
        { Persona.AdvisorA, "/dossiers/{unassignedOfAdvisorA}/plan/proposition", HttpStatusCode.Forbidden },
        { Persona.Manager, "/dossiers/{merchantB}/plan/proposition", HttpStatusCode.OK },
        { Persona.AdvisorA, "/actions", HttpStatusCode.OK },
        { Persona.MerchantB, "/actions", HttpStatusCode.Forbidden },
        { Persona.AdvisorA, "/actions/TILL_BACKUP/modifier", HttpStatusCode.Forbidden },
        { Persona.Manager, "/actions/TILL_BACKUP/modifier", HttpStatusCode.Forbidden },
        { Persona.Admin, "/actions/TILL_BACKUP/modifier", HttpStatusCode.OK },
        { Persona.Admin, "/actions/NOPE/modifier", HttpStatusCode.NotFound },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Pages_answer_each_persona_as_the_rules_say(Persona persona, string url, HttpStatusCode expected)
    {
        var client = await app.CreateClientAs(persona);
        var response = await client.GetAsync(app.Ids.Resolve(url));
        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.Redirect) Assert.StartsWith("/connexion", response.Headers.Location!.PathAndQuery.Replace("http://localhost", "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Another_advisor_cannot_change_a_plan_or_a_session()
    {
        var items = await app.PlanItemsAsync(app.Ids.MerchantA);
        var sessionId = await app.QueryAsync(db => db.CoachingSessions.Where(s => s.Merchants.Any(m => m.MerchantId == app.Ids.MerchantA)).Select(s => s.Id).FirstAsync());
        var client = await app.CreateClientAs(Persona.AdvisorB);
        var token = await app.AntiforgeryTokenOf(Persona.AdvisorB);

        Assert.Equal(HttpStatusCode.NotFound, (await client.PostFormAsync($"/dossiers/{app.Ids.MerchantA}/plan/actions/{items[0].Id}/retirer", token)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostFormAsync($"/dossiers/{app.Ids.MerchantA}/plan/ajouter", token, ("code", "TILL_BACKUP"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostFormAsync($"/seances/{sessionId}/modifier", token, ("Notes", "x"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/seances/{sessionId}")).StatusCode);
        Assert.Equal(items.Count, (await app.PlanItemsAsync(app.Ids.MerchantA)).Count);
    }

    [Fact]
    public async Task Admins_edit_the_catalogue_with_french_messages()
    {
        var client = await app.CreateClientAs(Persona.Admin);
        var page = await client.GetPageAsync("/actions/DIGITAL_TIME_SLOT/modifier");

        var refused = await client.SubmitAsync(page, "/actions/DIGITAL_TIME_SLOT/modifier", ("Effort", "5"), ("Title", "")).ToPageAsync();
        Assert.Contains("de 1 (léger) à 3", refused.FieldError("Effort"));
        Assert.Contains("intitulé", refused.FieldError("Title"));

        var saved = await client.SubmitAsync(page, "/actions/DIGITAL_TIME_SLOT/modifier", ("Impact", "3"),
            ("Resources", "Agenda partagé | https://www.francenum.gouv.fr/\nNoter le créneau comme un rendez-vous."));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var action = await app.QueryAsync(db => db.CatalogActions.SingleAsync(a => a.Code == "DIGITAL_TIME_SLOT"));
        Assert.Equal(3, action.Impact);
        Assert.Equal(2, action.ResourceList.Count);

        var stale = await client.SubmitAsync(page, "/actions/DIGITAL_TIME_SLOT/modifier", ("Impact", "1")).ToPageAsync();
        Assert.Equal(HttpStatusCode.Conflict, stale.Status);
        Assert.Contains("Version enregistrée", stale.Text);
    }
}
