using System.Net;
using Coaching.Core.Audit;
using Coaching.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Coaching.Tests.Authorization;

/// <summary>
/// The id that names a request's target comes from the route only (RouteIdsFromRouteOnly): the same id in the query
/// string or the form body, naming another object that the persona may reach, changes nothing, and the audit trail
/// names the file that the action really read.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class RouteIdsOnlyTests(CoachingAppFactory app)
{
    [Fact]
    public async Task Ids_in_the_query_or_the_body_never_override_the_route()
    {
        var rows = AuthorizationTable.Rows.Where(r => r.Url.Split('?')[0].Contains('{')).ToList();
        Assert.NotEmpty(rows);
        var failures = new List<string>();
        foreach (var row in rows)
        {
            foreach (var (persona, side) in new[] { (Persona.AdvisorA, "A"), (Persona.AdvisorB, "B") })
            {
                foreach (var conflicting in ConflictingIds(side))
                {
                    var expected = row.Expected(persona) is { Location: { } location } redirect ? redirect with { Location = app.Ids.Resolve(location) } : row.Expected(persona);
                    var actual = await SendAsync(row, persona, conflicting);
                    if (!expected.Matches(actual))
                        failures.Add($"{row} as {persona} with {string.Join("&", conflicting.Select(c => c.Key + "=" + c.Value))} in query and body: expected {expected}, got {actual}.");
                }
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} request(s) were steered by a query or body id:\n" + string.Join("\n", failures));
    }

    [Fact]
    public async Task The_audit_names_the_file_of_the_route_not_the_one_of_the_body()
    {
        var routeFile = app.Ids.MerchantOfAdvisorA;
        var otherFile = app.Ids.MerchantOfAdvisorB;
        var names = await app.QueryAsync(db => db.Merchants.Where(m => m.Id == routeFile || m.Id == otherFile).ToDictionaryAsync(m => m.Id, m => m.BusinessName));
        using var client = await app.CreateClientAs(Persona.Manager);
        var mark = await app.QueryAsync(db => db.AuditEntries.MaxAsync(e => (long?)e.Id)) ?? 0;

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/dossiers/{routeFile}?id={otherFile}")
        {
            Content = new FormUrlEncodedContent([new("id", otherFile.ToString(System.Globalization.CultureInfo.InvariantCulture))]),
        };
        var page = await HtmlPage.ParseAsync(await client.SendAsync(request));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(names[routeFile], page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(names[otherFile], page.Text, StringComparison.Ordinal);
        var entries = await app.QueryAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Id > mark && e.ActorId == app.Ids.ManagerUserId).ToListAsync());
        var entry = Assert.Single(entries, e => e.Detail == "Merchants.Details");
        Assert.Equal((AuditAction.Read, AuditTarget.Merchant, routeFile.ToString(System.Globalization.CultureInfo.InvariantCulture)), (entry.Action, entry.TargetType, entry.TargetId));
    }

    /// <summary>Ids of objects on one side (advisor A's or advisor B's files), under every parameter name of the routes.</summary>
    private IEnumerable<Dictionary<string, string>> ConflictingIds(string side)
    {
        var p = app.Ids.Placeholders;
        var common = new Dictionary<string, string>
        {
            ["merchantId"] = p["merchant" + side],
            ["itemId"] = p["planItemOfMerchant" + side],
            ["roadmapId"] = p["roadmapOfMerchant" + side],
            ["step"] = "2",
        };
        foreach (var id in new[] { p["merchant" + side], p["sessionOfMerchant" + side], p["diagnosticOfMerchant" + side], p["merchant" + side + "User"], p["questionnaire"] })
            yield return new Dictionary<string, string>(common) { ["id"] = id };
    }

    private async Task<Outcome> SendAsync(Row row, Persona persona, Dictionary<string, string> conflicting)
    {
        using var client = await app.CreateClientAs(persona);
        var url = app.Ids.Resolve(row.Url);
        var query = string.Join("&", conflicting.Select(c => c.Key + "=" + Uri.EscapeDataString(c.Value)));
        url += (url.Contains('?') ? "&" : "?") + query;
        var fields = conflicting.Select(c => new KeyValuePair<string, string>(c.Key, c.Value)).ToList();
        var method = row.Method is AuthorizationTable.GET or AuthorizationTable.ANY ? "GET" : row.Method;
        if (method != "GET")
        {
            fields.AddRange(app.Ids.Resolve(row.Form).Split('&', StringSplitOptions.RemoveEmptyEntries)
                .Select(f => f.Split('=', 2)).Select(kv => new KeyValuePair<string, string>(Uri.UnescapeDataString(kv[0]), Uri.UnescapeDataString(kv.Length > 1 ? kv[1] : ""))));
            fields.Add(new(HtmlPage.AntiforgeryFieldName, await app.AntiforgeryTokenOf(persona)));
        }
        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = new FormUrlEncodedContent(fields) });
        return Outcome.Of(response);
    }
}
