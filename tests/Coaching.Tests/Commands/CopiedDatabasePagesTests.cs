using System.Net;
using UglyToad.PdfPig;
using Coaching.Tests.Support;

namespace Coaching.Tests.Commands;

/// <summary>The demo club copied to PostgreSQL serves the same pages with the same figures as on SQLite.</summary>
public sealed class CopiedDatabasePagesTests(ServedCopy copy) : IClassFixture<ServedCopy>
{
    [PostgresFact]
    public Task The_advisor_sees_the_same_case_files_diagnostics_plans_and_sessions() => AssertSamePagesAsync(Persona.AdvisorA,
        "/dossiers", "/dossiers?sort=recent", "/portefeuille", "/dossiers/{merchantA}", "/dossiers/{merchantOfAdvisorA}",
        "/dossiers/{merchantA}/diagnostics", "/diagnostics/{diagnosticOfMerchantA}", "/dossiers/{merchantA}/plan",
        "/seances/{sessionOfMerchantA}", "/dossiers/{merchantA}/feuille-de-route");

    [PostgresFact]
    public Task The_manager_sees_the_same_club() => AssertSamePagesAsync(Persona.Manager,
        "/dossiers", "/dossiers?page=2", "/dossiers/{merchantB}", "/diagnostics/{diagnosticOfMerchantB}", "/dossiers/{merchantB}/plan");

    [PostgresFact]
    public Task The_merchant_sees_the_same_space() => AssertSamePagesAsync(Persona.MerchantA, "/mon-espace");

    [PostgresFact]
    public async Task The_roadmaps_read_the_same_issued_and_freshly_drawn_with_the_logo()
    {
        foreach (var url in new[] { "/dossiers/{merchantA}/feuille-de-route/{roadmapOfMerchantA}", "/dossiers/{merchantA}/feuille-de-route/apercu" })
        {
            var onSqlite = await PdfTextAsync(copy.Source, url);
            var onPostgres = await PdfTextAsync(copy.Target!, url);
            Assert.True(onSqlite == onPostgres, $"{url}:\n{onSqlite}\n---\n{onPostgres}");
            Assert.Contains("Feuille de route", onSqlite, StringComparison.OrdinalIgnoreCase);
        }
        var logo = await (await copy.Target!.CreateBrowserClient().GetAsync("/reglages/logo")).Content.ReadAsByteArrayAsync();
        Assert.Equal(CopiedDemoDatabase.TinyPng, logo);
    }

    [PostgresFact]
    public Task The_club_reports_show_the_same_figures() => AssertSamePagesAsync(Persona.Manager,
        "/rapports", "/rapports?Advisor={advisorB}", "/rapports?Department=33");

    private async Task AssertSamePagesAsync(Persona persona, params string[] templates)
    {
        var onSqlite = await copy.Source.CreateClientAs(persona);
        var onPostgres = await copy.Target!.CreateClientAs(persona);
        foreach (var template in templates)
        {
            var url = copy.Source.Ids.Resolve(template);
            var expected = await onSqlite.GetPageAsync(url);
            var actual = await onPostgres.GetPageAsync(url, expected: null);
            Assert.True(actual.Status == HttpStatusCode.OK, $"{url} on PostgreSQL: {(int)actual.Status}\n{string.Join("\n", copy.Target.Log.Entries)}");
            Assert.Equal(MainText(expected), MainText(actual));
        }
    }

    private static string MainText(HtmlPage page) =>
        string.Join(' ', (page.Document.QuerySelector("main")?.TextContent ?? page.Text).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static async Task<string> PdfTextAsync(CoachingAppFactory app, string template)
    {
        var client = await app.CreateClientAs(Persona.AdvisorA);
        var response = await client.GetAsync(app.Ids.Resolve(template));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        return string.Join("\n", pdf.GetPages().Select(p => p.Text));
    }
}
