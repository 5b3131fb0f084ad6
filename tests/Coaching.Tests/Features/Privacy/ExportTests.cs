using System.IO.Compression;
using System.Net;
using System.Text.Json;
using Coaching.Core.Privacy;
using Coaching.Core.Sessions;
using Microsoft.EntityFrameworkCore;
using Coaching.Web.French;
using Coaching.Tests.Support;
using Coaching.Tests.Features;
using static Coaching.Tests.Features.CaseworkData;

namespace Coaching.Tests.Features.Privacy;

[Collection(AppCollection.Name)]
public sealed class ExportTests(CoachingAppFactory app)
{
    [Fact]
    public async Task The_export_is_a_zip_of_documented_json_files_with_the_issued_roadmaps_and_is_registered()
    {
        var advisor = await app.CreateClientAs(Persona.AdvisorA);
        var create = await advisor.GetPageAsync("/dossiers/nouveau");
        var created = await advisor.SubmitAsync(create, "/dossiers/nouveau", TestData.ValidMerchant(TestData.NewSiret(), "Librairie des Quais",
            ("ContactName", "Aline Export"), ("ConsentGiven", "true")));
        var merchantId = int.Parse(created.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        var past = Coaching.Web.French.ParisInput.FormatDateTime(app.Clock.GetUtcNow().AddDays(-1));
        var session = await advisor.SubmitAsync(await advisor.GetPageAsync($"/seances/nouvelle?dossier={merchantId}"), "/seances/nouvelle",
            ("StartsAt", past), ("DurationMinutes", "45"), ("Mode", nameof(SessionMode.Phone)), ("Notes", "Vitrine de Noël à préparer"));
        Assert.Equal(HttpStatusCode.Redirect, session.StatusCode);
        var roadmapUrl = $"/dossiers/{merchantId}/feuille-de-route";
        Assert.Equal(HttpStatusCode.Redirect, (await advisor.SubmitAsync(await advisor.GetPageAsync(roadmapUrl), roadmapUrl)).StatusCode);

        var response = await advisor.GetAsync($"/dossiers/{merchantId}/rgpd/export.zip");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync());
        Assert.Equal(["consentements.json", "diagnostics.json", "dossier.json", "feuilles-de-route.json", "feuilles-de-route/feuille-de-route-1.pdf", "historique.json", "plan.json", "seances.json"],
            zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));

        using var caseFile = await JsonAsync(zip, "dossier.json");
        Assert.Equal("coaching-merchant-export/1", caseFile.RootElement.GetProperty("format").GetString());
        Assert.Equal("Librairie des Quais", caseFile.RootElement.GetProperty("merchant").GetProperty("BusinessName").GetString());
        Assert.Equal("Aline Export", caseFile.RootElement.GetProperty("merchant").GetProperty("ContactName").GetString());
        using var consents = await JsonAsync(zip, "consentements.json");
        Assert.True(consents.RootElement[0].GetProperty("Given").GetBoolean());
        using var sessions = await JsonAsync(zip, "seances.json");
        Assert.Equal("Vitrine de Noël à préparer", sessions.RootElement[0].GetProperty("Notes").GetString());
        using var timeline = await JsonAsync(zip, "historique.json");
        Assert.Contains(timeline.RootElement.EnumerateArray(), e => e.GetProperty("Kind").GetString() == "RoadmapIssued");
        await using (var pdf = await zip.GetEntry("feuilles-de-route/feuille-de-route-1.pdf")!.OpenAsync())
        {
            var head = new byte[5];
            await pdf.ReadExactlyAsync(head);
            Assert.Equal("%PDF-"u8.ToArray(), head);
        }

        var register = await app.QueryAsync(db => db.PrivacyOperations.SingleAsync(o => o.MerchantId == merchantId));
        Assert.Equal(PrivacyOperationKind.Export, register.Kind);
        Assert.Equal(app.Ids.AdvisorAUserId, register.ActorId);
        var admin = await app.CreateClientAs(Persona.Admin);
        Assert.Contains($"n° {merchantId}", (await admin.GetPageAsync("/rgpd/registre")).Text);
    }

    [Fact]
    public async Task Consent_changes_are_kept_as_a_history_shown_on_the_case_file()
    {
        var advisor = await app.CreateClientAs(Persona.AdvisorA);
        var created = await advisor.SubmitAsync(await advisor.GetPageAsync("/dossiers/nouveau"), "/dossiers/nouveau",
            TestData.ValidMerchant(TestData.NewSiret(), "Cordonnerie Martin", ("ConsentGiven", "true")));
        var merchantId = int.Parse(created.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        var edit = await advisor.GetPageAsync($"/dossiers/{merchantId}/modifier");
        var fields = HtmlPage.FieldsOf(edit.Form($"/dossiers/{merchantId}/modifier")).Where(f => f.Key != "ConsentGiven").ToList();
        Assert.Equal(HttpStatusCode.Redirect, (await advisor.PostAsync($"/dossiers/{merchantId}/modifier", new FormUrlEncodedContent(fields))).StatusCode);

        var history = await app.QueryAsync(db => db.ConsentRecords.Where(c => c.MerchantId == merchantId).OrderBy(c => c.Id).ToListAsync());
        Assert.Equal([true, false], history.Select(c => c.Given));
        Assert.All(history, c => Assert.Equal(app.Ids.AdvisorAUserId, c.RecordedById));
        var details = await advisor.GetPageAsync($"/dossiers/{merchantId}");
        Assert.Contains("Historique du consentement", details.Text);
        Assert.Contains("Retiré le", details.Text);
        Assert.Contains("Recueilli le", details.Text);
    }

    private static async Task<JsonDocument> JsonAsync(ZipArchive zip, string name)
    {
        await using var stream = await zip.GetEntry(name)!.OpenAsync();
        return await JsonDocument.ParseAsync(stream);
    }
}
