using System.Net;
using Coaching.Core.Diagnostics.Assessments;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;
using Coaching.Tests.Support;

namespace Coaching.Tests.Features.MySpace;

[Collection(AppCollection.Name)]
public sealed class MySpaceTests(CoachingAppFactory app)
{
    [Fact]
    public async Task The_merchant_sees_level_radar_with_its_table_plan_appointment_self_assessment_and_roadmaps()
    {
        var level = await app.QueryAsync(db => db.Assessments
            .Where(a => a.MerchantId == app.Ids.MerchantA && a.Status == AssessmentStatus.Completed)
            .OrderByDescending(a => a.CompletedAt).Select(a => a.LevelName).FirstAsync());
        var client = await app.CreateClientAs(Persona.MerchantA);

        var page = await client.GetPageAsync("/mon-espace");

        Assert.Contains($"Niveau : {level}", page.Text);
        Assert.NotNull(page.Document.QuerySelector("figure.radar-figure svg[role='img']"));
        Assert.NotEmpty(page.Document.QuerySelectorAll("table th[scope='row']"));
        Assert.NotNull(page.Document.QuerySelector(".table-wrap[role='region'][tabindex='0'][aria-label]"));
        Assert.NotEmpty(page.Document.QuerySelectorAll("#plan ~ ol .plan-item"));
        Assert.NotNull(page.Document.QuerySelector("a[href='/mon-diagnostic']"));
        Assert.NotEmpty(page.Document.QuerySelectorAll("a[href^='/mon-espace/feuilles-de-route/']"));
        Assert.Null(page.Document.QuerySelector("[style]"));
        foreach (var textarea in page.Document.QuerySelectorAll("textarea"))
            Assert.NotNull(page.Document.QuerySelector($"label[for='{textarea.Id}']"));

        var ics = await client.GetAsync("/mon-espace/rendez-vous.ics");
        Assert.Equal(HttpStatusCode.OK, ics.StatusCode);
        Assert.Contains("BEGIN:VEVENT", await ics.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Staff_preview_the_draft_roadmap_as_a_pdf()
    {
        var client = await app.CreateClientAs(Persona.AdvisorA);

        var response = await client.GetAsync($"/dossiers/{app.Ids.MerchantA}/feuille-de-route/apercu");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        var name = await app.QueryAsync(db => db.Merchants.Where(m => m.Id == app.Ids.MerchantA).Select(m => m.BusinessName).SingleAsync());
        Assert.Contains(name.Split(' ')[0], string.Join(" ", pdf.GetPage(1).GetWords().Select(w => w.Text)));
        Assert.True(pdf.NumberOfPages >= 2);
        Assert.Equal(0, await app.QueryAsync(db => db.IssuedRoadmaps.CountAsync(r => r.MerchantId == app.Ids.MerchantA && r.Number > 1)));
    }

    [Fact]
    public async Task Each_demo_merchant_account_has_an_issued_roadmap()
    {
        foreach (var merchantId in new[] { app.Ids.MerchantA, app.Ids.MerchantB })
            Assert.True(await app.QueryAsync(db => db.IssuedRoadmaps.AnyAsync(r => r.MerchantId == merchantId && r.Content.Length > 1000)));
    }
}
