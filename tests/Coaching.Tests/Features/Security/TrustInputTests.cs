using System.Net;
using Coaching.Core.ReferenceData;
using Coaching.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Coaching.Web.Hosting;

namespace Coaching.Tests.Features.Security;

/// <summary>Issue 15, second round: dates at the calendar's edges, formula and control characters, e-mails, axis codes, communes.</summary>
[Collection(AppCollection.Name)]
public sealed class TrustInputTests(CoachingAppFactory app)
{
    [Theory]
    [InlineData("/rapports?From=9999-12-31", "From")]
    [InlineData("/rapports?To=0001-01-01", "To")]
    [InlineData("/rapports?From=0001-01-01&To=9999-12-31", "To")]
    [InlineData("/rapports?From=2026-01-01&To=9999-12-31", "To")]
    [InlineData("/rapports/export.csv?From=9999-12-31", "From")]
    [InlineData("/rapports/export.csv?To=0001-01-01", "To")]
    [InlineData("/rapports/donnees-ouvertes.csv?From=9999-12-31", "From")]
    [InlineData("/rapports/donnees-ouvertes.csv?To=0001-01-01", "To")]
    [InlineData("/rapports/rapport.pdf?To=0001-01-01", "To")]
    [InlineData("/rapports?CohortFrom=9999-12-31&CohortTo=9999-12-31", "CohortFrom")]
    public async Task Report_dates_at_the_calendars_edges_get_a_French_message(string url, string field)
    {
        var client = await app.CreateClientAs(Persona.Manager);
        var page = await HtmlPage.ParseAsync(await client.GetAsync(url));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("text/html", page.Response.Content.Headers.ContentType?.MediaType);
        Assert.Matches("2000|date", page.FieldError(field));
    }

    [Theory]
    [InlineData("/journal?To=9999-12-31", "To")]
    [InlineData("/journal?From=0001-01-01", "From")]
    [InlineData("/journal?From=2026-01-01&To=9999-12-31", "To")]
    public async Task Audit_dates_at_the_calendars_edges_get_a_French_message(string url, string field)
    {
        var client = await app.CreateClientAs(Persona.Admin);
        var page = await HtmlPage.ParseAsync(await client.GetAsync(url));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("entre le 01/01/2000 et le 31/12/2100", page.FieldError(field));
    }

    [Fact]
    public async Task The_invitation_form_refuses_formula_names_markup_addresses_and_bidi_overrides()
    {
        var admin = await app.CreateClientAs(Persona.Admin);
        var form = await admin.GetPageAsync("/comptes/inviter");

        var formula = await admin.SubmitAsync(form, "/comptes/inviter", ("DisplayName", "=HYPERLINK(\"http://x.example\",\"clic\")"),
            ("Email", "a\"><img src=x onerror=alert(1)>@x.fr"), ("Role", "Advisor")).ToPageAsync();
        Assert.Equal(HttpStatusCode.OK, formula.Status);
        Assert.Contains("ne peut pas commencer par « = »", formula.FieldError("DisplayName"));
        Assert.Contains("adresse e-mail valide", formula.FieldError("Email"));

        var bidi = await admin.SubmitAsync(form, "/comptes/inviter", ("DisplayName", "Nina \u202Eexe.txt"), ("Email", $"nina-{Guid.NewGuid():N}@exemple.fr"), ("Role", "Advisor")).ToPageAsync();
        Assert.Contains("caractères invisibles ou de contrôle", bidi.FieldError("DisplayName"));
        Assert.False(await app.QueryAsync(db => db.Users.AnyAsync(u => u.DisplayName.StartsWith("=") || u.DisplayName.Contains("\u202E"))));
    }

    [Fact]
    public async Task The_case_file_form_refuses_control_characters_odd_e_mails_and_formula_contacts()
    {
        var client = await app.CreateClientAs(Persona.AdvisorA);
        var form = await client.GetPageAsync("/dossiers/nouveau");

        var page = await client.SubmitAsync(form, "/dossiers/nouveau", TestData.ValidMerchant(TestData.NewSiret(), "Chez Nina\u202Egnp.exe",
            ("ContactName", "@SUM(1+1)*cmd"), ("Email", "\"nina\"@exemple.fr"), ("AddressLine", "3 rue\u001b[2J du Port"))).ToPageAsync();

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("caractères invisibles", page.FieldError("BusinessName"));
        Assert.Contains("ne peut pas commencer", page.FieldError("ContactName"));
        Assert.Contains("adresse e-mail valide", page.FieldError("Email"));
        Assert.Contains("caractères invisibles", page.FieldError("AddressLine"));
    }

    [Fact]
    public async Task A_catalogue_action_cannot_point_to_an_axis_that_no_published_questionnaire_has()
    {
        var admin = await app.CreateClientAs(Persona.Admin);
        var form = await admin.GetPageAsync("/actions/TILL_BACKUP/modifier");

        var page = await admin.SubmitAsync(form, "/actions/TILL_BACKUP/modifier", ("AxisCode", "AXE_INEXISTANT")).ToPageAsync();

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("aucun questionnaire publié", page.FieldError("AxisCode"));
        Assert.NotEqual("AXE_INEXISTANT", await app.QueryAsync(db => db.CatalogActions.Where(a => a.Code == "TILL_BACKUP").Select(a => a.AxisCode).SingleAsync()));
    }

    [Theory]
    [InlineData("02160", "Oeuilly", "Œuilly")]
    [InlineData("02160", "OEUILLY", "Œuilly")]
    [InlineData("17400", "Saint-Jean-d’Angély", "Saint-Jean-d'Angély")]
    [InlineData("17400", "Saint-Jean-dʼAngély", "Saint-Jean-d'Angély")]
    public async Task A_commune_typed_with_a_ligature_or_a_typographic_apostrophe_is_accepted(string postcode, string typed, string stored)
    {
        var client = await app.CreateClientAs(Persona.AdvisorA);
        var siret = TestData.NewSiret();

        var response = await client.SubmitAsync(await client.GetPageAsync("/dossiers/nouveau"), "/dossiers/nouveau",
            TestData.ValidMerchant(siret, "Épicerie des communes", ("Postcode", postcode), ("CommuneName", typed)));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(stored, await app.QueryAsync(db => db.Merchants.Where(m => m.Siret == siret).Select(m => m.CommuneName).SingleAsync()));
    }

    [Fact]
    public async Task A_wrong_commune_lists_every_commune_of_a_shared_postcode()
    {
        var communes = FrenchGeography.Instance.CommunesWithPostcode("51300");
        Assert.True(communes.Count > 40);
        var client = await app.CreateClientAs(Persona.AdvisorA);

        var page = await client.SubmitAsync(await client.GetPageAsync("/dossiers/nouveau"), "/dossiers/nouveau",
            TestData.ValidMerchant(TestData.NewSiret(), "Épicerie des communes", ("Postcode", "51300"), ("CommuneName", "Bordeaux"))).ToPageAsync();

        var message = page.FieldError("CommuneName");
        Assert.All(communes, c => Assert.Contains(c.Name, message));
        var suggestions = page.Document.QuerySelectorAll("datalist#communes option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Equal(communes.Select(c => c.Name), suggestions);
    }
}
