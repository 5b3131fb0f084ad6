using System.Net;
using Coaching.Tests.Support;

namespace Coaching.Tests.Features.Shared;

/// <summary>
/// Every case-file page answers the same for the same situation (CaseFileAccess): 404 to an advisor who may not read
/// the file (not his, not unassigned in his departments: existence does not leak), 200 on reads and 403 on edits to
/// one who may only read it (an unassigned merchant of his departments). The reassignment is a club manager's page:
/// the policy refuses advisors (403) before any file is looked at, so it is not walked here.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class CaseFileAccessTests(CoachingAppFactory app)
{
    /// <summary>Pages of merchant A's file (assigned to advisor A), as (method, URL, form).</summary>
    public static TheoryData<string, string, string> PagesOfAdvisorAsFile => new()
    {
        { "GET", "/dossiers/{merchantA}", "" },
        { "GET", "/dossiers/{merchantA}?kind=Updated", "" },
        { "GET", "/dossiers/{merchantA}/modifier", "" },
        { "POST", "/dossiers/{merchantA}/modifier", "ContactName=x" },
        { "GET", "/dossiers/{merchantA}/diagnostics", "" },
        { "POST", "/dossiers/{merchantA}/diagnostics", "Kind=AdvisorDiagnostic" },
        { "GET", "/diagnostics/{diagnosticOfMerchantA}", "" },
        { "POST", "/diagnostics/{diagnosticOfMerchantA}/valider", "" },
        { "GET", "/diagnostics/{diagnosticInProgress}/etape/1", "" },
        { "POST", "/diagnostics/{diagnosticInProgress}/etape/1", "" },
        { "POST", "/diagnostics/{diagnosticInProgress}/reponses", "" },
        { "GET", "/diagnostics/{diagnosticInProgress}/terminer", "" },
        { "POST", "/diagnostics/{diagnosticInProgress}/terminer", "" },
        { "GET", "/dossiers/{merchantA}/plan", "" },
        { "GET", "/dossiers/{merchantA}/plan/proposition", "" },
        { "POST", "/dossiers/{merchantA}/plan/proposition", "" },
        { "POST", "/dossiers/{merchantA}/plan/ajouter", "code=TILL_BACKUP" },
        { "GET", "/dossiers/{merchantA}/plan/actions/{planItemOfMerchantA}", "" },
        { "POST", "/dossiers/{merchantA}/plan/actions/{planItemOfMerchantA}", "" },
        { "POST", "/dossiers/{merchantA}/plan/actions/{planItemOfMerchantA}/retirer", "" },
        { "POST", "/dossiers/{merchantA}/plan/actions/{planItemOfMerchantA}/deplacer", "direction=up" },
        { "GET", "/dossiers/{merchantA}/feuille-de-route", "" },
        { "GET", "/dossiers/{merchantA}/feuille-de-route/apercu", "" },
        { "POST", "/dossiers/{merchantA}/feuille-de-route", "number=0" },
        { "GET", "/dossiers/{merchantA}/feuille-de-route/{roadmapOfMerchantA}", "" },
        { "GET", "/dossiers/{merchantA}/rgpd", "" },
        { "GET", "/dossiers/{merchantA}/rgpd/export.zip", "" },
        { "POST", "/dossiers/{merchantA}/rgpd/effacer", "" },
        { "GET", "/seances/nouvelle?dossier={merchantA}", "" },
        { "GET", "/seances/{sessionOfMerchantA}", "" },
        { "GET", "/seances/{sessionOfMerchantA}/modifier", "" },
        { "POST", "/seances/{sessionOfMerchantA}/modifier", "Notes=x" },
        { "GET", "/seances/{sessionOfMerchantA}/rendez-vous.ics", "" },
        { "GET", "/comptes/inviter?merchantId={merchantA}", "" },
    };

    [Theory]
    [MemberData(nameof(PagesOfAdvisorAsFile))]
    public async Task An_advisor_who_may_not_read_the_file_gets_404(string method, string url, string form)
    {
        using var response = await SendAsync(Persona.AdvisorB, method, url, form);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    /// <summary>Pages of an unassigned merchant of advisor A's departments: he reads it, he does not edit it.</summary>
    public static TheoryData<string, string, string, HttpStatusCode> PagesOfAReadOnlyFile => new()
    {
        { "GET", "/dossiers/{unassignedOfAdvisorA}", "", HttpStatusCode.OK },
        { "GET", "/dossiers/{unassignedOfAdvisorA}/diagnostics", "", HttpStatusCode.OK },
        { "GET", "/dossiers/{unassignedOfAdvisorA}/plan", "", HttpStatusCode.OK },
        { "GET", "/dossiers/{unassignedOfAdvisorA}/feuille-de-route", "", HttpStatusCode.OK },
        { "GET", "/dossiers/{unassignedOfAdvisorA}/modifier", "", HttpStatusCode.Forbidden },
        { "POST", "/dossiers/{unassignedOfAdvisorA}/modifier", "ContactName=x", HttpStatusCode.Forbidden },
        { "POST", "/dossiers/{unassignedOfAdvisorA}/diagnostics", "Kind=AdvisorDiagnostic", HttpStatusCode.Forbidden },
        { "GET", "/dossiers/{unassignedOfAdvisorA}/plan/proposition", "", HttpStatusCode.Forbidden },
        { "POST", "/dossiers/{unassignedOfAdvisorA}/plan/proposition", "", HttpStatusCode.Forbidden },
        { "POST", "/dossiers/{unassignedOfAdvisorA}/plan/ajouter", "code=TILL_BACKUP", HttpStatusCode.Forbidden },
        { "POST", "/dossiers/{unassignedOfAdvisorA}/feuille-de-route", "number=0", HttpStatusCode.Forbidden },
        { "GET", "/dossiers/{unassignedOfAdvisorA}/rgpd", "", HttpStatusCode.Forbidden },
        { "POST", "/dossiers/{unassignedOfAdvisorA}/rgpd/effacer", "", HttpStatusCode.Forbidden },
        { "GET", "/seances/nouvelle?dossier={unassignedOfAdvisorA}", "", HttpStatusCode.Forbidden },
        { "GET", "/comptes/inviter?merchantId={unassignedOfAdvisorA}", "", HttpStatusCode.Forbidden },
    };

    [Theory]
    [MemberData(nameof(PagesOfAReadOnlyFile))]
    public async Task An_advisor_who_may_only_read_the_file_reads_it_and_gets_403_on_edits(string method, string url, string form, HttpStatusCode expected)
    {
        using var response = await SendAsync(Persona.AdvisorA, method, url, form);
        Assert.Equal(expected, response.StatusCode);
    }

    private async Task<HttpResponseMessage> SendAsync(Persona persona, string method, string url, string form)
    {
        using var client = await app.CreateClientAs(persona);
        var resolved = app.Ids.Resolve(url);
        if (method == "GET") return await client.GetAsync(resolved);
        var fields = form.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(f => f.Split('=', 2)).Select(p => (p[0], p[1])).ToArray();
        return await client.PostFormAsync(resolved, await app.AntiforgeryTokenOf(persona), fields);
    }
}
