using System.Net;
using Coaching.Core.Merchants;
using Microsoft.EntityFrameworkCore;
using Coaching.Tests.Support;

namespace Coaching.Tests.Features.Merchants;

[Collection(AppCollection.Name)]
public sealed class MerchantFormTests(CoachingAppFactory app)
{
    [Fact]
    public async Task A_valid_case_file_is_created_with_derived_geography_sector_and_a_timeline_entry()
    {
        var client = await app.CreateClientAs(Persona.AdvisorA);
        var form = await client.GetPageAsync("/dossiers/nouveau");
        var siret = TestData.NewSiret();

        var response = await client.SubmitAsync(form, "/dossiers/nouveau",
            TestData.ValidMerchant(siret, "Café de l'Œuf", ("Channels", "Website"), ("ConsentGiven", "true"), ("Phone", "+33 5 56 12 34 56"), ("CommuneName", "bordeaux")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var merchant = await app.QueryAsync(db => db.Merchants.Include(m => m.Events).SingleAsync(m => m.Siret == siret));
        Assert.Equal("33063", merchant.CommuneCode);
        Assert.Equal("Bordeaux", merchant.CommuneName);
        Assert.Equal("33", merchant.DepartmentCode);
        Assert.Equal("75", merchant.RegionCode);
        Assert.Equal(Coaching.Core.ReferenceData.SectorFamily.HomeEquipment, merchant.Sector);
        Assert.Equal("05 56 12 34 56", merchant.Phone);
        Assert.Equal(app.Ids.AdvisorAUserId, merchant.AssignedAdvisorId);
        Assert.NotNull(merchant.ConsentGivenAt);
        Assert.Equal(app.Ids.AdvisorAUserId, merchant.ConsentRecordedById);
        Assert.Contains(merchant.Events, e => e.Kind == CaseEventKind.Created);

        var details = await client.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("Café de l'Œuf", details.Text);
        Assert.Contains("Création du dossier", details.Text);
    }

    [Fact]
    public async Task Bad_input_gets_French_messages_next_to_the_fields_and_keeps_what_was_typed()
    {
        var client = await app.CreateClientAs(Persona.AdvisorA);
        var form = await client.GetPageAsync("/dossiers/nouveau");

        var page = await client.SubmitAsync(form, "/dossiers/nouveau",
            TestData.ValidMerchant("12345678901234", "<script>alert('x')</script>",
                ("NafCode", "99.99Q"), ("CommuneName", "Pessac"), ("Phone", "12"), ("Email", "pas-une-adresse"))).ToPageAsync();

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("clé de contrôle", page.FieldError("Siret"));
        Assert.Contains("code NAF/APE est inconnu", page.FieldError("NafCode"));
        Assert.Contains("Bordeaux", page.FieldError("CommuneName"));
        Assert.Contains("10 chiffres", page.FieldError("Phone"));
        Assert.Contains("adresse e-mail valide", page.FieldError("Email"));
        Assert.Equal("<script>alert('x')</script>", page.InputValue("BusinessName"));
        Assert.Equal("Pessac", page.InputValue("CommuneName"));
        Assert.DoesNotContain("<script>alert", page.Html);
    }

    [Fact]
    public async Task A_second_case_file_with_the_same_SIRET_is_refused()
    {
        var client = await app.CreateClientAs(Persona.Manager);
        var siret = TestData.NewSiret();
        var first = await client.SubmitAsync(await client.GetPageAsync("/dossiers/nouveau"), "/dossiers/nouveau", TestData.ValidMerchant(siret));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        var second = await client.SubmitAsync(await client.GetPageAsync("/dossiers/nouveau"), "/dossiers/nouveau", TestData.ValidMerchant(siret, "Autre nom")).ToPageAsync();

        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Contains("existe déjà", second.FieldError("Siret"));
        Assert.Equal(1, await app.QueryAsync(db => db.Merchants.CountAsync(m => m.Siret == siret)));
    }

    [Fact]
    public async Task A_concurrent_edit_is_caught_both_versions_are_shown_and_nothing_is_lost()
    {
        var manager = await app.CreateClientAs(Persona.Manager);
        var created = await manager.SubmitAsync(await manager.GetPageAsync("/dossiers/nouveau"), "/dossiers/nouveau", TestData.ValidMerchant(TestData.NewSiret()));
        var id = created.Headers.Location!.OriginalString.Split('/').Last();

        var firstTab = await manager.GetPageAsync($"/dossiers/{id}/modifier");
        var secondTab = await manager.GetPageAsync($"/dossiers/{id}/modifier");
        var saved = await manager.SubmitAsync(secondTab, $"/dossiers/{id}/modifier", ("ContactName", "Paul Second"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var conflict = await manager.SubmitAsync(firstTab, $"/dossiers/{id}/modifier", ("ContactName", "Anne Première")).ToPageAsync();

        Assert.Equal(HttpStatusCode.OK, conflict.Status);
        Assert.Contains(conflict.FormErrors, e => e.Contains("modifié par quelqu'un d'autre", StringComparison.Ordinal));
        Assert.Equal("Anne Première", conflict.InputValue("ContactName"));
        Assert.Contains("Paul Second", conflict.Document.QuerySelector(".conflict")!.TextContent);
        Assert.Equal("Paul Second", await app.QueryAsync(db => db.Merchants.Where(m => m.Id == int.Parse(id)).Select(m => m.ContactName).SingleAsync()));

        // Saving again from the conflict page keeps the loser's values on purpose.
        var resolved = await manager.SubmitAsync(conflict, $"/dossiers/{id}/modifier");
        Assert.Equal(HttpStatusCode.Redirect, resolved.StatusCode);
        Assert.Equal("Anne Première", await app.QueryAsync(db => db.Merchants.Where(m => m.Id == int.Parse(id)).Select(m => m.ContactName).SingleAsync()));
    }

    [Fact]
    public async Task An_edit_is_recorded_on_the_timeline_with_what_changed()
    {
        var client = await app.CreateClientAs(Persona.Manager);
        var created = await client.SubmitAsync(await client.GetPageAsync("/dossiers/nouveau"), "/dossiers/nouveau", TestData.ValidMerchant(TestData.NewSiret()));
        var url = created.Headers.Location!.OriginalString;
        var id = url.Split('/').Last();

        await client.SubmitAsync(await client.GetPageAsync($"/dossiers/{id}/modifier"), $"/dossiers/{id}/modifier", ("Phone", "0612345678"), ("Status", "Finished"));

        var details = await client.GetPageAsync(url);
        Assert.Contains("Modifié : téléphone, statut.", details.Text);
        var filtered = await client.GetPageAsync(url + "?kind=Created");
        Assert.DoesNotContain("Modifié :", filtered.Text);
    }
}
