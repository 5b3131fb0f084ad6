using System.Net;
using Coaching.Tests.Support;

namespace Coaching.Tests.Features.Merchants;

[Collection(AppCollection.Name)]
public sealed class MerchantListTests(CoachingAppFactory app)
{
    [Fact]
    public async Task Search_ignores_accents_and_case()
    {
        var client = await app.CreateClientAs(Persona.Manager);
        await client.SubmitAsync(await client.GetPageAsync("/dossiers/nouveau"), "/dossiers/nouveau",
            TestData.ValidMerchant(TestData.NewSiret(), "Épicerie Zéphyrine"));

        var page = await client.GetPageAsync("/dossiers?q=EPICERIE+zephyrine");

        Assert.Contains("Épicerie Zéphyrine", page.Text);
    }

    [Fact]
    public async Task Unknown_filter_values_are_dropped_with_a_message_not_an_error()
    {
        var client = await app.CreateClientAs(Persona.Manager);

        var page = await client.GetPageAsync("/dossiers?status=Bogus&department=999&sector=1&page=-5&sort=%27;drop");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("statut demandé est inconnu", page.Text);
        Assert.Contains("département demandé est inconnu", page.Text);
        Assert.Contains("secteur demandé est inconnu", page.Text);
    }

    [Fact]
    public async Task An_advisor_lists_their_caseload_and_the_unassigned_merchants_of_their_departments_only()
    {
        var client = await app.CreateClientAs(Persona.AdvisorA);
        var all = new List<string>();
        for (var pageNumber = 1; pageNumber <= 10; pageNumber++)
        {
            var page = await client.GetPageAsync($"/dossiers?page={pageNumber}");
            all.AddRange(page.Document.QuerySelectorAll("table a").Select(a => a.GetAttribute("href")!));
            if (page.Document.QuerySelector("a[rel=next]") is null) break;
        }

        Assert.Contains($"/dossiers/{app.Ids.MerchantA}", all);
        Assert.Contains($"/dossiers/{app.Ids.UnassignedInAdvisorADepartments}", all);
        Assert.DoesNotContain($"/dossiers/{app.Ids.MerchantB}", all);
        Assert.DoesNotContain($"/dossiers/{app.Ids.MerchantOfAdvisorB}", all);
    }

    [Fact]
    public async Task A_manager_reassigns_a_merchant_and_the_timeline_says_so()
    {
        var client = await app.CreateClientAs(Persona.Manager);
        var created = await client.SubmitAsync(await client.GetPageAsync("/dossiers/nouveau"), "/dossiers/nouveau", TestData.ValidMerchant(TestData.NewSiret()));
        var url = created.Headers.Location!.OriginalString;
        var id = url.Split('/').Last();
        var details = await client.GetPageAsync(url);

        var response = await client.PostFormAsync($"/dossiers/{id}/reaffecter", details, ("advisorId", app.Ids.AdvisorBUserId));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await client.GetPageAsync(url);
        Assert.Contains("Dossier confié à Claire Conseillère", after.Text);

        var unknown = await client.PostFormAsync($"/dossiers/{id}/reaffecter", details, ("advisorId", "not-an-advisor"));
        Assert.Equal(HttpStatusCode.Redirect, unknown.StatusCode);
        Assert.Contains("n'existe pas dans le club", (await client.GetPageAsync(url)).Text);
    }
}
